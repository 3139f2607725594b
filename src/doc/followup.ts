// The follow-up of the last meeting's next steps (control.followup): read model and the one
// command that gives a carried step a new status, keeping its history.
import type * as Y from 'yjs';
import { parseFollowUpStep } from '@common/records';
import { rootItems } from './core';
import { itemsView, type View } from './views';
import { ControlRoots, type FollowUpStep } from '@common/schema';

export function followUpView(control: Y.Doc): View<ReadonlyMap<string, FollowUpStep>> {
  return itemsView<FollowUpStep>(rootItems(control, ControlRoots.followup), parseFollowUpStep);
}

