import { useT } from '@/i18n/useT';
import { useAgenda } from '@/store/meetingHooks';
import { Hyphenated } from '@/components/Hyphenated';

export function AgendaList() {
  const t = useT();
  const agenda = useAgenda();
  return (
    <section aria-labelledby="agenda-list-h" className="agenda-list">
      <h2 id="agenda-list-h">{t('setup.agenda.heading')}</h2>
      {agenda.length === 0 ? (
        <p>{t('setup.agenda.empty')}</p>
      ) : (
        <ol>
          {agenda.map((a) => (
            <li key={a.id}>
              <Hyphenated text={a.text} />
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
