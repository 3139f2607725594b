// Next steps in the meeting doc (facilitator writes), and "Jag tar den" in a phone's outbox.
import type * as Y from 'yjs';
import { type NextStep, MeetingRoots, PrivateRoots } from '@common/schema';
import { parseNextStep, typedStepFields } from '@common/nextSteps';
import { createItem, getItem, rootFields, rootItems, setFields, transact } from './core';
import { newId, orderAtEnd } from './ids';
import { fieldsView, itemsView, type View } from './views';

const steps = (meeting: Y.Doc) => rootItems(meeting, MeetingRoots.nextSteps);

export function addStep(meeting: Y.Doc, link: { solutionId?: string; areaId?: string; what?: string } = {}, now: number = Date.now()): string {
  const id = newId();
  transact(meeting, () => {
    const orders: string[] = [];
    steps(meeting).forEach((item) => orders.push(String(item.get('order') ?? '')));
    createItem<NextStep>(steps(meeting), id, {
      id,
      what: typedStepFields({ what: link.what ?? '' }).what,
      ownerKind: '',
      ownerId: '',
      ownerText: '',
      due: '',
      mandate: 'decide',
      proposeTo: '',
      status: 'notStarted',
      solutionId: link.solutionId ?? '',
      areaId: link.areaId ?? '',
      order: orderAtEnd(orders.filter(Boolean)),
      createdAt: now,
    });
  });
  return id;
}

export function updateStep(meeting: Y.Doc, id: string, fields: Partial<Omit<NextStep, 'id'>>): void {
  transact(meeting, () => {
    const item = getItem(steps(meeting), id);
    if (item) setFields<NextStep>(item, typedStepFields(fields));
  });
}

export function deleteStep(meeting: Y.Doc, id: string): void {
  transact(meeting, () => steps(meeting).delete(id));
}

export function nextStepsView(meeting: Y.Doc): View<ReadonlyMap<string, NextStep>> {
  return itemsView<NextStep>(steps(meeting), (raw, id) => parseNextStep(id, raw));
}

/** "Jag tar den": a request in the outbox; the relay makes this participant the owner if the step is free. */
export function volunteer(priv: Y.Doc, stepId: string): void {
  transact(priv, () => rootFields(priv, PrivateRoots.volunteer).set(stepId, true));
}

export function volunteerRequestsView(priv: Y.Doc): View<Partial<Record<string, boolean>>> {
  return fieldsView<Record<string, boolean>>(rootFields(priv, PrivateRoots.volunteer));
}
