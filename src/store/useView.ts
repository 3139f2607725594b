import { useSyncExternalStore } from 'react';
import type { View } from '@/doc/views';

/** Subscribes a component to a doc read model; re-renders when the snapshot changes. */
export function useView<T>(view: View<T>): T {
  return useSyncExternalStore(view.subscribe, view.get, view.get);
}
