// The facilitator sets up buzz groups and the four corners.
import type * as Y from 'yjs';
import { type BuzzSettings, type CornersSettings, ControlRoots, MeetingRoots } from '@common/schema';
import { parseBuzzSettings, parseCornersSettings } from '@common/methods';
import type { Person } from '@common/grouping';
import { formBuzzGroups } from '../../../common/grouping';
import { rootFields, rootItems, setFields, transact } from '../core';
import { newId } from '../ids';

export function readBuzz(control: Y.Doc): BuzzSettings {
  return parseBuzzSettings(rootFields(control, ControlRoots.buzz).toJSON());
}

export function setBuzz(control: Y.Doc, fields: Partial<BuzzSettings>): void {
  const next = parseBuzzSettings({ ...readBuzz(control), ...fields });
  transact(control, () => setFields<BuzzSettings>(rootFields(control, ControlRoots.buzz), next));
}

/** Forms new buzz groups in a new round; last round's lines come off the board with the old groups. */
export function formBuzz(control: Y.Doc, meeting: Y.Doc, people: readonly (Person & { joinedAt: number })[]): void {
  const settings = readBuzz(control);
  const groups = formBuzzGroups(people, settings);
  transact(control, () => {
    const map = rootFields(control, ControlRoots.buzzGroups);
    for (const key of [...map.keys()]) map.delete(key);
    groups.forEach((ids, i) => ids.forEach((id) => map.set(id, i + 1)));
    // a new round: a phone's line from the last one (its group number reused) is not this round's
    setFields<BuzzSettings>(rootFields(control, ControlRoots.buzz), { seed: settings.seed + 1, round: newId() });
  });
  transact(meeting, () => {
    const lines = rootItems(meeting, MeetingRoots.buzzLines);
    for (const key of [...lines.keys()]) lines.delete(key);
  });
}

export function readCorners(control: Y.Doc): CornersSettings {
  return parseCornersSettings(rootFields(control, ControlRoots.corners).toJSON());
}

export function setCorners(control: Y.Doc, fields: Partial<CornersSettings>): void {
  const next = parseCornersSettings({ ...readCorners(control), ...fields });
  transact(control, () => setFields<CornersSettings>(rootFields(control, ControlRoots.corners), next));
}
