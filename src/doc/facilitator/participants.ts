// Who is online and which expected organisations are represented: what the facilitator's
// screens read from presence.
import type { ExpectedOrg, Participant } from '@common/schema';
import { organisationKey as norm } from '@common/order';

/** What each device puts in awareness: never note text or drafts. */
export interface PresenceState {
  role?: string;
  participantId?: string | null;
}

/** Participant ids that have at least one device online. */
export function onlineParticipantIds(states: Iterable<Record<string, unknown>>): Set<string> {
  const ids = new Set<string>();
  for (const state of states) {
    const id = state.participantId;
    if (state.role === 'participant' && typeof id === 'string') ids.add(id);
  }
  return ids;
}

export interface Representation {
  present: { org: ExpectedOrg; people: Participant[] }[];
  missing: ExpectedOrg[];
  /** online participants whose organisation is not among the expected ones */
  others: Participant[];
}

/** Which expected organisations have someone online (matched case-insensitively). */
export function representation(
  expected: ExpectedOrg[],
  participants: Iterable<Participant>,
  online: ReadonlySet<string>,
): Representation {
  const here = [...participants].filter((p) => online.has(p.id));
  const present: Representation['present'] = [];
  const missing: ExpectedOrg[] = [];
  for (const org of expected) {
    const people = here.filter((p) => norm(p.organisation) === norm(org.name));
    if (people.length) present.push({ org, people });
    else missing.push(org);
  }
  const names = new Set(expected.map((o) => norm(o.name)));
  return { present, missing, others: here.filter((p) => !names.has(norm(p.organisation))) };
}
