// The phone in the deep dive: my group, the others in it with their organisations, our area, and
// the four questions we answer together in the group's live document.
import { useT } from '@/i18n/useT';
import { useMeeting } from '@/store/meeting';
import { GroupAnswers } from './GroupAnswers';
import { useAreas, useGroupDoc, useGroups } from './useDeepDive';
import './deepdive.css';

export function DeepDivePhone() {
  const t = useT();
  const { participantId } = useMeeting();
  const { groups, memberOf } = useGroups();
  const { labelOf } = useAreas();
  const myGroupId = participantId ? memberOf[participantId] ?? null : null;
  const group = groups.find((g) => g.id === myGroupId) ?? null;
  const handle = useGroupDoc(group ? group.id : null, { typing: true });
  const index = group ? groups.indexOf(group) : -1;
  return (
    <section className="dd-phone" aria-labelledby="dd-phone-title">
      <h1 id="dd-phone-title">{t('deepdive.title')}</h1>
      {!group ? (
        <p>{t('deepdive.phone.noGroup')}</p>
      ) : (
        <>
          <p className="dd-group-name">{group.name || t('deepdive.group', { n: index + 1 })}</p>
          <p>{group.areaId ? t('deepdive.area', { area: labelOf(group.areaId) }) : t('deepdive.noArea')}</p>
          <h2>{t('deepdive.members')}</h2>
          <ul className="dd-members">
            {group.members.map((p) => (
              <li key={p.id}>
                {p.name}
                {p.organisation && <span className="dd-org"> – {p.organisation}</span>}
              </li>
            ))}
          </ul>
          <GroupAnswers group={handle} editable />
        </>
      )}
    </section>
  );
}
