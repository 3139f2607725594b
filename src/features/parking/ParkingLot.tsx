// The parking lot, visible in every phase: what lies outside the forum's mandate and to whom it
// is handed over. No dnd-kit here (phones render it); the board's drop zone lives in clustering.
import { useEffect, useState } from 'react';
import { boardView } from '@/doc/boardView';
import { onParkedHere, type ParkedRef } from '@/doc/parking';
import { useT } from '@/i18n/useT';
import { useMeeting } from '@/store/meeting';
import { useView } from '@/store/useView';
import { ParkedItem } from './ParkedItem';
import { ParkingStrip, type StripItem } from './ParkingStrip';
import './parking.css';

export function ParkingLot({ variant }: { variant: 'board' | 'phone' | 'console' }) {
  const t = useT();
  const { docs, role } = useMeeting();
  const board = useView(boardView(docs.meeting));
  // the facilitator edits on the console; their board window (role 'stage', facilitator key) only
  // right after parking there; the view-only viewer and phones never
  const editable = variant === 'console' ? role === 'facilitator' : variant === 'board' && role === 'stage';
  // what this window just parked: its hand-over field opens at it, with focus
  const [justParked, setJustParked] = useState<ParkedRef | null>(null);
  useEffect(() => (editable ? onParkedHere(docs.meeting, setJustParked) : undefined), [editable, docs.meeting]);
  const done = () => setJustParked(null);
  const empty = board.parkedNotes.length === 0 && board.parkedClusters.length === 0;
  if (variant === 'board') {
    // the room needs no empty parking lot; a full one is one line with its count
    if (empty) return null;
    const items: StripItem[] = [
      ...board.parkedClusters.map(({ cluster }) => ({ ref: { kind: 'cluster', id: cluster.id }, title: cluster.name, to: cluster.handOverTo ?? '' }) as const),
      ...board.parkedNotes.map(({ top }) => ({ ref: { kind: 'note', id: top.id }, title: top.text, to: top.handOverTo ?? '' }) as const),
    ];
    return <ParkingStrip items={items} editing={justParked} onDone={done} />;
  }
  const isJust = (ref: ParkedRef) => justParked?.kind === ref.kind && justParked.id === ref.id;
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
              justParked={isJust({ kind: 'cluster', id: cluster.id })}
              onHandOverDone={done}
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
              justParked={isJust({ kind: 'note', id: top.id })}
              onHandOverDone={done}
            />
          ))}
        </ul>
      )}
    </section>
  );
}
