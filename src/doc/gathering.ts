// The gathering settings every device reads (control document; the facilitator's commands on them
// and on the inbox are in facilitator/gathering.ts, the relay does the reveal itself).
import type * as Y from 'yjs';
import { ControlRoots, type GatheringSettings } from '@common/schema';
import { Defaults, parseGatheringSettings } from '@common/records';
import { rootFields } from './core';
import { fieldsView, type View } from './views';

/** The one default the relay writes into a new meeting too (common/records.ts). */
export const DEFAULT_GATHERING: GatheringSettings = Defaults.gathering;

/** The settings with defaults for fields nobody has written yet. */
export function gatheringSettings(fields: Partial<GatheringSettings>): GatheringSettings {
  return parseGatheringSettings(fields);
}

export function gatheringView(control: Y.Doc): View<Partial<GatheringSettings>> {
  return fieldsView<GatheringSettings>(rootFields(control, ControlRoots.gathering), parseGatheringSettings);
}

