// The follow-up of the last meeting's next steps (control.followup): read model and the one
// command that gives a carried step a new status, keeping its history.
import type * as Y from 'yjs';
import { withStatus } from '@common/followup';
import { parseFollowUpStep } from '@common/records';
import { getItem, rootItems, setFields, transact } from './core';
import { itemsView, type View } from './views';
import { ControlRoots, type FollowUpStep, type StepStatus } from '@common/schema';

export function followUpView(control: Y.Doc): View<ReadonlyMap<string, FollowUpStep>> {
  return itemsView<FollowUpStep>(rootItems(control, ControlRoots.followup), parseFollowUpStep);
}

export function setFollowUpStatus(control: Y.Doc, id: string, status: StepStatus, why = '', now = Date.now()): void {
  transact(control, () => {
    const item = getItem(rootItems(control, ControlRoots.followup), id);
    if (!item) return;
    const step = parseFollowUpStep(item.toJSON(), id);
    if (!step) return;
    const next = withStatus(step, status, why, now);
    setFields<FollowUpStep>(item, { status: next.status, why: next.why, history: next.history });
  });
}
