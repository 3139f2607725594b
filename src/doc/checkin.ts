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
const stateMap = (control: Y.Doc, root: RoundRoot = ControlRoots.checkin) => rootFields(control, root);
const answers = (meeting: Y.Doc) => rootItems(meeting, MeetingRoots.checkin);

/** The check-in state with defaults, through the shared parser the relay uses too. */
export const normaliseCheckin = (raw: Partial<CheckinState>): CheckinState => parseCheckinState(raw);

export function readCheckin(control: Y.Doc, root?: RoundRoot): CheckinState {
  return normaliseCheckin(stateMap(control, root).toJSON() as Partial<CheckinState>);
}

const update = (control: Y.Doc, fields: Partial<CheckinState>, root?: RoundRoot) =>
  transact(control, () => setFields<CheckinState>(stateMap(control, root), fields));

export function setQuestion(control: Y.Doc, question: string, root?: RoundRoot): void {
  update(control, { question: cleanText(question, TextRules.question) }, root);
}

export function setSpeakerSeconds(control: Y.Doc, seconds: number, root?: RoundRoot): void {
  update(control, { speakerSeconds: Math.max(0, Math.min(600, Math.round(seconds))) }, root);
}

/** Sets the speaking order and starts the round over. */
export function setOrder(control: Y.Doc, order: string[], root?: RoundRoot): void {
  update(control, { order: [...new Set(order)], current: null, spoken: [], speakerStartedAt: null }, root);
}

/** Fisher–Yates with an injectable random source, for tests. */
export function shuffled<T>(items: readonly T[], random: () => number = Math.random): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/** Participant ids by arrival time. */
export function arrivalOrder(participants: Iterable<{ id: string; joinedAt: number }>): string[] {
  return [...participants].sort((a, b) => a.joinedAt - b.joinedAt || (a.id < b.id ? -1 : 1)).map((p) => p.id);
}

/** Adds people who joined after the order was set to its end, keeping everyone else's place. */
export function appendLatecomers(control: Y.Doc, ids: string[], root?: RoundRoot): void {
  transact(control, () => {
    const state = readCheckin(control, root);
    const missing = ids.filter((id) => !state.order.includes(id));
    if (missing.length) setFields<CheckinState>(stateMap(control, root), { order: [...state.order, ...missing] });
  });
}

/**
 * The current speaker is done; the next one in order who has not spoken takes the word.
 * Those in `skip` (e.g. who passed from their phone) are marked spoken without being called.
 */
export function nextSpeaker(control: Y.Doc, serverNow: number, skip: ReadonlySet<string> = new Set(), root?: RoundRoot): string | null {
  return transact(control, () => {
    const state = readCheckin(control, root);
    const spoken = [...state.spoken];
    if (state.current && !spoken.includes(state.current)) spoken.push(state.current);
    let next: string | null = null;
    for (const id of state.order) {
      if (spoken.includes(id)) continue;
      if (skip.has(id)) {
        spoken.push(id);
        continue;
      }
      next = id;
      break;
    }
    setFields<CheckinState>(stateMap(control, root), {
      spoken,
      current: next,
      speakerStartedAt: next ? serverNow : null,
    });
    return next;
  });
}

/** Marks someone as having spoken without making them the current speaker. */
export function markSpoken(control: Y.Doc, participantId: string, spoken = true): void {
  transact(control, () => {
    const state = readCheckin(control);
    const list = state.spoken.filter((id) => id !== participantId);
    if (spoken) list.push(participantId);
    const fields: Partial<CheckinState> = { spoken: list };
    if (spoken && state.current === participantId) {
      fields.current = null;
      fields.speakerStartedAt = null;
    }
    setFields<CheckinState>(stateMap(control), fields);
  });
}

/** Gives the word to a given person (e.g. to go back to someone). */
export function setCurrentSpeaker(control: Y.Doc, participantId: string | null, serverNow: number, root?: RoundRoot): void {
  update(control, { current: participantId, speakerStartedAt: participantId ? serverNow : null }, root);
}

export function checkinView(control: Y.Doc, root?: RoundRoot): View<Partial<CheckinState>> {
  return fieldsView<CheckinState>(stateMap(control, root), parseCheckinState);
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
