// The facilitator forms the deep dive's groups and moves people and areas between them.
import * as Y from 'yjs';
import { ControlRoots, type DeepDiveGroup, type GroupingSettings } from '@common/schema';
import { createItem, getItem, rootFields, setFields, transact } from '../core';
import { orderAtEnd, ordersAfter } from '../ids';
import { groupItems, groupMembers } from '../groups';

/** Replaces all groups with these (ids g1, g2, …), keeping each group's area when its id stays. */
export function applyGroups(control: Y.Doc, formed: readonly string[][]): void {
  transact(control, () => {
    const keep = new Map<string, string>();
    groupItems(control).forEach((item, id) => keep.set(id, String(item.get('areaId') ?? '')));
    groupItems(control).clear();
    groupMembers(control).clear();
    const orders = ordersAfter(null, formed.length);
    formed.forEach((ids, i) => {
      const id = `g${i + 1}`;
      createItem<DeepDiveGroup>(groupItems(control), id, { id, name: '', order: orders[i], areaId: keep.get(id) ?? '' });
      for (const pid of ids) groupMembers(control).set(pid, id);
    });
  });
}

export function addGroup(control: Y.Doc): string {
  return transact(control, () => {
    const orders: string[] = [];
    const ids = new Set<string>();
    groupItems(control).forEach((item, id) => {
      orders.push(String(item.get('order') ?? ''));
      ids.add(id);
    });
    let n = ids.size + 1;
    while (ids.has(`g${n}`)) n++;
    const id = `g${n}`;
    createItem<DeepDiveGroup>(groupItems(control), id, { id, name: '', order: orderAtEnd(orders.filter(Boolean)), areaId: '' });
    return id;
  });
}

/** Moves one person to a group ('' takes them out of every group). */
export function moveMember(control: Y.Doc, participantId: string, groupId: string): void {
  transact(control, () => {
    if (groupId === '') groupMembers(control).delete(participantId);
    else if (getItem(groupItems(control), groupId)) groupMembers(control).set(participantId, groupId);
  });
}

export function setGroupArea(control: Y.Doc, groupId: string, areaId: string): void {
  transact(control, () => {
    const item = getItem(groupItems(control), groupId);
    if (item) setFields<DeepDiveGroup>(item, { areaId });
  });
}

export function setGrouping(control: Y.Doc, fields: Partial<GroupingSettings & { focus: string }>): void {
  transact(control, () => setFields(rootFields(control, ControlRoots.grouping), fields));
}
