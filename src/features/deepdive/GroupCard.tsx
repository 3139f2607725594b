// One group on the console: a drop target for people, its area, its members, the board focus, and
// its answers, whose document opens only while "edit the answers" is open (one socket per open card).
import { useId, useState } from 'react';
import { useDroppable } from '@dnd-kit/core';
import { setGroupArea, setGrouping } from '@/doc/facilitator/groups';
import { useT } from '@/i18n/useT';
import { useMeeting } from '@/store/meeting';
import { GroupAnswers } from './GroupAnswers';
import { groupDropId, type GroupDrop } from './groupDrag';
import { MemberRow } from './MemberRow';
import { useAreas, useGroupDoc, type GroupInfo } from './useDeepDive';
import { useGroupingSettings } from './useGroupingSettings';

export function GroupCard({ group, n, groups }: { group: GroupInfo; n: number; groups: GroupInfo[] }) {
  const t = useT();
  const { docs } = useMeeting();
  const { chosen, labelOf } = useAreas();
  // an area set before the choice changed stays selectable, so the select never shows a blank
  const options = group.areaId && !chosen.some((a) => a.id === group.areaId) ? [...chosen, { id: group.areaId, label: labelOf(group.areaId) }] : chosen;
  const settings = useGroupingSettings();
  const [editing, setEditing] = useState(false);
  const handle = useGroupDoc(editing ? group.id : null, { typing: true });
  const areaId = useId();
  const title = group.name || t('deepdive.group', { n });
  const drop = useDroppable({ id: groupDropId(group.id), data: { groupId: group.id, label: title } satisfies GroupDrop });
  return (
    <section ref={drop.setNodeRef} className={drop.isOver ? 'dd-card is-over' : 'dd-card'} aria-label={title}>
      <h3>{title}</h3>
      <label htmlFor={areaId}>{t('deepdive.console.area')}</label>
      <select id={areaId} value={group.areaId} onChange={(e) => setGroupArea(docs.control, group.id, e.target.value)}>
        <option value="">{t('deepdive.noArea')}</option>
        {options.map((a) => (
          <option key={a.id} value={a.id}>
            {a.label}
          </option>
        ))}
      </select>
      <ul className="dd-members">
        {group.members.map((p) => (
          <MemberRow key={p.id} person={p} groupId={group.id} groups={groups} />
        ))}
      </ul>
      <button type="button" className="btn" onClick={() => setGrouping(docs.control, { focus: settings.focus === group.id ? '' : group.id })}>
        {settings.focus === group.id ? t('deepdive.console.unfocus') : t('deepdive.console.focus', { name: title })}
      </button>
      <details open={editing} onToggle={(e) => setEditing(e.currentTarget.open)}>
        <summary>{t('deepdive.console.editAnswers', { name: title })}</summary>
        {editing && <GroupAnswers group={handle} editable headingLevel={3} />}
      </details>
    </section>
  );
}
