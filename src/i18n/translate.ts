import { sv, type Catalogue, type Language, type MessageKey } from './catalogues';

export type Vars = Record<string, string | number>;
export type Translate = (key: MessageKey, vars?: Vars) => string;

// Swedish is always here; English arrives when someone chooses it
const loaded: Partial<Record<Language, Catalogue>> = { sv };

/** Fetches a language's catalogue once; resolves when translate can use it. */
export async function loadCatalogue(lang: Language): Promise<void> {
  if (loaded[lang]) return;
  if (lang === 'en') loaded.en = (await import('./en')).en;
}

/** Fills {name} placeholders; unknown placeholders stay visible so a gap is noticed. */
export function translate(lang: Language, key: MessageKey, vars?: Vars): string {
  return fillPlaceholders(loaded[lang]?.[key] ?? sv[key] ?? key, vars, lang);
}

const plurals = new Map<string, Intl.PluralRules>();

/**
 * Fills {name} with its value, and {name|one|other} with the form the language uses for that
 * number, `#` standing for it: "{count|# lapp|# lappar}" gives "1 lapp", "5 lappar".
 */
export function fillPlaceholders(template: string, vars?: Vars, lang: Language = 'sv'): string {
  if (!vars) return template;
  return template.replace(/\{(\w+)(?:\|([^|{}]*)\|([^|{}]*))?\}/g, (match, name: string, one?: string, other?: string) => {
    if (!(name in vars)) return match;
    const value = vars[name];
    if (one === undefined || other === undefined) return String(value);
    let rules = plurals.get(lang);
    if (!rules) plurals.set(lang, (rules = new Intl.PluralRules(lang)));
    return (rules.select(Number(value)) === 'one' ? one : other).replace(/#/g, String(value));
  });
}
