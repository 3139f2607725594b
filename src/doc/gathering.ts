// The facilitator's gathering settings and moderation, all in the control document (the relay
// accepts control writes from the facilitator only and does the reveal itself).
import type * as Y from 'yjs';
import { ControlRoots, InboxRoots, type GatheringSettings, type InboxNote } from '@common/schema';
import { Defaults, parseGatheringSettings, parseInboxNote } from '@common/records';
import { rootFields, rootItems } from './core';
import { fieldsView, itemsView, type View } from './views';

/** The one default the relay writes into a new meeting too (common/records.ts). */
export const DEFAULT_GATHERING: GatheringSettings = Defaults.gathering;

/** The settings with defaults for fields nobody has written yet. */
export function gatheringSettings(fields: Partial<GatheringSettings>): GatheringSettings {
  return parseGatheringSettings(fields);
}

export function gatheringView(control: Y.Doc): View<Partial<GatheringSettings>> {
  return fieldsView<GatheringSettings>(rootFields(control, ControlRoots.gathering), parseGatheringSettings);
}

/** participantId → notes written (numbers only; the relay writes them). */
export function noteCountsView(control: Y.Doc): View<Partial<Record<string, number>>> {
  return fieldsView<Record<string, number>>(rootFields(control, ControlRoots.noteCounts));
}

/** noteId → authorId of notes the facilitator removed before the reveal. */
export function removedNotesView(control: Y.Doc): View<Partial<Record<string, true>>> {
  return fieldsView<Record<string, true>>(rootFields(control, ControlRoots.removedNotes));
}

/** The facilitator's inbox: unrevealed notes mirrored by the relay. */
export function inboxView(inbox: Y.Doc): View<ReadonlyMap<string, InboxNote>> {
  return itemsView<InboxNote>(rootItems(inbox, InboxRoots.notes), parseInboxNote);
}
