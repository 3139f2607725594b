// The check-in round: question, speaking order and current speaker (control doc, facilitator),
// and each participant's own short answer or pass: written in their private doc, copied by the
// relay to the meeting doc's checkin[participantId] (participants never write shared docs).
import type * as Y from 'yjs';
import { ControlRoots, MeetingRoots, PrivateRoots, type CheckinState, type RoundAnswer } from '@common/schema';
import { parseCheckinState, parseRoundAnswer, TextRules } from '@common/records';
import { cleanText } from '@common/text';
import { rootFields, rootItems, setFields, transact } from './core';
import { fieldsView, itemsView, type View } from './views';

/** The round's state root: check-in by default; the check-out round runs the same rules on its own root. */
export type RoundRoot = typeof ControlRoots.checkin | 'checkout';
export const roundFields = (control: Y.Doc, root: RoundRoot = ControlRoots.checkin) => rootFields(control, root);
const answers = (meeting: Y.Doc) => rootItems(meeting, MeetingRoots.checkin);

/** The check-in state with defaults, through the shared parser the relay uses too. */
export const normaliseCheckin = (raw: Partial<CheckinState>): CheckinState => parseCheckinState(raw);

export function checkinView(control: Y.Doc, root?: RoundRoot): View<Partial<CheckinState>> {
  return fieldsView<CheckinState>(roundFields(control, root), parseCheckinState);
}

// --- the participant's own answer: written into their private doc, put on the board by the relay ---

function writeOwnAnswer(privateDoc: Y.Doc, root: string, fields: Partial<RoundAnswer>, now: number): void {
  transact(privateDoc, () => setFields<RoundAnswer>(rootFields(privateDoc, root), { text: '', passed: false, ...readOwn(privateDoc, root), ...fields, updatedAt: now }));
}

const readOwn = (privateDoc: Y.Doc, root: string) => rootFields(privateDoc, root).toJSON() as Partial<RoundAnswer>;

/** Sets this phone's answer to a round (PrivateRoots.checkin or .checkout). */
export function setOwnRoundAnswer(privateDoc: Y.Doc, root: string, text: string, now: number = Date.now()): void {
  writeOwnAnswer(privateDoc, root, { text: cleanText(text, TextRules.answer), passed: false }, now);
}

/** Passes (or takes back the pass) in a round. */
export function passOwnRound(privateDoc: Y.Doc, root: string, passed = true, now: number = Date.now()): void {
  writeOwnAnswer(privateDoc, root, { passed }, now);
}

/** This phone's own answer as it stands on the device (shown at once, offline too). */
export function ownRoundAnswerView(privateDoc: Y.Doc, root: string): View<Partial<RoundAnswer>> {
  return fieldsView<RoundAnswer>(rootFields(privateDoc, root));
}

export const setCheckinAnswer = (privateDoc: Y.Doc, text: string, now?: number) =>
  setOwnRoundAnswer(privateDoc, PrivateRoots.checkin, text, now);
export const passCheckin = (privateDoc: Y.Doc, passed = true, now?: number) => passOwnRound(privateDoc, PrivateRoots.checkin, passed, now);

export function checkinAnswersView(meeting: Y.Doc): View<ReadonlyMap<string, RoundAnswer>> {
  return itemsView<RoundAnswer>(answers(meeting), parseRoundAnswer);
}

/** Ms left for the current speaker, or null when there is no per-speaker timer running. */
export function speakerRemainingMs(state: CheckinState, serverNow: number): number | null {
  if (!state.speakerSeconds || state.speakerStartedAt === null || !state.current) return null;
  // clamped: a device whose last clock tick predates the start must not show more than the full time
  const full = state.speakerSeconds * 1000;
  return Math.max(0, Math.min(full, state.speakerStartedAt + full - serverNow));
}
