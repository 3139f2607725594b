// The parking lot, visible in every phase: what lies outside the forum's mandate and to whom it
// is handed over. No dnd-kit here (phones render it); the board's drop zone lives in clustering.
import { useRef } from 'react';
import { useFitList } from '@/components/useFitList';
import { boardView } from '@/doc/boardView';
import { useT } from '@/i18n/useT';
import { useMeeting } from '@/store/meeting';
import { useView } from '@/store/useView';
import { ParkedItem } from './ParkedItem';
import './parking.css';

export function ParkingLot({ variant }: { variant: 'board' | 'phone' | 'console' }) {
  const t = useT();
  const { docs, role } = useMeeting();
  const board = useView(boardView(docs.meeting));
  // only the facilitator's own screens edit; the projector (role 'board') shows the hand-over as text
  const editable = variant !== 'phone' && role === 'facilitator';
  const empty = board.parkedNotes.length === 0 && board.parkedClusters.length === 0;
  if (variant === 'board') {
    // the room needs no empty parking lot; a full one is one line with its count
    if (empty) return null;
    const items = [
      ...board.parkedClusters.map(({ cluster }) => ({ id: cluster.id, title: cluster.name, to: cluster.handOverTo ?? '' })),
      ...board.parkedNotes.map(({ top }) => ({ id: top.id, title: top.text, to: top.handOverTo ?? '' })),
    ];
    return <ParkingStrip items={items} />;
  }
  return (
    <section className={`parking-lot parking-lot-${variant}`} aria-labelledby={`parking-title-${variant}`}>
      <h2 id={`parking-title-${variant}`}>{t('clustering.parking.heading')}</h2>
      {empty ? (
        <p>{t('clustering.parking.empty')}</p>
      ) : (
        <ul className="parking-list">
          {board.parkedClusters.map(({ cluster, stacks }) => (
            <ParkedItem
              key={cluster.id}
              item={{ kind: 'cluster', id: cluster.id }}
              title={t('clustering.parking.clusterTitle', { name: cluster.name })}
              subject={cluster.name}
              notes={stacks.flatMap((s) => [s.top, ...s.stacked])}
              handOverTo={cluster.handOverTo ?? ''}
              editable={editable}
            />
          ))}
          {board.parkedNotes.map(({ top, stacked }) => (
            <ParkedItem
              key={top.id}
              item={{ kind: 'note', id: top.id }}
              title={top.text}
              notes={stacked}
              handOverTo={top.handOverTo ?? ''}
              editable={editable}
              color={top.color}
            />
          ))}
        </ul>
      )}
    </section>
  );
}

function ParkingStrip({ items }: { items: { id: string; title: string; to: string }[] }) {
  const t = useT();
  const list = useRef<HTMLUListElement>(null);
  const more = useFitList(list, [items, t]);
  return (
    <section className="parking-strip" aria-labelledby="parking-title-board">
      <h2 id="parking-title-board">{t('clustering.parking.stripHeading', { count: items.length })}</h2>
      <ul ref={list} className="parking-strip-list fit-list">
        {items.map((item) => (
          <li key={item.id} data-parked-id={item.id}>
            {item.title}
            {item.to && ` → ${item.to}`}
          </li>
        ))}
      </ul>
      {more > 0 && <p className="fit-more">{t('shell.board.more', { count: more })}</p>}
    </section>
  );
}
