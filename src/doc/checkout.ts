// The check-out round: its question and order run on the check-in rules (doc/checkin.ts with the
// 'checkout' root). A participant's answer and anonymous rating go only into their private doc;
// the relay copies the answer to the meeting doc and publishes the rating as a distribution only.
import type * as Y from 'yjs';
import { MeetingRoots, PrivateRoots, type RatingBallot, type RatingSettings, type RoundAnswer, ControlRoots } from '@common/schema';
import { rootFields, rootItems, setFields, transact } from './core';
import { ownRoundAnswerView, passOwnRound, setOwnRoundAnswer } from './checkin';
import { fieldsView, itemsView, type View } from './views';
import { parseRoundAnswer } from '@common/records';


export const setCheckoutAnswer = (priv: Y.Doc, text: string, now?: number) => setOwnRoundAnswer(priv, PrivateRoots.checkout, text, now);
export const passCheckout = (priv: Y.Doc, passed = true, now?: number) => passOwnRound(priv, PrivateRoots.checkout, passed, now);
export const myCheckoutView = (priv: Y.Doc): View<Partial<RoundAnswer>> => ownRoundAnswerView(priv, PrivateRoots.checkout);

/** Everyone's answers as the relay copied them: participantId → RoundAnswer. */
export function checkoutAnswersView(meeting: Y.Doc): View<ReadonlyMap<string, RoundAnswer>> {
  return itemsView<RoundAnswer>(rootItems(meeting, MeetingRoots.checkout), parseRoundAnswer);
}

// --- the anonymous rating ---

export function rate(priv: Y.Doc, value: number, now: number = Date.now()): void {
  if (!Number.isInteger(value) || value < 1 || value > 5) return;
  transact(priv, () => setFields<RatingBallot>(rootFields(priv, PrivateRoots.rating), { value, at: now }));
}

export function myRatingView(priv: Y.Doc): View<Partial<RatingBallot>> {
  return fieldsView<RatingBallot>(rootFields(priv, PrivateRoots.rating));
}

export function setRatingSettings(control: Y.Doc, fields: Partial<RatingSettings>): void {
  transact(control, () => setFields<RatingSettings>(rootFields(control, ControlRoots.rating), fields));
}

export function ratingSettingsView(control: Y.Doc): View<Partial<RatingSettings>> {
  return fieldsView<RatingSettings>(rootFields(control, ControlRoots.rating));
}

export function ratingResultView(control: Y.Doc): View<Partial<Record<string, unknown>>> {
  return fieldsView<Record<string, unknown>>(rootFields(control, ControlRoots.ratingResult));
}
