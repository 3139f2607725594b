// The facilitator sets up and runs the dialogue café: settings, rounds, the harvest, a reset.
import { ControlRoots, MeetingRoots } from '@common/schema';
import type * as Y from 'yjs';
import { parseCafeSettings, type CafeSettings } from '@common/cafe';
import { rootFields, rootItems, setFields, transact } from '../core';
import { resetTimer, startTimer } from '../facilitator/timer';

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
