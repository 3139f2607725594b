import { useT } from '@/i18n/useT';
import type { MessageKey } from '@/i18n/catalogues';

export interface ComingLaterProps {
  titleKey: MessageKey;
  /** the phone's h1; the board and console already show the phase as their h1 */
  showTitle?: boolean;
}

/** For phases the app does not run yet. */
export function ComingLater({ titleKey, showTitle = true }: ComingLaterProps) {
  const t = useT();
  return (
    <section className="coming-later" aria-label={showTitle ? undefined : t(titleKey)} aria-labelledby={showTitle ? 'coming-later-h' : undefined}>
      {showTitle && <h1 id="coming-later-h">{t(titleKey)}</h1>}
      <p>
        <strong>{t('shell.comingLater')}</strong>
      </p>
      <p>{t('shell.comingLaterBody')}</p>
    </section>
  );
}
