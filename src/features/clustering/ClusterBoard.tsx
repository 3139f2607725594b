// The projected clustering board: the facilitator drags notes into clusters with mouse, touch or
// keyboard. Drag state stays in dnd-kit; each drop is one write to the meeting doc.
import { useCallback, useMemo, useRef, useState } from 'react';
import {
  DndContext,
  DragOverlay,
  type DragEndEvent,
  type DragStartEvent,
  type UniqueIdentifier,
} from '@dnd-kit/core';
import { useT } from '@/i18n/useT';
import { useMeeting } from '@/store/meeting';
import { makeAccessibility } from './announcements';
import { BoardContext, type BoardContextValue } from './boardContext';
import { ClusterColumn } from './ClusterColumn';
import { boardCollision } from './collision';
import { DragPreview } from './DragPreview';
import { applyAction, resolveDrop, type DragData, type DropData } from './dropAction';
import { LooseTray } from './LooseTray';
import { ParkingDropZone } from './ParkingDropZone';
import { UndoButtons } from './UndoButtons';
import { useBoardModel } from './useBoardModel';
import { useBoardSensors } from './sensors';
import { useShiftKey } from './useShiftKey';
import { useUndo, useUndoShortcuts } from './useUndo';
import './clustering.css';

/** showUndo: false where the page already has the console's undo buttons (one pair per page). */
export function ClusterBoard({ showUndo = true }: { showUndo?: boolean }) {
  const t = useT();
  const { docs, role } = useMeeting();
  const readOnly = role === 'participant' || role === 'viewer';
  const board = useBoardModel();
  const boardRef = useRef(board);
  boardRef.current = board;
  const shift = useShiftKey();
  const { history } = useUndo();
  useUndoShortcuts(history, !readOnly);
  const [active, setActive] = useState<DragData | null>(null);
  const [renameClusterId, setRenameClusterId] = useState<string | null>(null);

  const sensors = useBoardSensors();

  const nextClusterName = useCallback(() => {
    const b = boardRef.current;
    return t('clustering.defaultName', { n: b.clusters.length + b.parkedClusters.length + 1 });
  }, [t]);

  const context = useMemo<BoardContextValue>(
    () => ({ readOnly, nextClusterName, clusterCreated: setRenameClusterId, renameClusterId }),
    [readOnly, nextClusterName, renameClusterId],
  );

  const describe = useCallback(
    (id: UniqueIdentifier) => {
      const [kind, key] = String(id).split(/:(.*)/s);
      const b = boardRef.current;
      if (kind === 'note') {
        const text = findNote(b, key)?.text ?? '';
        return t('clustering.a11y.note', { text });
      }
      if (kind === 'cluster') {
        const name = b.clusters.find((g) => g.cluster.id === key)?.cluster.name ?? '';
        return t('clustering.a11y.cluster', { name });
      }
      return t(kind === 'parking' ? 'clustering.a11y.parking' : 'clustering.a11y.loose');
    },
    [t],
  );
  const accessibility = useMemo(() => makeAccessibility(t, describe), [t, describe]);

  const onDragStart = useCallback((event: DragStartEvent) => {
    setActive((event.active.data.current as DragData | undefined) ?? null);
  }, []);

  const onDragEnd = useCallback(
    (event: DragEndEvent) => {
      setActive(null);
      const drag = event.active.data.current as DragData | undefined;
      if (!drag) return;
      const b = boardRef.current;
      const action = resolveDrop(drag, (event.over?.data.current as DropData | undefined) ?? null, {
        shift: shift.current === true,
        clusterOrder: b.clusters.map((g) => g.cluster.id),
        clusterOf: (noteId) => b.clusterOfNote.get(noteId) ?? null,
      });
      const created = applyAction(docs.meeting, action, nextClusterName());
      if (created) setRenameClusterId(created);
    },
    [docs.meeting, nextClusterName, shift],
  );

  const activeNote = active?.kind === 'note' ? findNote(board, active.id) : undefined;
  const activeCluster = active?.kind === 'cluster' ? board.clusters.find((g) => g.cluster.id === active.id)?.cluster : undefined;

  return (
    <BoardContext.Provider value={context}>
      <section className={`cluster-board${readOnly ? ' is-readonly' : ''}`} aria-label={t('clustering.board.label')}>
        <header className="cluster-board-header">
          {!readOnly && <p className="cluster-board-help">{t('clustering.help')}</p>}
          {!readOnly && showUndo && <UndoButtons />}
        </header>
        <DndContext
          sensors={sensors}
          collisionDetection={boardCollision}
          accessibility={accessibility}
          onDragStart={onDragStart}
          onDragEnd={onDragEnd}
          onDragCancel={() => setActive(null)}
        >
          <div className="cluster-board-body">
            <div className="cluster-grid">
              {board.clusters.map((group) => (
                <ClusterColumn key={group.cluster.id} group={group} />
              ))}
            </div>
            <aside className="cluster-side">
              <LooseTray stacks={board.loose} />
              {!readOnly && <ParkingDropZone count={board.parkedNotes.length + board.parkedClusters.length} />}
            </aside>
          </div>
          <DragOverlay dropAnimation={null}>{active ? <DragPreview note={activeNote} cluster={activeCluster} /> : null}</DragOverlay>
        </DndContext>
      </section>
    </BoardContext.Provider>
  );
}

function findNote(board: ReturnType<typeof useBoardModel>, noteId: string) {
  for (const stack of board.loose) if (stack.top.id === noteId) return stack.top;
  for (const group of board.clusters) for (const stack of group.stacks) if (stack.top.id === noteId) return stack.top;
  return undefined;
}
