// The facilitator's clustering setting in the control document.
import type * as Y from 'yjs';
import { ControlRoots, type ClusteringSettings } from '@common/schema';
import { parseClusteringSettings } from '@common/records';
import { rootFields } from './core';
import { fieldsView, type View } from './views';

export function clusteringSettingsView(control: Y.Doc): View<Partial<ClusteringSettings>> {
  return fieldsView<ClusteringSettings>(rootFields(control, ControlRoots.clustering), parseClusteringSettings);
}
