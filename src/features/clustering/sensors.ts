// The board's drag input (components/dragSensors.ts), with arrow keys jumping between notes,
// clusters, the loose tray and the parking lot.
import { useDragSensors } from '@/components/dragSensors';
import { jumpBetweenTargets } from './collision';

export function useBoardSensors() {
  return useDragSensors(jumpBetweenTargets);
}
