// The facilitator runs the walkthrough of the revealed notes and opens a note on the stage.
import type * as Y from 'yjs';
import { type OpenedOnStage, type WalkthroughState, ControlRoots } from '@common/schema';
import { parseWalkthrough } from '@common/walkthrough';
import { rootFields, setFields, transact } from '../core';
import { walkMap } from '../walkthrough';

export function startWalkthrough(control: Y.Doc, byAuthor: boolean): void {
  transact(control, () => setFields<WalkthroughState>(walkMap(control), { active: true, byAuthor, page: 0, autoSeconds: 0, autoStartedAt: null }));
}

export function stopWalkthrough(control: Y.Doc): void {
  transact(control, () => setFields<WalkthroughState>(walkMap(control), { active: false, autoStartedAt: null }));
}

/** Shows `page`; a running auto paging goes on from there. */
export function setWalkPage(control: Y.Doc, page: number, now: number): void {
  const auto = parseWalkthrough(walkMap(control).toJSON());
  transact(control, () =>
    setFields<WalkthroughState>(walkMap(control), { page: Math.max(0, page), autoStartedAt: auto.autoSeconds > 0 && auto.autoStartedAt !== null ? now : null }),
  );
}

/** Auto paging every `seconds` from `page` at server time `now`; 0 stops it on `page`. */
export function setWalkAuto(control: Y.Doc, seconds: number, page: number, now: number): void {
  transact(control, () =>
    setFields<WalkthroughState>(walkMap(control), { page: Math.max(0, page), autoSeconds: Math.max(0, Math.floor(seconds)), autoStartedAt: seconds > 0 ? now : null }),
  );
}

/** Opens a cluster ('loose': the notes in no cluster; null: none) large on every board. */
export function openOnStage(control: Y.Doc, id: string | null): void {
  transact(control, () => setFields<OpenedOnStage>(rootFields(control, ControlRoots.openedOnStage), { id: id ?? '', page: 0 }));
}

export function setOpenedPage(control: Y.Doc, page: number): void {
  transact(control, () => setFields<OpenedOnStage>(rootFields(control, ControlRoots.openedOnStage), { page: Math.max(0, page) }));
}
