// Drop a note or a cluster here to park it (the list itself is the parking feature's ParkingLot).
import { useDroppable } from '@dnd-kit/core';
import { useT } from '@/i18n/useT';
import type { DropData } from './dropAction';

export function ParkingDropZone({ count }: { count: number }) {
  const t = useT();
  const drop = useDroppable({ id: 'parking', data: { kind: 'parking' } satisfies DropData });
  return (
    <div ref={drop.setNodeRef} className={`parking-drop${drop.isOver ? ' is-over' : ''}`} data-drop-zone="parking">
      <p>{t('clustering.parkingDrop')}</p>
      <p className="parking-drop-count">{count}</p>
    </div>
  );
}
