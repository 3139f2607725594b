import { useCallback } from 'react';
import { useUiStore } from '@/store/ui';
import { translate, type Translate } from './translate';

/** The translate function for the language chosen in the UI. */
export function useT(): Translate {
  const lang = useUiStore((s) => s.lang);
  return useCallback<Translate>((key, vars) => translate(lang, key, vars), [lang]);
}
