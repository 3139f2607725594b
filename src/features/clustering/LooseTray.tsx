// Notes not yet in a cluster; dropping a clustered note here takes it out. On a compact board the
// tray shows the notes that fit, and opens large like a cluster.
import { useMemo } from 'react';
import { useDroppable } from '@dnd-kit/core';
import type { NoteStack } from '@/doc/boardModel';
import { useT } from '@/i18n/useT';
import { noteDndId, useBoardContext } from './boardContext';
import type { DropData } from './dropAction';
import { NoteCard } from './NoteCard';
import { PagedNotes } from './ClusterColumn';
import { useIsDropTarget } from './stackTarget';

export function LooseTray({ stacks, limit, onOpen, large = false, columns }: { stacks: NoteStack[]; limit?: number; onOpen?: (id: 'loose') => void; large?: boolean; columns?: NoteStack[][] }) {
  const t = useT();
  const { readOnly, dropTarget } = useBoardContext();
  const shown = limit === undefined ? stacks : stacks.slice(0, limit);
  const hidden = stacks.length - shown.length;
  // the tray changes size when one of its notes does (or one comes or goes): its notes are measured again with it
  const remeasure = useMemo(() => ({ updateMeasurementsFor: ['loose', ...stacks.map((s) => noteDndId(s.top.id))] }), [stacks]);
  const drop = useDroppable({ id: 'loose', data: { kind: 'loose' } satisfies DropData, disabled: readOnly, resizeObserverConfig: remeasure });
  // the tray itself is the target (not one of its notes)
  const over = useIsDropTarget(dropTarget, (target) => target.kind === 'loose');
  return (
    <section ref={drop.setNodeRef} className={`loose-tray${large ? ' loose-tray--large' : ''}${over ? ' is-over' : ''}`} data-drop-zone="loose" aria-labelledby="loose-tray-title">
      <div className="loose-tray-header">
        <h2 id="loose-tray-title">{t('clustering.loose.heading', { count: stacks.length })}</h2>
        {/* an empty tray has nothing to show large */}
        {onOpen && stacks.length > 0 && (
          <button type="button" className="cluster-open" aria-label={t('clustering.compact.openLoose')} onClick={() => onOpen('loose')}>
            {t('clustering.compact.open')}
          </button>
        )}
      </div>
      {!readOnly && limit === undefined && !columns && <p className="loose-hint">{t('clustering.loose.drop')}</p>}
      {columns ? (
        <PagedNotes columns={columns} clusterId={null} />
      ) : (
        <ul className="loose-notes">
          {shown.map((stack) => (
            <NoteCard key={stack.top.id} stack={stack} clusterId={null} />
          ))}
        </ul>
      )}
      {hidden > 0 && <p className="cluster-more">{t('clustering.compact.more', { count: hidden })}</p>}
    </section>
  );
}
