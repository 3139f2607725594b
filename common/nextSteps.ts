// Next steps ("Konkretisera"): what, who, by when, and the mandate. Shared by the relay (which
// applies "Jag tar den" from a phone's outbox) and the client.
import { MANDATES, STEP_STATUSES, type NextStep } from './schema';
import { read, TextRules } from './records';
import { typedText } from './text';

const OWNER_KINDS = ['', 'participant', 'text', 'forum'] as const;
/** an id or order key: no text, never shown */
const key = (v: unknown) => read.key(v);
// the console's fields are bound to these as typed, so blanks stay (the summary trims)
const typed = read.typed;
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
  const r = read.fields(raw);
  const ownerKind = read.oneOf(r.ownerKind, OWNER_KINDS, '');
  return {
    id,
    what: typed(r.what, TextRules.stepWhat),
    ownerKind,
    ownerId: ownerKind === 'participant' ? key(r.ownerId) : '',
    ownerText: ownerKind === 'text' ? typed(r.ownerText, TextRules.stepOwner) : '',
    due: r.due === DUE_NEXT_MEETING ? DUE_NEXT_MEETING : parseDue(r.due),
    mandate: read.oneOf(r.mandate, MANDATES, 'decide'),
    proposeTo: r.mandate === 'propose' ? typed(r.proposeTo, TextRules.proposeTo) : '',
    status: read.oneOf(r.status, STEP_STATUSES, 'notStarted'),
    solutionId: key(r.solutionId),
    areaId: key(r.areaId),
    order: key(r.order),
    createdAt: read.num(r.createdAt, 0),
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

/** The texts of a step as the console writes them (keystroke by keystroke): through the parser's typing form. */
export function typedStepFields<T extends Partial<Pick<NextStep, 'what' | 'ownerText' | 'proposeTo'>>>(fields: T): T {
  const out = { ...fields };
  if (fields.what !== undefined) out.what = typedText(fields.what, TextRules.stepWhat);
  if (fields.ownerText !== undefined) out.ownerText = typedText(fields.ownerText, TextRules.stepOwner);
  if (fields.proposeTo !== undefined) out.proposeTo = typedText(fields.proposeTo, TextRules.proposeTo);
  return out;
}
