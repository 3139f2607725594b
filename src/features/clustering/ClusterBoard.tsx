// The projected clustering board: the facilitator drags notes into clusters with mouse, touch or
// keyboard. Drag state stays in dnd-kit; each drop is one write to the meeting doc.
import { useCallback, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useViewportKey } from '@/components/useOverflowing';
import {
  DndContext,
  DragOverlay,
  getClientRect,
  type DragEndEvent,
  type DragMoveEvent,
  type DragOverEvent,
  type DragStartEvent,
  type Collision,
  type UniqueIdentifier,
} from '@dnd-kit/core';
import { OPEN_LAYOUT, paginate } from '@common/stagePages';
import type { NoteStack } from '@/doc/boardModel';
import { openedOnStageView } from '@/doc/walkthrough';
import { openOnStage, setOpenedPage } from '@/doc/facilitator/walkthrough';
import { useT } from '@/i18n/useT';
import { useMeeting } from '@/store/meeting';
import { useView } from '@/store/useView';
import { makeAccessibility } from './announcements';
import { BoardContext, type BoardContextValue } from './boardContext';
import { ClusterColumn } from './ClusterColumn';
import { boardCollision } from './collision';
import { DragPreview } from './DragPreview';
import { applyAction, resolveDrop, type DragData } from './dropAction';
import { LooseTray } from './LooseTray';
import { createDropTargetStore, dndIdOf, landingOf, useIsDropTarget } from './stackTarget';
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
  // the projected board (the facilitator's board window or the view-only viewer) is a stage
  const stage = role === 'stage' || role === 'viewer';
  const board = useBoardModel();
  const boardRef = useRef(board);
  boardRef.current = board;
  const shift = useShiftKey();
  const { history } = useUndo();
  useUndoShortcuts(history, !readOnly);
  const [active, setActive] = useState<DragData | null>(null);
  // a pointer (mouse, finger) drags on the console: the parking zone floats in the window's corner,
  // and the page stops scrolling under the pointer while it rests on the zone
  const [pointerDrag, setPointerDrag] = useState(false);
  const [renameClusterId, setRenameClusterId] = useState<string | null>(null);
  // what a drag would land on now, kept apart from dnd-kit's "over" (stackTarget.ts)
  const [dropTarget] = useState(createDropTargetStore);
  const overParking = useIsDropTarget(dropTarget, (target) => target.kind === 'parking');
  // the same, for the announcements: kept after the drop, which dnd-kit announces after onDragEnd
  const landing = useRef<UniqueIdentifier | null>(null);

  const sensors = useBoardSensors(dropTarget);

  const nextClusterName = useCallback(() => {
    const b = boardRef.current;
    return t('clustering.defaultName', { n: b.clusters.length + b.parkedClusters.length + 1 });
  }, [t]);

  const context = useMemo<BoardContextValue>(
    () => ({ readOnly, nextClusterName, clusterCreated: setRenameClusterId, renameClusterId, dropTarget }),
    [readOnly, nextClusterName, renameClusterId, dropTarget],
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
  const accessibility = useMemo(() => makeAccessibility(t, describe, () => landing.current), [t, describe]);

  const onDragStart = useCallback((event: DragStartEvent) => {
    landing.current = null;
    setActive((event.active.data.current as DragData | undefined) ?? null);
    // a keyboard drag moves between the targets in reading order, where the zone stays last
    setPointerDrag(!(event.activatorEvent instanceof KeyboardEvent));
  }, []);
  // called before dnd-kit announces the move (its monitor runs after these handlers)
  const track = useCallback(
    (collisions: Collision[] | null) => {
      const target = landingOf(collisions);
      dropTarget.set(target);
      landing.current = target && dndIdOf(target);
    },
    [dropTarget],
  );
  // dnd-kit's "over" is held at nothing, so this runs once, as the drag starts (collision.ts)
  const onDragOver = useCallback((event: DragOverEvent) => track(event.collisions), [track]);
  const onDragMove = useCallback((event: DragMoveEvent) => track(event.collisions), [track]);
  const endDrag = useCallback(() => {
    setActive(null);
    setPointerDrag(false);
    dropTarget.set(null);
  }, [dropTarget]);

  const onDragEnd = useCallback(
    (event: DragEndEvent) => {
      endDrag();
      const drag = event.active.data.current as DragData | undefined;
      if (!drag) return;
      const b = boardRef.current;
      // a drag lands on the note under it, if any, else on the container it is in
      const drop = landingOf(event.collisions);
      const action = resolveDrop(drag, drop, {
        shift: shift.current === true,
        clusterOrder: b.clusters.map((g) => g.cluster.id),
        clusterOf: (noteId) => b.clusterOfNote.get(noteId) ?? null,
      });
      const created = applyAction(docs.meeting, action, nextClusterName());
      if (created) setRenameClusterId(created);
    },
    [docs.meeting, nextClusterName, shift, endDrag],
  );

  const activeNote = active?.kind === 'note' ? findNote(board, active.id) : undefined;
  const activeCluster = active?.kind === 'cluster' ? board.clusters.find((g) => g.cluster.id === active.id)?.cluster : undefined;

  // full: every note at stage size, clusters as tall as their notes. When that does not fit one
  // screen (on the stage only), compact: each cluster shows its name, count and first `limit` notes (the largest limit
  // that fits, found one step at a time), and any cluster opens large.
  const body = useRef<HTMLDivElement>(null);
  const viewport = useViewportKey();
  const noteCount = board.clusters.reduce((n, g) => n + g.stacks.length, board.loose.length);
  const fitKey = `${noteCount}|${board.clusters.length}|${viewport}`;
  // compact: `total` notes shared out over the clusters, the first clusters one more than the rest
  // (5 each, then 4 each … 1 each, then one cluster fewer at a time), so when even one note each
  // does not fit, the first clusters still show theirs. At most 4 + clusters steps.
  const [fit, setFit] = useState<{ key: string; total: number | null }>({ key: fitKey, total: null });
  const total = fit.key === fitKey ? fit.total : null;
  const per = Math.max(1, board.clusters.length);
  const limit = total === null ? null : Math.floor(total / per);
  const limitOf = (i: number) => (total === null ? undefined : Math.floor(total / per) + (i < total % per ? 1 : 0));
  // what is opened large is the meeting's (control doc): every board shows it, the view-only one
  // too; the facilitator's board window opens, pages and closes it
  const opened = useView(openedOnStageView(docs.control));
  const setOpenId = useCallback((id: string | null) => openOnStage(docs.control, id), [docs.control]);
  const openId = stage && opened.id ? opened.id : null;
  const openGroup = openId === null ? undefined : board.clusters.find((g) => g.cluster.id === openId);
  const openLoose = openId === 'loose' && board.loose.length > 0;
  const open = openGroup || openLoose ? openId : null;
  const mode = open ? 'open' : limit !== null ? 'compact' : 'full';
  const onOpen = limit !== null && role === 'stage' ? setOpenId : undefined;
  // its notes a page at a time, packed the same way on every board (common/stagePages.ts)
  const openStacks = openGroup ? openGroup.stacks : openLoose ? board.loose : NO_STACKS;
  const openPages = useMemo(() => {
    const byId = new Map(openStacks.map((s) => [s.top.id, s]));
    const items = openStacks.map((s) => ({ id: s.top.id, text: s.top.text, metaLines: (s.top.tag || s.top.authorName ? 1 : 0) + (s.stacked.length > 0 ? 1 : 0) }));
    return paginate([items], OPEN_LAYOUT).map((p) => p.columns.map((c) => c.map((id) => byId.get(id)!)));
  }, [openStacks]);
  const openPage = Math.max(0, Math.min(opened.page, openPages.length - 1));
  const openColumns = openPages[openPage];
  const parkedCount = board.parkedNotes.length + board.parkedClusters.length;
  const tools = readOnly ? null : (
    <div className="cluster-tools">
      {showUndo && <UndoButtons />}
      <ParkingDropZone count={parkedCount} />
    </div>
  );
  useLayoutEffect(() => {
    const box = body.current;
    // only the stage must fit one screen: on the console (and a phone) the page scrolls, and a
    // board that merely reaches below the window keeps every note in view as it is
    if (!stage || !box || open || total === 0) return;
    let done = false;
    const check = () => {
      if (done) return;
      if (box.scrollHeight > box.clientHeight + 1 || box.scrollWidth > box.clientWidth + 1 || sticksOut(box)) {
        done = true;
        setFit({ key: fitKey, total: total === null ? 5 * per : total > per ? total - per : total - 1 });
      }
    };
    check();
    // the body gets its final size (and the notes their fonts) after this render: check again then
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(check);
    observer.observe(box);
    for (const child of box.children) observer.observe(child);
    return () => observer.disconnect();
  });

  return (
    <BoardContext.Provider value={context}>
      <section className={`cluster-board cluster-board--${mode}${readOnly ? ' is-readonly' : ''}`} aria-label={t('clustering.board.label')}>
        <DndContext
          sensors={sensors}
          collisionDetection={boardCollision}
          accessibility={accessibility}
          onDragStart={onDragStart}
          onDragOver={onDragOver}
          onDragMove={onDragMove}
          onDragEnd={onDragEnd}
          onDragCancel={endDrag}
          autoScroll={!overParking}
          measuring={MEASURING}
        >
          {/* the drag instructions (screen readers only on the projector) */}
          {!readOnly && <p className="cluster-board-help">{t('clustering.help')}</p>}
          {(open || (!stage && !readOnly && showUndo)) && (
            <header className="cluster-board-header">
              {!stage && !readOnly && showUndo && <UndoButtons />}
              {open && stage && tools}
              {open && openPages.length > 1 && (
                <>
                  <p className="cluster-page" aria-live="polite" aria-atomic="true">
                    {t('walk.opened.page', { page: openPage + 1, count: openPages.length })}
                  </p>
                  {role === 'stage' && (
                    <span className="cluster-page-buttons">
                      <button type="button" onClick={() => setOpenedPage(docs.control, openPage - 1)} disabled={openPage <= 0}>
                        ← <span className="visually-hidden">{t('walk.opened.prev')}</span>
                      </button>
                      <button type="button" onClick={() => setOpenedPage(docs.control, openPage + 1)} disabled={openPage >= openPages.length - 1}>
                        → <span className="visually-hidden">{t('walk.opened.next')}</span>
                      </button>
                    </span>
                  )}
                </>
              )}
              {open && role === 'stage' && (
                <button type="button" className="cluster-close" onClick={() => setOpenId(null)}>
                  {t('clustering.compact.close')}
                </button>
              )}
            </header>
          )}
          <div className="cluster-board-body" ref={body}>
            {openGroup && open ? (
              <ClusterColumn group={openGroup} large columns={openColumns} />
            ) : openLoose && open ? (
              <LooseTray stacks={board.loose} large columns={openColumns} />
            ) : (
              <div className="cluster-flow">
                {board.clusters.map((group, i) => (
                  <ClusterColumn key={group.cluster.id} group={group} onOpen={onOpen} limit={limitOf(i)} />
                ))}
                {/* last, as the tray beside the clusters used to be: read left to right, the sorted work comes first */}
                <LooseTray stacks={board.loose} onOpen={onOpen} limit={limit === null ? undefined : Math.max(2, limit * 3)} />
                {/* on the projector undo and the parking drop take the space the last column leaves, not a row of their own */}
                {stage && tools}
              </div>
            )}
          </div>
          {/* after the notes in the DOM (keyboard drags reach notes first) */}
          {!stage && !readOnly && (
            <div className="parking-drop-slot">
              <ParkingDropZone count={parkedCount} floating={pointerDrag && active !== null} />
            </div>
          )}
          <DragOverlay dropAnimation={null}>{active ? <DragPreview note={activeNote} cluster={activeCluster} /> : null}</DragOverlay>
        </DndContext>
      </section>
    </BoardContext.Provider>
  );
}

/**
 * True when a cluster, the tray or a note reaches past the body's box. scrollHeight alone misses
 * it: with CSS columns of a fixed height, a cluster taller than a column overflows the multicol
 * box without growing the body's scroll size, so the full form stayed on and was clipped.
 */
function sticksOut(box: HTMLElement): boolean {
  // the visible area: the body, cut by every clipping ancestor (the stage's body may be smaller
  // than ours when the header wraps) and by the window
  let bottom = Math.min(box.getBoundingClientRect().bottom, window.innerHeight);
  let right = Math.min(box.getBoundingClientRect().right, window.innerWidth);
  for (let el = box.parentElement; el; el = el.parentElement) {
    const style = getComputedStyle(el);
    if (style.overflowY !== 'visible') bottom = Math.min(bottom, el.getBoundingClientRect().bottom);
    if (style.overflowX !== 'visible') right = Math.min(right, el.getBoundingClientRect().right);
  }
  const edge = { bottom, right };
  const items = box.querySelectorAll<HTMLElement>('.cluster-flow > *, [data-note-id]');
  for (const item of items) {
    const r = item.getBoundingClientRect();
    if (r.width === 0 && r.height === 0) continue;
    if (r.bottom > edge.bottom + 1 || r.right > edge.right + 1) return true;
  }
  return false;
}

const NO_STACKS: NoteStack[] = [];
// nothing on the board is transformed (the dragged copy is an overlay): a plain rect, without the
// computed style dnd-kit reads per droppable to undo a transform (500 at every drag's start)
const MEASURING = { droppable: { measure: getClientRect } };

function findNote(board: ReturnType<typeof useBoardModel>, noteId: string) {
  for (const stack of board.loose) if (stack.top.id === noteId) return stack.top;
  for (const group of board.clusters) for (const stack of group.stacks) if (stack.top.id === noteId) return stack.top;
  return undefined;
}
