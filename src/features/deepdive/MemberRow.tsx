// One person on the console's group list: a drag handle (mouse, touch, keyboard) and the menu that
// does the same move; both write the person's group once, on drop or choice.
import { useDraggable } from '@dnd-kit/core';
import type { Participant } from '@common/schema';
import { moveMember } from '@/doc/facilitator/groups';
import { useT } from '@/i18n/useT';
import { useMeeting } from '@/store/meeting';
import { personDragId, type PersonDrag } from './groupDrag';
import type { GroupInfo } from './useDeepDive';

export function MemberRow({ person, groupId, groups }: { person: Participant; groupId: string; groups: GroupInfo[] }) {
  const t = useT();
  const { docs } = useMeeting();
  const data: PersonDrag = { participantId: person.id, groupId, name: person.name };
  const drag = useDraggable({ id: personDragId(person.id), data, attributes: { roleDescription: t('deepdive.a11y.roleDescription') } });
  const style = drag.transform ? { transform: `translate3d(${drag.transform.x}px, ${drag.transform.y}px, 0)` } : undefined;
  return (
    <li ref={drag.setNodeRef} style={style} className={drag.isDragging ? 'dd-member is-dragging' : 'dd-member'}>
      <button
        type="button"
        ref={drag.setActivatorNodeRef}
        className="dd-drag"
        {...drag.attributes}
        {...drag.listeners}
        aria-label={t('deepdive.console.drag', { name: person.name })}
      >
        <span aria-hidden="true">⠿</span>
      </button>
      <span className="dd-member-name">
        {person.name}
        {person.organisation && <span className="dd-org"> – {person.organisation}</span>}
      </span>
      <select aria-label={t('deepdive.console.moveNamed', { name: person.name })} value={groupId} onChange={(e) => moveMember(docs.control, person.id, e.target.value)}>
        {groups.map((g, i) => (
          <option key={g.id} value={g.id}>
            {g.name || t('deepdive.group', { n: i + 1 })}
          </option>
        ))}
        <option value="">{t('deepdive.console.noGroup')}</option>
      </select>
    </li>
  );
}
