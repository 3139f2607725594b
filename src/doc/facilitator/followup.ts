// The facilitator sets a follow-up step's status.
import type * as Y from 'yjs';
import { withStatus } from '@common/followup';
import { parseFollowUpStep } from '@common/records';
import { getItem, rootItems, setFields, transact } from '../core';
import { ControlRoots, type FollowUpStep, type StepStatus } from '@common/schema';

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
