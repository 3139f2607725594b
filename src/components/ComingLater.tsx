import { useT } from '@/i18n/useT';
import type { MessageKey } from '@/i18n/catalogues';

/** For phases the app does not run yet. */
export function ComingLater({ titleKey }: { titleKey: MessageKey }) {
  const t = useT();
  return (
    <section className="coming-later" aria-labelledby="coming-later-h">
      <h2 id="coming-later-h">{t(titleKey)}</h2>
      <p>
        <strong>{t('shell.comingLater')}</strong>
      </p>
      <p>{t('shell.comingLaterBody')}</p>
    </section>
  );
}
