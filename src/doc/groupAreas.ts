// Gives deep-dive groups their areas: spread over newly formed groups at once, or in one change
// from the console's "give the groups areas". The rule itself is common/groupAreas.ts.
import type * as Y from 'yjs';
import { ControlRoots, type GroupingSettings } from '@common/schema';
import { spreadAreas } from '@common/groupAreas';
import { byOrder } from '@common/order';
import { rootFields, rootItems, setFields, transact } from './core';
import { applyGroups, setGroupArea } from './facilitator/groups';

/** groupId → areaId, written together so phones never see half of it. */
export function assignAreas(control: Y.Doc, byGroup: Readonly<Record<string, string>>): void {
  transact(control, () => {
    for (const [groupId, areaId] of Object.entries(byGroup)) setGroupArea(control, groupId, areaId);
  });
}

/** Forms the groups (as applyGroups) and gives each group without an area one of `areas`, in turn. */
export function formGroupsWithAreas(control: Y.Doc, formed: readonly string[][], areas: readonly string[], settings: Partial<GroupingSettings> = {}): void {
  transact(control, () => {
    setFields(rootFields(control, ControlRoots.grouping), settings);
    applyGroups(control, formed);
    const groups: { id: string; order: string; areaId: string }[] = [];
    rootItems(control, ControlRoots.groups).forEach((item, id) => groups.push({ id, order: String(item.get('order') ?? ''), areaId: String(item.get('areaId') ?? '') }));
    assignAreas(control, spreadAreas(groups.sort(byOrder), areas));
  });
}
