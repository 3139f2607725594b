import { LANGUAGES } from '@/i18n/catalogues';
import { useT } from '@/i18n/useT';
import { useLanguageStore } from '@/i18n/language';

export function LanguageSwitch() {
  const t = useT();
  const lang = useLanguageStore((s) => s.lang);
  const setLang = useLanguageStore((s) => s.setLang);
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
