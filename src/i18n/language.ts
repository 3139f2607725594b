import { create } from 'zustand';
import { LANGUAGES, type Language } from './catalogues';
import { loadCatalogue } from './translate';

export const LANG_KEY = 'svv:lang';

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
  /** loads the language's catalogue, then switches */
  setLang(lang: Language): void;
  /** switches at once; the catalogue must be loaded (loadCatalogue) */
  applyLang(lang: Language): void;
}

// the last language asked for: a slower catalogue never overrides a later choice
let wanted: Language | null = null;

/** The language this device shows, kept in i18n/ so translating needs nothing from store/. */
export const useLanguageStore = create<LanguageState>((set) => ({
  lang: initialLanguage(),
  setLang(lang) {
    // switch once the catalogue is here, so nothing shows in a mix of languages
    wanted = lang;
    void loadCatalogue(lang).then(() => wanted === lang && useLanguageStore.getState().applyLang(lang));
  },
  applyLang(lang) {
    try {
      globalThis.localStorage?.setItem(LANG_KEY, lang);
    } catch {
      // not persisted; still switches for this page
    }
    if (typeof document !== 'undefined') document.documentElement.lang = lang;
    set({ lang });
  },
}));
