// Dialogkafé in the documents. The facilitator writes the settings and starts each round (control
// doc); the relay seats the round (server/actions/cafeSeating) and puts notes and hosts' summaries
// on the tables (cafeNotes, cafeHostSummary). A phone writes only its own private doc.
import { ControlRoots, MeetingRoots, PrivateRoots } from '@common/schema';
import type * as Y from 'yjs';
import { parseCafeNote, parseCafeSettings, parseCafeSummary, type CafeNote, type CafeNoteOut, type CafeSettings, type CafeSummary } from '@common/cafe';
import { TextRules } from '@common/records';
import { cleanText } from '@common/text';
import { createItem, rootFields, rootItems, setFields, transact } from './core';
import { newId } from './ids';
import { fieldsView, itemsView, type View } from './views';

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
