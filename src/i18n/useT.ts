import { useCallback } from 'react';
import { useLanguageStore } from './language';
import { translate, type Translate } from './translate';

/** The translate function for the language chosen in the UI. */
export function useT(): Translate {
  const lang = useLanguageStore((s) => s.lang);
  return useCallback<Translate>((key, vars) => translate(lang, key, vars), [lang]);
}
