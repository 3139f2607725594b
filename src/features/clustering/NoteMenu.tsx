// The note's actions without dragging: move to a cluster, stack, unstack, park, delete.
import { useEffect, useRef } from 'react';
import type { NoteStack } from '@/doc/boardModel';
import { createClusterWithNote, moveNoteToCluster, removeNoteFromCluster } from '@/doc/facilitator/clusters';
import { deleteNote, stackNote, unstackNote } from '@/doc/facilitator/notes';
import { parkNote } from '@/doc/facilitator/parking';
import { useT } from '@/i18n/useT';
import { useMeeting } from '@/store/meeting';
import { useBoardContext } from './boardContext';
import { useBoardModel } from './useBoardModel';

const LOOSE = '__loose';
const NEW = '__new';

export function NoteMenu({ stack, clusterId, onClose }: { stack: NoteStack; clusterId: string | null; onClose(): void }) {
  const t = useT();
  const { docs } = useMeeting();
  const board = useBoardModel();
  const { nextClusterName, clusterCreated } = useBoardContext();
  const menu = useRef<HTMLDivElement>(null);
  const first = useRef<HTMLSelectElement>(null);
  const { top } = stack;
  useEffect(() => {
    // a menu opened near the bottom of the scrolling loose tray would be cut off by its edge
    menu.current?.scrollIntoView?.({ block: 'nearest' });
    first.current?.focus({ preventScroll: true });
  }, []);
  const siblings = (clusterId ? board.clusters.find((g) => g.cluster.id === clusterId)?.stacks : board.loose) ?? [];
  const done = (fn: () => void) => {
    fn();
    onClose();
  };

  function moveTo(value: string) {
    if (value === LOOSE) done(() => removeNoteFromCluster(docs.meeting, top.id));
    else if (value === NEW) {
      const id = createClusterWithNote(docs.meeting, top.id, nextClusterName());
      onClose();
      clusterCreated(id);
    } else if (value) done(() => moveNoteToCluster(docs.meeting, top.id, value));
  }

  return (
    <div ref={menu} className="note-menu" role="group" aria-label={t('clustering.note.menu', { text: top.text })} onKeyDown={(e) => e.key === 'Escape' && onClose()}>
      <label>
        {t('clustering.note.moveTo')}
        <select ref={first} value="" onChange={(e) => moveTo(e.target.value)}>
          <option value="">{t('clustering.choose')}</option>
          {clusterId && <option value={LOOSE}>{t('clustering.note.loose')}</option>}
          {board.clusters
            .filter((g) => g.cluster.id !== clusterId)
            .map((g) => (
              <option key={g.cluster.id} value={g.cluster.id}>
                {g.cluster.name}
              </option>
            ))}
          <option value={NEW}>{t('clustering.note.newCluster')}</option>
        </select>
      </label>
      {siblings.length > 1 && (
        <label>
          {t('clustering.note.stackOn')}
          <select value="" onChange={(e) => e.target.value && done(() => stackNote(docs.meeting, top.id, e.target.value))}>
            <option value="">{t('clustering.choose')}</option>
            {siblings
              .filter((s) => s.top.id !== top.id)
              .map((s) => (
                <option key={s.top.id} value={s.top.id}>
                  {s.top.text}
                </option>
              ))}
          </select>
        </label>
      )}
      {stack.stacked.map((dup) => (
        <button key={dup.id} type="button" onClick={() => done(() => unstackNote(docs.meeting, dup.id))}>
          {t('clustering.note.unstack')}: {dup.text}
        </button>
      ))}
      <button type="button" onClick={() => done(() => parkNote(docs.meeting, top.id))}>
        {t('clustering.note.park')}
      </button>
      <button type="button" onClick={() => done(() => deleteNote(docs.meeting, top.id))}>
        {t('clustering.note.delete')}
      </button>
      <button type="button" onClick={onClose}>
        {t('clustering.close')}
      </button>
    </div>
  );
}
