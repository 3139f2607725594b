// A cluster on the board: a drop target for notes, draggable by its handle, named inline.
import { memo, useMemo, useRef, useState } from 'react';
import { useOverflowing, useViewportKey } from '@/components/useOverflowing';
import { useDraggable, useDroppable } from '@dnd-kit/core';
import type { ClusterGroup, NoteStack } from '@/doc/boardModel';
import { useT } from '@/i18n/useT';
import { clusterDndId, noteDndId, useBoardContext } from './boardContext';
import { ClusterMenu } from './ClusterMenu';
import { ClusterName } from './ClusterName';
import type { DragData, DropData } from './dropAction';
import { NoteCard } from './NoteCard';
import { useDragDropRef } from './useDragDropRef';
import { useIsDropTarget } from './stackTarget';

interface Props {
  group: ClusterGroup;
  /** compact board: only the first `limit` notes, and a button to open the cluster large */
  limit?: number;
  onOpen?: (clusterId: string) => void;
  /** opened large: the cluster fills the board */
  large?: boolean;
  /** opened large on the stage: this page's notes, per column (common/stagePages.ts) */
  columns?: NoteStack[][];
}

function ClusterColumnInner({ group, limit, onOpen, large = false, columns }: Props) {
  const t = useT();
  const { readOnly, dropTarget } = useBoardContext();
  const [menuOpen, setMenuOpen] = useState(false);
  const menuButton = useRef<HTMLButtonElement>(null);
  const { cluster, stacks } = group;
  const id = clusterDndId(cluster.id);
  const drag = useDraggable({
    id,
    data: { kind: 'cluster', id: cluster.id } satisfies DragData,
    disabled: readOnly,
  });
  // a cluster changes size when one of its notes does (or one comes or goes): its notes are measured again with it
  const remeasure = useMemo(() => ({ updateMeasurementsFor: [id, ...stacks.map((s) => noteDndId(s.top.id))] }), [id, stacks]);
  const drop = useDroppable({ id, data: { kind: 'cluster', id: cluster.id } satisfies DropData, disabled: readOnly, resizeObserverConfig: remeasure });
  const count = stacks.reduce((n, s) => n + 1 + s.stacked.length, 0);
  const setRef = useDragDropRef(drag, drop);
  const shown = limit === undefined ? stacks : stacks.slice(0, limit);
  const hidden = stacks.length - shown.length;
  // the cluster itself is the target (not one of its notes)
  const over = useIsDropTarget(dropTarget, (target) => target.kind === 'cluster' && target.id === cluster.id);
  const className = ['cluster', large && 'cluster--large', drag.isDragging && 'is-dragging', over && 'is-over'].filter(Boolean).join(' ');
  return (
    <section ref={setRef} className={className} data-cluster-id={cluster.id} aria-label={t('clustering.cluster.region', { name: cluster.name })}>
      <header className="cluster-header">
        {!readOnly && (
          <button
            type="button"
            className="cluster-handle"
            {...drag.attributes}
            {...drag.listeners}
            aria-label={t('clustering.cluster.drag', { name: cluster.name })}
          >
            ⠿
          </button>
        )}
        <p className="cluster-count">{count === 1 ? t('clustering.cluster.countOne') : t('clustering.cluster.count', { count })}</p>
        {/* an empty cluster has nothing to show large */}
        {onOpen && count > 0 && (
          <button type="button" className="cluster-open" aria-label={t('clustering.compact.openNamed', { name: cluster.name })} onClick={() => onOpen(cluster.id)}>
            {t('clustering.compact.open')}
          </button>
        )}
        {!readOnly && (
          <button
            ref={menuButton}
            type="button"
            className="cluster-menu-button"
            aria-expanded={menuOpen}
            aria-label={t('clustering.cluster.menu', { name: cluster.name })}
            onClick={() => setMenuOpen((open) => !open)}
          >
            ⋯
          </button>
        )}
      </header>
      {/* on its own row: long Swedish compounds need the cluster's full width */}
      <ClusterName clusterId={cluster.id} name={cluster.name} />
      {menuOpen && <ClusterMenu clusterId={cluster.id} name={cluster.name} onClose={() => (setMenuOpen(false), menuButton.current?.focus())} />}
      {columns ? (
        <PagedNotes columns={columns} clusterId={cluster.id} />
      ) : stacks.length === 0 ? (
        <p className="cluster-empty">{t('clustering.cluster.empty')}</p>
      ) : shown.length === 0 ? null : (
        <ul className="cluster-notes">
          {shown.map((stack) => (
            <NoteCard key={stack.top.id} stack={stack} clusterId={cluster.id} />
          ))}
        </ul>
      )}
      {hidden > 0 && shown.length > 0 && <p className="cluster-more">{t('clustering.compact.more', { count: hidden })}</p>}
    </section>
  );
}

/** One page of an opened cluster's notes, in the columns the page was packed into. */
export function PagedNotes({ columns, clusterId }: { columns: NoteStack[][]; clusterId: string | null }) {
  // packed with room to spare (OPEN_LAYOUT); a board still short of it shows the page at the stage minimum
  const box = useRef<HTMLDivElement>(null);
  const tight = useOverflowing(box, `${columns.map((c) => c.map((s) => s.top.id).join()).join('|')}|${useViewportKey()}`);
  return (
    <div ref={box} className={`cluster-pages${tight ? ' is-tight' : ''}`}>
      {columns.map((column, i) => (
        <ul key={i} className="cluster-notes">
          {column.map((stack) => (
            <NoteCard key={stack.top.id} stack={stack} clusterId={clusterId} />
          ))}
        </ul>
      ))}
    </div>
  );
}

const sameGroup = (a: Props, b: Props) =>
  a.onOpen === b.onOpen &&
  a.columns === b.columns &&
  a.limit === b.limit &&
  a.large === b.large &&
  a.group.cluster === b.group.cluster &&
  a.group.stacks.length === b.group.stacks.length &&
  a.group.stacks.every(
    (s, i) =>
      s.top === b.group.stacks[i].top &&
      s.stacked.length === b.group.stacks[i].stacked.length &&
      s.stacked.every((n, j) => n === b.group.stacks[i].stacked[j]),
  );

export const ClusterColumn = memo(ClusterColumnInner, sameGroup);
