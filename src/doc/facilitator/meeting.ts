// The facilitator's commands on the meeting's details and the organisations expected to come.
import type * as Y from 'yjs';
import { ControlRoots, type ExpectedOrg, type MeetingInfo } from '@common/schema';
import { parseExpectedOrg, TextRules } from '@common/records';
import { cleanText } from '@common/text';
import { createItem, getItem, rootFields, setFields, transact } from '../core';
import { newId, orderAtEnd, orderBetween } from '../ids';
import { byOrder, organisationKey } from '@common/order';
import { expectedOrgItems } from '../meeting';
import { itemsView, type View } from '../views';

export function setMeetingInfo(control: Y.Doc, info: Partial<MeetingInfo>): void {
  const fields: Partial<MeetingInfo> = {};
  if (info.title !== undefined) fields.title = cleanText(info.title, TextRules.title);
  if (info.forumName !== undefined) fields.forumName = cleanText(info.forumName, TextRules.forumName);
  if (info.purpose !== undefined) fields.purpose = cleanText(info.purpose, TextRules.purpose);
  transact(control, () => setFields(rootFields(control, ControlRoots.meeting), fields));
}

export function addExpectedOrg(control: Y.Doc, name: string): string | null {
  const clean = cleanText(name, TextRules.organisation);
  if (!clean) return null;
  return transact(control, () => {
    const items = expectedOrgItems(control);
    const existing = listExpectedOrgs(control).find((o) => organisationKey(o.name) === organisationKey(clean));
    if (existing) return existing.id;
    const id = newId();
    const order = orderAtEnd([...items.values()].map((m) => m.get('order') as string));
    createItem<ExpectedOrg>(items, id, { id, name: clean, order });
    return id;
  });
}

export function renameExpectedOrg(control: Y.Doc, id: string, name: string): void {
  const clean = cleanText(name, TextRules.organisation);
  if (!clean) return;
  transact(control, () => {
    const item = getItem(expectedOrgItems(control), id);
    if (item) setFields<ExpectedOrg>(item, { name: clean });
  });
}

export function removeExpectedOrg(control: Y.Doc, id: string): void {
  transact(control, () => expectedOrgItems(control).delete(id));
}

export function listExpectedOrgs(control: Y.Doc): ExpectedOrg[] {
  return [...expectedOrgItems(control).values()].map((m) => m.toJSON() as ExpectedOrg).sort(byOrder);
}

/** Moves one item up (-1) or down (+1) among ordered items by writing only its own order key. */
export function orderForMove<T extends { id: string; order: string }>(
  sorted: T[],
  id: string,
  direction: -1 | 1,
): string | null {
  const index = sorted.findIndex((x) => x.id === id);
  const target = index + direction;
  if (index < 0 || target < 0 || target >= sorted.length) return null;
  // land between the neighbour and the one beyond it
  const before = direction === -1 ? sorted[target - 1]?.order ?? null : sorted[target].order;
  const after = direction === -1 ? sorted[target].order : sorted[target + 1]?.order ?? null;
  if (before !== null && after !== null && before >= after) return null;
  return orderBetween(before, after);
}

export function moveExpectedOrg(control: Y.Doc, id: string, direction: -1 | 1): void {
  transact(control, () => {
    const order = orderForMove(listExpectedOrgs(control), id, direction);
    const item = getItem(expectedOrgItems(control), id);
    if (order && item) setFields<ExpectedOrg>(item, { order });
  });
}

export function expectedOrgsView(control: Y.Doc): View<ReadonlyMap<string, ExpectedOrg>> {
  return itemsView<ExpectedOrg>(expectedOrgItems(control), parseExpectedOrg);
}
