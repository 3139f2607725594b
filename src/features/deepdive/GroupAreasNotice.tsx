// Says on the console which groups have no area yet, and offers the areas from the vote for them
// with one button: without it the groups start with "Inget område valt" and no question.
import { spreadAreas } from '@common/groupAreas';
import { assignAreas } from '@/doc/groupAreas';
import { useT } from '@/i18n/useT';
import { useMeeting } from '@/store/meeting';
import { useAreas, type GroupInfo } from './useDeepDive';

export function GroupAreasNotice({ groups }: { groups: GroupInfo[] }) {
  const t = useT();
  const { docs } = useMeeting();
  const { chosen, fromResult, labelOf } = useAreas();
  const missing = groups.filter((g) => g.areaId === '');
  const proposal = spreadAreas(groups, chosen.map((a) => a.id));
  const nameOf = (g: GroupInfo) => g.name || t('deepdive.group', { n: groups.indexOf(g) + 1 });
  // a status region that is always there, so the notice is announced when it appears
  return (
    <div role="status" className={missing.length > 0 ? 'dd-areas-notice' : undefined}>
      {missing.length > 0 && (
        <>
          <p>
            <span aria-hidden="true">⚠ </span>
            {t('deepdive.areas.missing', { count: missing.length })}
          </p>
          {chosen.length === 0 ? (
            <p>{t('deepdive.areas.none')}</p>
          ) : (
            <>
              {fromResult && <p>{t('deepdive.areas.fromResult')}</p>}
              <ul>
                {missing.map((g) => (
                  <li key={g.id}>{t('deepdive.areas.proposal', { group: nameOf(g), area: labelOf(proposal[g.id]) })}</li>
                ))}
              </ul>
              <button type="button" className="btn btn--primary" onClick={() => assignAreas(docs.control, proposal)}>
                {t('deepdive.areas.assign', { count: missing.length })}
              </button>
            </>
          )}
        </>
      )}
    </div>
  );
}
