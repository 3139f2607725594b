import { LANGUAGES } from '@/i18n/catalogues';
import { useT } from '@/i18n/useT';
import { useUiStore } from '@/store/ui';

export function LanguageSwitch() {
  const t = useT();
  const lang = useUiStore((s) => s.lang);
  const setLang = useUiStore((s) => s.setLang);
  return (
    <div className="lang-switch" role="group" aria-label={t('shell.language')}>
      {LANGUAGES.map((l) => (
        <button key={l} type="button" lang={l} aria-pressed={lang === l} onClick={() => setLang(l)}>
          {t(`shell.lang.${l}`)}
        </button>
      ))}
    </div>
  );
}
