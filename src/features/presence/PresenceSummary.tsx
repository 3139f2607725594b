import { representation } from '@/doc/facilitator/participants';
import { useT } from '@/i18n/useT';
import { useParticipants } from '@/store/meetingHooks';
import { useExpectedOrgs } from '@/store/facilitatorHooks';
import { usePresence } from '@/store/presence';

/** The board's foot line: how many are connected and which expected organisations are missing. */
export function PresenceSummary() {
  const t = useT();
  const expected = useExpectedOrgs();
  const participants = useParticipants();
  const { online } = usePresence();
  const { present, missing } = representation(expected, participants.values(), online);
  const count = online.size;
  return (
    <section className="presence-summary" aria-label={t('shell.presence.heading')}>
      <p className="presence__count">{count === 1 ? t('shell.presence.countOne') : t('shell.presence.count', { count })}</p>
      {expected.length > 0 && (
        <p className="presence-summary__repr">
          {t('shell.presence.reprLine', { present: present.length, expected: expected.length })}
          {missing.length > 0 && ` – ${t('shell.presence.missing', { orgs: missing.map((o) => o.name).join(', ') })}`}
        </p>
      )}
    </section>
  );
}
