import { useT } from '@/i18n/useT';
import { useOnlineParticipants } from '@/store/presence';

/** Who is connected now, with their organisation. */
export function PresenceList({ compact = false }: { compact?: boolean }) {
  const t = useT();
  const online = useOnlineParticipants();
  return (
    <section className="presence" aria-labelledby="presence-h">
      <h2 id="presence-h" className={compact ? 'visually-hidden' : undefined}>
        {t('shell.presence.heading')}
      </h2>
      <p className="presence__count">{online.length === 1 ? t('shell.presence.countOne') : t('shell.presence.count', { count: online.length })}</p>
      {online.length === 0 ? (
        <p>{t('shell.presence.none')}</p>
      ) : (
        !compact && (
          <ul className="presence__list">
            {online.map((p) => (
              <li key={p.id}>
                <span className="presence__name">{p.name}</span>
                <span className="presence__org">{p.organisation || t('shell.presence.noOrg')}</span>
              </li>
            ))}
          </ul>
        )
      )}
    </section>
  );
}
