// The board in the deep dive: every group side by side, or one group full-screen when it reports back.
import { GroupAnswers } from './GroupAnswers';
import { useT } from '@/i18n/useT';
import { useAreas, useGroupDoc, useGroups, type GroupInfo } from './useDeepDive';
import { useGroupingSettings } from './useGroupingSettings';
import './deepdive.css';

function GroupPanel({ group, n, full }: { group: GroupInfo; n: number; full: boolean }) {
  const t = useT();
  const handle = useGroupDoc(group.id);
  const { labelOf } = useAreas();
  return (
    <section className={full ? 'dd-panel is-full' : 'dd-panel'} aria-label={group.name || t('deepdive.group', { n })}>
      <h2>{group.name || t('deepdive.group', { n })}</h2>
      <p className="dd-panel-meta">
        {group.areaId ? t('deepdive.area', { area: labelOf(group.areaId) }) : t('deepdive.noArea')} · {group.members.map((m) => m.name).join(', ')}
      </p>
      <GroupAnswers group={handle} editable={false} headingLevel={3} />
    </section>
  );
}

export function DeepDiveBoard() {
  const t = useT();
  const { groups } = useGroups();
  const { focus } = useGroupingSettings();
  const focused = groups.find((g) => g.id === focus);
  if (groups.length === 0) return <p className="dd-board-empty">{t('deepdive.board.none')}</p>;
  return (
    <div className={focused ? 'dd-board is-focused' : 'dd-board'}>
      {focused ? (
        <GroupPanel group={focused} n={groups.indexOf(focused) + 1} full />
      ) : (
        groups.map((g, i) => <GroupPanel key={g.id} group={g} n={i + 1} full={false} />)
      )}
    </div>
  );
}
