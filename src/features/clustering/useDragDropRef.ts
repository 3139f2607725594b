import { useCallback } from 'react';

/**
 * One ref for a node that is both dragged and dropped on. A stable function for the node's life: a
 * new one each render would detach and re-attach the node, and dnd-kit would stop and restart
 * observing its size — for all 500 cards whenever the hovered target changes.
 */
export function useDragDropRef(drag: { setNodeRef(node: HTMLElement | null): void }, drop: { setNodeRef(node: HTMLElement | null): void }) {
  const { setNodeRef: setDragRef } = drag;
  const { setNodeRef: setDropRef } = drop;
  return useCallback(
    (node: HTMLElement | null) => {
      setDragRef(node);
      setDropRef(node);
    },
    [setDragRef, setDropRef],
  );
}
