import { create } from 'zustand';
import { LANGUAGES, type Language } from '@/i18n/catalogues';

const LANG_KEY = 'svv:lang';

function initialLanguage(): Language {
  try {
    const saved = globalThis.localStorage?.getItem(LANG_KEY);
    if (saved && (LANGUAGES as readonly string[]).includes(saved)) return saved as Language;
  } catch {
    // storage may be blocked (private mode); Swedish is the default
  }
  return 'sv';
}

interface UiState {
  lang: Language;
  setLang(lang: Language): void;
}

/** Local-only UI state; shared meeting state never lives here. */
export const useUiStore = create<UiState>((set) => ({
  lang: initialLanguage(),
  setLang(lang) {
    try {
      globalThis.localStorage?.setItem(LANG_KEY, lang);
    } catch {
      // not persisted; still switches for this page
    }
    if (typeof document !== 'undefined') document.documentElement.lang = lang;
    set({ lang });
  },
}));
