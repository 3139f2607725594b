// Notes not yet in a cluster, in a scrollable tray; dropping a clustered note here takes it out.
import { useDroppable } from '@dnd-kit/core';
import type { NoteStack } from '@/doc/boardModel';
import { useT } from '@/i18n/useT';
import { useBoardContext } from './boardContext';
import type { DropData } from './dropAction';
import { NoteCard } from './NoteCard';

export function LooseTray({ stacks }: { stacks: NoteStack[] }) {
  const t = useT();
  const { readOnly } = useBoardContext();
  const drop = useDroppable({ id: 'loose', data: { kind: 'loose' } satisfies DropData, disabled: readOnly });
  return (
    <section ref={drop.setNodeRef} className={`loose-tray${drop.isOver ? ' is-over' : ''}`} data-drop-zone="loose" aria-labelledby="loose-tray-title">
      <h2 id="loose-tray-title">{t('clustering.loose.heading', { count: stacks.length })}</h2>
      {!readOnly && <p className="loose-hint">{t('clustering.loose.drop')}</p>}
      <ul className="loose-notes">
        {stacks.map((stack) => (
          <NoteCard key={stack.top.id} stack={stack} clusterId={null} />
        ))}
      </ul>
    </section>
  );
}
