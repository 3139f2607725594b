// People in no group (latecomers, or taken out): a drop target too, so anyone can be dragged in or out.
import { useDroppable } from '@dnd-kit/core';
import type { Participant } from '@common/schema';
import { useT } from '@/i18n/useT';
import { groupDropId, type GroupDrop } from './groupDrag';
import { MemberRow } from './MemberRow';
import type { GroupInfo } from './useDeepDive';

export function NoGroupTray({ people, groups }: { people: Participant[]; groups: GroupInfo[] }) {
  const t = useT();
  const title = t('deepdive.console.noGroupTray');
  const drop = useDroppable({ id: groupDropId(''), data: { groupId: '', label: t('deepdive.console.noGroup') } satisfies GroupDrop });
  return (
    <section ref={drop.setNodeRef} className={drop.isOver ? 'dd-card dd-tray is-over' : 'dd-card dd-tray'} aria-label={title}>
      <h3>{title}</h3>
      {people.length === 0 ? (
        <p>{t('deepdive.console.noGroupEmpty')}</p>
      ) : (
        <ul className="dd-members">
          {people.map((p) => (
            <MemberRow key={p.id} person={p} groupId="" groups={groups} />
          ))}
        </ul>
      )}
    </section>
  );
}
