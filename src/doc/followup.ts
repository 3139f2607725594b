// The follow-up of the last meeting's next steps (control.followup): read model and the one
// command that gives a carried step a new status, keeping its history.
import type * as Y from 'yjs';
import { withStatus, type FollowUpStatus, type FollowUpStep } from '@common/followup';
import { getItem, rootItems, setFields, transact } from './core';
import { itemsView, type View } from './views';
import { ControlRoots } from '@common/schema';

export function followUpView(control: Y.Doc): View<ReadonlyMap<string, FollowUpStep>> {
  return itemsView<FollowUpStep>(rootItems(control, ControlRoots.followup));
}

export function setFollowUpStatus(control: Y.Doc, id: string, status: FollowUpStatus, why = '', now = Date.now()): void {
  transact(control, () => {
    const item = getItem(rootItems(control, ControlRoots.followup), id);
    if (!item) return;
    const step = item.toJSON() as FollowUpStep;
    const next = withStatus({ ...step, history: Array.isArray(step.history) ? step.history : [] }, status, why, now);
    setFields<FollowUpStep>(item, { status: next.status, why: next.why, history: next.history });
  });
}
