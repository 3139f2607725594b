// Bikupa and fyra hörn in the documents. The facilitator writes the settings and the buzz groups
// (control doc); a phone writes only its own private doc (its line, its corner, its reason) and the
// relay (server/actions/buzzLines, tallyCorners, cornerReasons) puts what may be shown on the board.
import type * as Y from 'yjs';
import { type BuzzLine, type BuzzSettings, type CornerReason, type CornerResult, type CornersSettings, ControlRoots, MeetingRoots, PrivateRoots } from '@common/schema';
import { parseBuzzLine, parseBuzzSettings, parseCornerBallot, parseCornerReason, parseCornerResult, parseCornersSettings } from '@common/methods';
import { TextRules } from '@common/records';
import { cleanText } from '@common/text';
import type { Person } from '@common/grouping';
import { formBuzzGroups } from '@common/methods';
import { rootFields, rootItems, setFields, transact } from './core';
import { newId } from './ids';
import { fieldsView, itemsView, type View } from './views';

// ---- bikupa ----

export function readBuzz(control: Y.Doc): BuzzSettings {
  return parseBuzzSettings(rootFields(control, ControlRoots.buzz).toJSON());
}

export function setBuzz(control: Y.Doc, fields: Partial<BuzzSettings>): void {
  const next = parseBuzzSettings({ ...readBuzz(control), ...fields });
  transact(control, () => setFields<BuzzSettings>(rootFields(control, ControlRoots.buzz), next));
}

/** Forms new buzz groups in a new round; last round's lines come off the board with the old groups. */
export function formBuzz(control: Y.Doc, meeting: Y.Doc, people: readonly (Person & { joinedAt: number })[]): void {
  const settings = readBuzz(control);
  const groups = formBuzzGroups(people, settings);
  transact(control, () => {
    const map = rootFields(control, ControlRoots.buzzGroups);
    for (const key of [...map.keys()]) map.delete(key);
    groups.forEach((ids, i) => ids.forEach((id) => map.set(id, i + 1)));
    // a new round: a phone's line from the last one (its group number reused) is not this round's
    setFields<BuzzSettings>(rootFields(control, ControlRoots.buzz), { seed: settings.seed + 1, round: newId() });
  });
  transact(meeting, () => {
    const lines = rootItems(meeting, MeetingRoots.buzzLines);
    for (const key of [...lines.keys()]) lines.delete(key);
  });
}

/** The phone's line for its group in this round (an empty text clears nothing on the board: the group's last line stays). */
export function sendBuzzLine(privateDoc: Y.Doc, round: string, group: number, text: string, now = Date.now()): void {
  transact(privateDoc, () =>
    setFields(rootFields(privateDoc, PrivateRoots.buzzLine), { round, group, text: cleanText(text, TextRules.answer), updatedAt: now }),
  );
}

export const buzzView = (control: Y.Doc): View<Partial<BuzzSettings>> => fieldsView(rootFields(control, ControlRoots.buzz), parseBuzzSettings);
export const buzzGroupsView = (control: Y.Doc): View<Partial<Record<string, unknown>>> => fieldsView(rootFields(control, ControlRoots.buzzGroups));
export const buzzLinesView = (meeting: Y.Doc): View<ReadonlyMap<string, BuzzLine>> =>
  itemsView(rootItems(meeting, MeetingRoots.buzzLines), parseBuzzLine);
export const ownBuzzLineView = (privateDoc: Y.Doc): View<Partial<Record<string, unknown>>> =>
  fieldsView(rootFields(privateDoc, PrivateRoots.buzzLine));

// ---- fyra hörn ----

export function readCorners(control: Y.Doc): CornersSettings {
  return parseCornersSettings(rootFields(control, ControlRoots.corners).toJSON());
}

export function setCorners(control: Y.Doc, fields: Partial<CornersSettings>): void {
  const next = parseCornersSettings({ ...readCorners(control), ...fields });
  transact(control, () => setFields<CornersSettings>(rootFields(control, ControlRoots.corners), next));
}

export function pickCorner(privateDoc: Y.Doc, choice: number, now = Date.now()): void {
  if (!parseCornerBallot({ choice })) return;
  transact(privateDoc, () => setFields(rootFields(privateDoc, PrivateRoots.corner), { choice, at: now }));
}

export function sendCornerReason(privateDoc: Y.Doc, corner: number, text: string, now = Date.now()): void {
  transact(privateDoc, () =>
    setFields(rootFields(privateDoc, PrivateRoots.cornerReason), { corner, text: cleanText(text, TextRules.answer), updatedAt: now }),
  );
}

export const cornersView = (control: Y.Doc): View<Partial<CornersSettings>> =>
  fieldsView(rootFields(control, ControlRoots.corners), parseCornersSettings);
export const cornerResultView = (control: Y.Doc): View<Partial<CornerResult>> =>
  fieldsView(rootFields(control, ControlRoots.cornerResult), parseCornerResult);
export const cornerReasonsView = (meeting: Y.Doc): View<ReadonlyMap<string, CornerReason>> =>
  itemsView(rootItems(meeting, MeetingRoots.cornerReasons), parseCornerReason);
export const ownCornerView = (privateDoc: Y.Doc): View<Partial<Record<string, unknown>>> => fieldsView(rootFields(privateDoc, PrivateRoots.corner));
export const ownCornerReasonView = (privateDoc: Y.Doc): View<Partial<Record<string, unknown>>> =>
  fieldsView(rootFields(privateDoc, PrivateRoots.cornerReason));
