// Dialogkafé in the documents. The facilitator writes the settings and starts each round (control
// doc); the relay seats the round (server/actions/cafeSeating) and puts notes and hosts' summaries
// on the tables (cafeNotes, cafeHostSummary). A phone writes only its own private doc.
import { ControlRoots, MeetingRoots, PrivateRoots } from '@common/schema';
import type * as Y from 'yjs';
import {
  parseCafeNote,
  parseCafeSettings,
  parseCafeSummary,
  type CafeNote,
  type CafeNoteOut,
  type CafeSettings,
  type CafeSummary,
} from '@common/cafe';
import { TextRules } from '@common/records';
import { cleanText } from '@common/text';
import { createItem, rootFields, rootItems, setFields, transact } from './core';
import { newId } from './ids';
import { resetTimer, startTimer } from './timer';
import { fieldsView, itemsView, type View } from './views';

export function readCafe(control: Y.Doc): CafeSettings {
  return parseCafeSettings(rootFields(control, ControlRoots.cafe).toJSON());
}

/** Question, tables, rounds, minutes: the tables and rounds are fixed once the first round has begun. */
export function setCafe(control: Y.Doc, fields: Partial<Pick<CafeSettings, 'question' | 'tables' | 'rounds' | 'minutes'>>): void {
  const current = readCafe(control);
  const next = parseCafeSettings({ ...current, ...fields, ...(current.round > 0 ? { tables: current.tables, rounds: current.rounds } : {}) });
  transact(control, () => setFields<CafeSettings>(rootFields(control, ControlRoots.cafe), next));
}

/**
 * Starts a round with the people connected now: the relay seats them. The phase timer starts with
 * the round's minutes, on the server's clock like every timer.
 */
export function startCafeRound(control: Y.Doc, round: number, present: readonly string[], serverNow: number): void {
  const settings = readCafe(control);
  if (round < 1 || round > settings.rounds) return;
  transact(control, () => {
    setFields<CafeSettings>(rootFields(control, ControlRoots.cafe), { round, harvest: false, present: [...present] });
    startTimer(control, settings.minutes * 60_000, serverNow);
  });
}

/** The rounds are over: the board shows each table's notes. */
export function showCafeHarvest(control: Y.Doc, harvest = true): void {
  transact(control, () => {
    setFields<CafeSettings>(rootFields(control, ControlRoots.cafe), { harvest, focus: 0 });
    if (harvest) resetTimer(control);
  });
}

/** During the harvest: one table large on the board (0: every table). */
export function focusCafeTable(control: Y.Doc, table: number): void {
  transact(control, () => setFields<CafeSettings>(rootFields(control, ControlRoots.cafe), { focus: table }));
}

/** Starts over: no round, no seats, no notes or summaries on the tables. */
export function resetCafe(control: Y.Doc, meeting: Y.Doc): void {
  const settings = readCafe(control);
  transact(control, () => {
    setFields<CafeSettings>(rootFields(control, ControlRoots.cafe), { round: 0, harvest: false, present: [], seed: settings.seed + 1 });
    for (const root of [ControlRoots.cafeSeats, ControlRoots.cafeHosts]) {
      const map = rootFields(control, root);
      for (const key of [...map.keys()]) map.delete(key);
    }
  });
  transact(meeting, () => {
    for (const root of [MeetingRoots.cafeNotes, MeetingRoots.cafeSummaries]) {
      const map = rootItems(meeting, root);
      for (const key of [...map.keys()]) map.delete(key);
    }
  });
}

/** A note for the phone's table in this round: into the outbox; the relay decides whether it goes on the table. */
export function addCafeNote(privateDoc: Y.Doc, table: number, round: number, text: string, now = Date.now()): string | null {
  const clean = cleanText(text, TextRules.cafeNote);
  if (!clean) return null;
  const id = newId();
  transact(privateDoc, () => createItem<CafeNoteOut>(rootItems(privateDoc, PrivateRoots.cafeNotes), id, { table, round, text: clean, createdAt: now }));
  return id;
}

/** A phone without a seat in a round under way asks the relay for one, once per round. */
export function requestCafeSeat(privateDoc: Y.Doc, round: number, now = Date.now()): void {
  const map = rootFields(privateDoc, PrivateRoots.cafeSeat);
  if (map.get('round') === round) return;
  transact(privateDoc, () => setFields(map, { round, askedAt: now }));
}

/** A host's summary of their table for the harvest (the newest sent counts). */
export function sendCafeSummary(privateDoc: Y.Doc, table: number, text: string, now = Date.now()): void {
  transact(privateDoc, () =>
    setFields(rootFields(privateDoc, PrivateRoots.cafeSummary), { table, text: cleanText(text, TextRules.cafeSummary), updatedAt: now }),
  );
}

export const cafeView = (control: Y.Doc): View<Partial<CafeSettings>> => fieldsView(rootFields(control, ControlRoots.cafe), parseCafeSettings);
export const cafeSeatsView = (control: Y.Doc): View<Partial<Record<string, unknown>>> => fieldsView(rootFields(control, ControlRoots.cafeSeats));
export const cafeHostsView = (control: Y.Doc): View<Partial<Record<string, unknown>>> => fieldsView(rootFields(control, ControlRoots.cafeHosts));
export const cafeNotesView = (meeting: Y.Doc): View<ReadonlyMap<string, CafeNote>> =>
  itemsView(rootItems(meeting, MeetingRoots.cafeNotes), parseCafeNote);
export const cafeSummariesView = (meeting: Y.Doc): View<ReadonlyMap<string, CafeSummary>> =>
  itemsView(rootItems(meeting, MeetingRoots.cafeSummaries), parseCafeSummary);
export const ownCafeSummaryView = (privateDoc: Y.Doc): View<Partial<CafeSummary>> =>
  fieldsView(rootFields(privateDoc, PrivateRoots.cafeSummary), (raw) => parseCafeSummary(raw) ?? { table: 0, text: '', updatedAt: 0 });
