// The facilitator adds, edits and removes next steps.
import type * as Y from 'yjs';
import type { NextStep } from '@common/schema';
import { typedStepFields } from '@common/nextSteps';
import { createItem, getItem, setFields, transact } from '../core';
import { newId, orderAtEnd } from '../ids';
import { stepItems } from '../nextSteps';

export function addStep(meeting: Y.Doc, link: { solutionId?: string; areaId?: string; what?: string } = {}, now: number = Date.now()): string {
  const id = newId();
  transact(meeting, () => {
    const orders: string[] = [];
    stepItems(meeting).forEach((item) => orders.push(String(item.get('order') ?? '')));
    createItem<NextStep>(stepItems(meeting), id, {
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
    const item = getItem(stepItems(meeting), id);
    if (item) setFields<NextStep>(item, typedStepFields(fields));
  });
}

export function deleteStep(meeting: Y.Doc, id: string): void {
  transact(meeting, () => stepItems(meeting).delete(id));
}
