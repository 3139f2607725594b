import { create } from 'zustand';
import { LANGUAGES, type Language } from './catalogues';

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

interface LanguageState {
  lang: Language;
  setLang(lang: Language): void;
}

/** The language this device shows, kept in i18n/ so translating needs nothing from store/. */
export const useLanguageStore = create<LanguageState>((set) => ({
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
