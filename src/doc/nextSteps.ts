// Next steps in the meeting doc (facilitator writes), and "Jag tar den" in a phone's outbox.
import type * as Y from 'yjs';
import { type NextStep, MeetingRoots, PrivateRoots } from '@common/schema';
import { parseNextStep } from '@common/nextSteps';
import { rootFields, rootItems, transact } from './core';
import { fieldsView, itemsView, type View } from './views';

export const stepItems = (meeting: Y.Doc) => rootItems(meeting, MeetingRoots.nextSteps);

export function nextStepsView(meeting: Y.Doc): View<ReadonlyMap<string, NextStep>> {
  return itemsView<NextStep>(stepItems(meeting), (raw, id) => parseNextStep(id, raw));
}

/** "Jag tar den": a request in the outbox; the relay makes this participant the owner if the step is free. */
export function volunteer(priv: Y.Doc, stepId: string): void {
  transact(priv, () => rootFields(priv, PrivateRoots.volunteer).set(stepId, true));
}

export function volunteerRequestsView(priv: Y.Doc): View<Partial<Record<string, boolean>>> {
  return fieldsView<Record<string, boolean>>(rootFields(priv, PrivateRoots.volunteer));
}
