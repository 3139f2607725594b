// The facilitator forms groups (mixed, by organisation or by hand), moves people by drag (mouse,
// touch, keyboard) or menu, gives each group an area and edits any group's answers. The d)
// proposals go to the solution vote by themselves (the relay's collectSolutions).
import { useId, useMemo } from 'react';
import { DndContext, type DragEndEvent } from '@dnd-kit/core';
import { formGroups, groupForLatecomer } from '@common/grouping';
import { useDragSensors } from '@/components/dragSensors';
import { formGroupsWithAreas } from '@/doc/groupAreas';
import { addGroup, moveMember, setGrouping } from '@/doc/facilitator/groups';
import { useT } from '@/i18n/useT';
import { useMeeting } from '@/store/meeting';
import { GroupCard } from './GroupCard';
import { dropTarget, groupCollision, groupDragAccessibility, jumpBetweenGroups, type GroupDrop, type PersonDrag } from './groupDrag';
import { NoGroupTray } from './NoGroupTray';
import { GroupAreasNotice } from './GroupAreasNotice';
import { useAreas, useGroups } from './useDeepDive';
import { useGroupingSettings } from './useGroupingSettings';
import './deepdive.css';

export function DeepDiveConsole() {
  const t = useT();
  const { docs } = useMeeting();
  const { groups, unassigned } = useGroups();
  const settings = useGroupingSettings();
  const { chosen } = useAreas();
  const ids = { mode: useId(), by: useId(), value: useId() };
  const people = [...groups.flatMap((g) => g.members), ...unassigned].map((p) => ({ id: p.id, organisation: p.organisation }));

  // new groups get the areas from the vote at once, spread over them; each stays editable
  const form = (seed: number) =>
    formGroupsWithAreas(
      docs.control,
      formGroups(people, { ...settings, seed }),
      chosen.map((a) => a.id),
      { seed },
    );
  const placeLatecomers = () => {
    for (const p of unassigned) {
      const target = groupForLatecomer(p, groups.map((g) => ({ id: g.id, organisations: g.members.map((m) => m.organisation) })));
      if (target) moveMember(docs.control, p.id, target);
    }
  };
  const sensors = useDragSensors(jumpBetweenGroups);
  const accessibility = useMemo(() => groupDragAccessibility(t), [t]);
  const onDragEnd = ({ active, over }: DragEndEvent) => {
    const drag = active.data.current as PersonDrag | undefined;
    const target = dropTarget(drag, over?.data.current as GroupDrop | undefined);
    if (drag && target !== null) moveMember(docs.control, drag.participantId, target);
  };

  return (
    <section className="dd-console" aria-label={t('deepdive.title')}>
      <GroupAreasNotice groups={groups} />
      <h2>{t('deepdive.console.form')}</h2>
      <div className="dd-form">
        <label htmlFor={ids.mode}>{t('deepdive.console.mode')}</label>
        <select id={ids.mode} value={settings.mode} onChange={(e) => setGrouping(docs.control, { mode: e.target.value as typeof settings.mode })}>
          <option value="mixed">{t('deepdive.console.mode.mixed')}</option>
          <option value="byOrganisation">{t('deepdive.console.mode.byOrganisation')}</option>
          <option value="manual">{t('deepdive.console.mode.manual')}</option>
        </select>
        <label htmlFor={ids.by}>{t('deepdive.console.by')}</label>
        <select id={ids.by} value={settings.by} onChange={(e) => setGrouping(docs.control, { by: e.target.value as typeof settings.by })}>
          <option value="size">{t('deepdive.console.by.size')}</option>
          <option value="count">{t('deepdive.console.by.count')}</option>
        </select>
        <label htmlFor={ids.value}>{settings.by === 'size' ? t('deepdive.console.size') : t('deepdive.console.count')}</label>
        <input id={ids.value} type="number" min={1} max={30} value={settings.value} onChange={(e) => e.target.value !== '' && setGrouping(docs.control, { value: Math.max(1, Number(e.target.value)) })} />
      </div>
      <div className="dd-row">
        {settings.mode === 'manual' ? (
          <button type="button" className="btn" onClick={() => addGroup(docs.control)}>
            {t('deepdive.console.addGroup')}
          </button>
        ) : (
          <>
            <button type="button" className="btn btn--primary" onClick={() => form(settings.seed)} disabled={people.length === 0}>
              {t('deepdive.console.formButton')}
            </button>
            <button type="button" className="btn" onClick={() => form(settings.seed + 1)} disabled={people.length === 0 || groups.length === 0}>
              {t('deepdive.console.shuffle')}
            </button>
          </>
        )}
        {unassigned.length > 0 && groups.length > 0 && (
          <button type="button" className="btn" onClick={placeLatecomers}>
            {t('deepdive.console.latecomers', { count: unassigned.length })}
          </button>
        )}
      </div>
      <h2>{t('deepdive.console.groups', { count: groups.length })}</h2>
      {groups.length > 0 && <p>{t('deepdive.console.dragHelp')}</p>}
      <DndContext sensors={sensors} collisionDetection={groupCollision} accessibility={accessibility} onDragEnd={onDragEnd}>
        <div className="dd-cards">
          {groups.map((g, i) => (
            <GroupCard key={g.id} group={g} n={i + 1} groups={groups} />
          ))}
          {groups.length > 0 && <NoGroupTray people={unassigned} groups={groups} />}
        </div>
      </DndContext>
      <h2>{t('deepdive.console.solutions')}</h2>
      <p>{t('deepdive.console.solutionsHint')}</p>
    </section>
  );
}
