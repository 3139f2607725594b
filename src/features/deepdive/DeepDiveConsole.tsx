// The facilitator forms groups (mixed, by organisation or by hand), moves people by menu, gives
// each group an area, edits any group's answers, and collects the d) proposals for round 2.
import { useId } from 'react';
import { formGroups, groupForLatecomer } from '@common/grouping';
import type { GroupAnswer } from '@common/schema';
import { addGroup, applyGroups, collectSolutions, moveMember, setGroupArea, setGrouping } from '@/doc/groups';
import { useT } from '@/i18n/useT';
import { useMeeting } from '@/store/meeting';
import { GroupAnswers } from './GroupAnswers';
import { useAnswers, useAreas, useGroupDoc, useGroupingSettings, useGroups, type GroupInfo } from './useDeepDive';
import './deepdive.css';

/** Each group's answers as last seen, so "collect" needs no second connection. */
const latest = new Map<string, { areaId: string; answers: GroupAnswer[] }>();

function GroupCard({ group, n, groups }: { group: GroupInfo; n: number; groups: GroupInfo[] }) {
  const t = useT();
  const { docs } = useMeeting();
  const { chosen } = useAreas();
  const settings = useGroupingSettings();
  const doc = useGroupDoc(group.id);
  const answers = useAnswers(doc);
  latest.set(group.id, { areaId: group.areaId, answers });
  const areaId = useId();
  const title = group.name || t('deepdive.group', { n });
  return (
    <section className="dd-card" aria-label={title}>
      <h3>{title}</h3>
      <label htmlFor={areaId}>{t('deepdive.console.area')}</label>
      <select id={areaId} value={group.areaId} onChange={(e) => setGroupArea(docs.control, group.id, e.target.value)}>
        <option value="">{t('deepdive.noArea')}</option>
        {chosen.map((a) => (
          <option key={a.id} value={a.id}>
            {a.label}
          </option>
        ))}
      </select>
      <ul className="dd-members">
        {group.members.map((p) => (
          <li key={p.id}>
            <span>
              {p.name}
              {p.organisation && <span className="dd-org"> – {p.organisation}</span>}
            </span>
            <select aria-label={t('deepdive.console.moveNamed', { name: p.name })} value={group.id} onChange={(e) => moveMember(docs.control, p.id, e.target.value)}>
              {groups.map((g, i) => (
                <option key={g.id} value={g.id}>
                  {g.name || t('deepdive.group', { n: i + 1 })}
                </option>
              ))}
              <option value="">{t('deepdive.console.noGroup')}</option>
            </select>
          </li>
        ))}
      </ul>
      <button type="button" onClick={() => setGrouping(docs.control, { focus: settings.focus === group.id ? '' : group.id })}>
        {settings.focus === group.id ? t('deepdive.console.unfocus') : t('deepdive.console.focus', { name: title })}
      </button>
      <details>
        <summary>{t('deepdive.console.editAnswers', { name: title })}</summary>
        <GroupAnswers doc={doc} editable headingLevel={3} />
      </details>
    </section>
  );
}

export function DeepDiveConsole() {
  const t = useT();
  const { docs } = useMeeting();
  const { groups, unassigned } = useGroups();
  const settings = useGroupingSettings();
  const ids = { mode: useId(), by: useId(), value: useId() };
  const people = [...groups.flatMap((g) => g.members), ...unassigned].map((p) => ({ id: p.id, organisation: p.organisation }));

  const form = (seed: number) => {
    setGrouping(docs.control, { seed });
    applyGroups(docs.control, formGroups(people, { ...settings, seed }));
  };
  const placeLatecomers = () => {
    for (const p of unassigned) {
      const target = groupForLatecomer(p, groups.map((g) => ({ id: g.id, organisations: g.members.map((m) => m.organisation) })));
      if (target) moveMember(docs.control, p.id, target);
    }
  };
  const collect = () =>
    collectSolutions(
      docs.meeting,
      groups.map((g) => ({ groupId: g.id, areaId: g.areaId, answers: latest.get(g.id)?.answers ?? [] })),
    );

  return (
    <section className="dd-console" aria-label={t('deepdive.title')}>
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
          <button type="button" onClick={() => addGroup(docs.control)}>
            {t('deepdive.console.addGroup')}
          </button>
        ) : (
          <>
            <button type="button" onClick={() => form(settings.seed)} disabled={people.length === 0}>
              {t('deepdive.console.formButton')}
            </button>
            <button type="button" onClick={() => form(settings.seed + 1)} disabled={people.length === 0 || groups.length === 0}>
              {t('deepdive.console.shuffle')}
            </button>
          </>
        )}
        {unassigned.length > 0 && groups.length > 0 && (
          <button type="button" onClick={placeLatecomers}>
            {t('deepdive.console.latecomers', { count: unassigned.length })}
          </button>
        )}
      </div>
      {unassigned.length > 0 && <p>{t('deepdive.console.unassigned', { names: unassigned.map((p) => p.name).join(', ') })}</p>}
      <h2>{t('deepdive.console.groups', { count: groups.length })}</h2>
      <div className="dd-cards">
        {groups.map((g, i) => (
          <GroupCard key={g.id} group={g} n={i + 1} groups={groups} />
        ))}
      </div>
      <h2>{t('deepdive.console.solutions')}</h2>
      <p>{t('deepdive.console.solutionsHint')}</p>
      <button type="button" onClick={collect} disabled={groups.length === 0}>
        {t('deepdive.console.collect')}
      </button>
    </section>
  );
}
