// The board's drag input (components/dragSensors.ts), with arrow keys jumping between notes,
// clusters, the loose tray and the parking lot.
import { useMemo } from 'react';
import { useDragSensors } from '@/components/dragSensors';
import { jumpBetweenTargets } from './collision';
import type { DropTargetStore } from './stackTarget';

export function useBoardSensors(dropTarget: DropTargetStore) {
  return useDragSensors(useMemo(() => jumpBetweenTargets(dropTarget), [dropTarget]));
}
