// The facilitator lets participants move their own notes on the board, or not.
import type * as Y from 'yjs';
import { ControlRoots, type ClusteringSettings } from '@common/schema';
import { rootFields, setFields, transact } from '../core';

export function setParticipantsMayMove(control: Y.Doc, participantsMayMove: boolean): void {
  transact(control, () =>
    setFields<ClusteringSettings>(rootFields(control, ControlRoots.clustering), { participantsMayMove }),
  );
}
