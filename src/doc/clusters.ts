// The meeting's clusters, as every device reads them. The facilitator's commands on them are in
// facilitator/clusters.ts: membership lives on the note (clusterId); order is a fractional-index string.
import type * as Y from 'yjs';
import { MeetingRoots } from '@common/schema';
import { rootItems, type ItemsMap } from './core';

export const meetingClusters = (meeting: Y.Doc): ItemsMap => rootItems(meeting, MeetingRoots.clusters);
