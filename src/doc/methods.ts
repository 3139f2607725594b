// Bikupa and fyra hörn in the documents. The facilitator writes the settings and the buzz groups
// (control doc); a phone writes only its own private doc (its line, its corner, its reason) and the
// relay (server/actions/buzzLines, tallyCorners, cornerReasons) puts what may be shown on the board.
import type * as Y from 'yjs';
import { type BuzzLine, type BuzzSettings, type CornerReason, type CornerResult, type CornersSettings, ControlRoots, MeetingRoots, PrivateRoots } from '@common/schema';
import { parseBuzzLine, parseBuzzSettings, parseCornerBallot, parseCornerReason, parseCornerResult, parseCornersSettings } from '@common/methods';
import { TextRules } from '@common/records';
import { cleanText } from '@common/text';
import { rootFields, rootItems, setFields, transact } from './core';
import { fieldsView, itemsView, type View } from './views';

// ---- bikupa ----

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
