// Drop a note or a cluster here to park it (the list itself is the parking feature's ParkingLot).
import { useDroppable } from '@dnd-kit/core';
import { useT } from '@/i18n/useT';
import { useBoardContext } from './boardContext';
import type { DropData } from './dropAction';
import { useIsDropTarget } from './stackTarget';

/**
 * floating: while a note or cluster is dragged with a pointer on the console, the zone floats in the
 * window's corner, so a facilitator scrolled to the top of 300 notes reaches it without a long drag
 * down the page (its place in the page is kept, so nothing under the pointer moves).
 */
export function ParkingDropZone({ count, floating = false }: { count: number; floating?: boolean }) {
  const t = useT();
  const drop = useDroppable({ id: 'parking', data: { kind: 'parking', above: floating } satisfies DropData });
  const over = useIsDropTarget(useBoardContext().dropTarget, (target) => target.kind === 'parking');
  return (
    <div
      ref={drop.setNodeRef}
      className={`parking-drop${over ? ' is-over' : ''}${floating ? ' is-floating' : ''}`}
      data-drop-zone="parking"
    >
      <p>{t('clustering.parkingDrop')}</p>
      <p className="parking-drop-count">{count}</p>
    </div>
  );
}
