// Next steps ("Konkretisera"): what, who, by when, and the mandate. Shared by the relay (which
// applies "Jag tar den" from a phone's outbox) and the client.
import { Limits, STEP_STATUSES, type NextStep, type StepStatus } from './schema';

const OWNER_KINDS = ['', 'participant', 'text', 'forum'] as const;
const str = (v: unknown, max: number) => (typeof v === 'string' ? v.slice(0, max) : '');
const DATE = /^\d{4}-\d{2}-\d{2}$/;
/** A step's `due` meaning "före nästa möte": before the forum's next planned meeting (common/term.ts). */
export const DUE_NEXT_MEETING = 'next';

/** A calendar date as YYYY-MM-DD, or '' when it is not one. */
export function parseDue(v: unknown): string {
  if (typeof v !== 'string' || !DATE.test(v)) return '';
  const d = new Date(`${v}T00:00:00Z`);
  return Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== v ? '' : v;
}

export function parseNextStep(id: string, raw: unknown): NextStep {
  const r = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const ownerKind = (OWNER_KINDS as readonly unknown[]).includes(r.ownerKind) ? (r.ownerKind as NextStep['ownerKind']) : '';
  return {
    id,
    what: str(r.what, Limits.textMax),
    ownerKind,
    ownerId: ownerKind === 'participant' ? str(r.ownerId, 64) : '',
    ownerText: ownerKind === 'text' ? str(r.ownerText, Limits.organisationMax) : '',
    due: r.due === DUE_NEXT_MEETING ? DUE_NEXT_MEETING : parseDue(r.due),
    mandate: r.mandate === 'propose' ? 'propose' : 'decide',
    proposeTo: r.mandate === 'propose' ? str(r.proposeTo, Limits.organisationMax) : '',
    status: (STEP_STATUSES as readonly unknown[]).includes(r.status) ? (r.status as StepStatus) : 'notStarted',
    solutionId: str(r.solutionId, 64),
    areaId: str(r.areaId, 64),
    order: str(r.order, 64),
    createdAt: typeof r.createdAt === 'number' && Number.isFinite(r.createdAt) ? r.createdAt : 0,
  };
}

/** A step a participant may take on from the phone: it has no owner yet and is not dropped. */
export function canVolunteer(step: NextStep): boolean {
  return step.ownerKind === '' && step.status !== 'dropped';
}

/** The fields "Jag tar den" changes, or null when the step is not free. */
export function volunteerFields(step: NextStep, participantId: string): Pick<NextStep, 'ownerKind' | 'ownerId'> | null {
  return canVolunteer(step) ? { ownerKind: 'participant', ownerId: participantId } : null;
}

/** Who owns a step, for display: a participant's name, the free text, or the forum. */
export function ownerLabel(step: NextStep, names: ReadonlyMap<string, string>, forum: string, nobody: string): string {
  switch (step.ownerKind) {
    case 'participant':
      return names.get(step.ownerId) ?? nobody;
    case 'text':
      return step.ownerText || nobody;
    case 'forum':
      return forum;
    default:
      return nobody;
  }
}
