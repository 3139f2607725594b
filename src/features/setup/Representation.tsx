import { representation } from '@/doc/facilitator/participants';
import { useT } from '@/i18n/useT';
import { useParticipants } from '@/store/meetingHooks';
import { useExpectedOrgs } from '@/store/facilitatorHooks';
import { usePresence } from '@/store/presence';

/** "Är alla representanter med?": expected organisations present (someone online) or missing. */
export function Representation() {
  const t = useT();
  const expected = useExpectedOrgs();
  const participants = useParticipants();
  const { online } = usePresence();
  const { present, missing, others } = representation(expected, participants.values(), online);
  return (
    <section className="representation" aria-labelledby="repr-h">
      <h2 id="repr-h">{t('setup.repr.heading')}</h2>
      {expected.length === 0 ? (
        <p>{t('setup.repr.noneExpected')}</p>
      ) : (
        <ul className="repr-list">
          {present.map(({ org, people }) => (
            <li key={org.id} className="repr repr--present">
              <span aria-hidden="true" className="repr__icon">
                ✓
              </span>
              {t('setup.repr.presentItem', { org: org.name, count: people.length })}
            </li>
          ))}
          {missing.map((org) => (
            <li key={org.id} className="repr repr--missing">
              <span aria-hidden="true" className="repr__icon">
                ✗
              </span>
              {t('setup.repr.missingItem', { org: org.name })}
            </li>
          ))}
        </ul>
      )}
      {expected.length > 0 && missing.length === 0 && <p>{t('setup.repr.allPresent')}</p>}
      {others.length > 0 && (
        <p>
          {t('setup.repr.others')}: {[...new Set(others.map((p) => p.organisation || t('shell.presence.noOrg')))].join(', ')}
        </p>
      )}
    </section>
  );
}
