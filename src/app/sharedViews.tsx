// What the phone's, the board's and the console's view tables share: the lazy view, and the
// parking lot around every phase on every device. Nothing here imports a phase's view.
import { lazy, type ComponentType, type LazyExoticComponent } from 'react';

export type View = LazyExoticComponent<ComponentType> | ComponentType;

export const named = <K extends string, P = object>(load: () => Promise<Record<K, ComponentType<P>>>, name: K) =>
  lazy(() => load().then((m) => ({ default: m[name] })));

/** Around every phase, on every device: the parking lot. */
export const ParkingLot = named<'ParkingLot', { variant: 'board' | 'phone' | 'console' }>(
  () => import('@/features/parking/ParkingLot'),
  'ParkingLot',
);
