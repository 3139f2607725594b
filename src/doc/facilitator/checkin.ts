// The facilitator's commands on a round (check-in or check-out): the question, the speaking
// order, the speaker.
import type * as Y from 'yjs';
import type { CheckinState } from '@common/schema';
import { TextRules } from '@common/records';
import { cleanText } from '@common/text';
import { setFields, transact } from '../core';
import { normaliseCheckin, type RoundRoot, roundFields } from '../checkin';

export function readCheckin(control: Y.Doc, root?: RoundRoot): CheckinState {
  return normaliseCheckin(roundFields(control, root).toJSON() as Partial<CheckinState>);
}

const update = (control: Y.Doc, fields: Partial<CheckinState>, root?: RoundRoot) =>
  transact(control, () => setFields<CheckinState>(roundFields(control, root), fields));

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
    if (missing.length) setFields<CheckinState>(roundFields(control, root), { order: [...state.order, ...missing] });
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
    setFields<CheckinState>(roundFields(control, root), {
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
    setFields<CheckinState>(roundFields(control), fields);
  });
}

/** Gives the word to a given person (e.g. to go back to someone). */
export function setCurrentSpeaker(control: Y.Doc, participantId: string | null, serverNow: number, root?: RoundRoot): void {
  update(control, { current: participantId, speakerStartedAt: participantId ? serverNow : null }, root);
}
