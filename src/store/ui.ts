import { create } from 'zustand';
import { LANGUAGES, type Language } from '@/i18n/catalogues';
import { loadCatalogue } from '@/i18n/translate';

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
  /** loads the language's catalogue, then switches */
  setLang(lang: Language): void;
  /** switches at once; the catalogue must be loaded (loadCatalogue) */
  applyLang(lang: Language): void;
}

// the last language asked for: a slower catalogue never overrides a later choice
let wanted: Language | null = null;

/** Local-only UI state; shared meeting state never lives here. */
export const useUiStore = create<UiState>((set) => ({
  lang: initialLanguage(),
  setLang(lang) {
    // switch once the catalogue is here, so nothing shows in a mix of languages
    wanted = lang;
    void loadCatalogue(lang).then(() => wanted === lang && useUiStore.getState().applyLang(lang));
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
