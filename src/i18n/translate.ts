import { sv, type Catalogue, type Language, type MessageKey } from './catalogues';

export type Vars = Record<string, string | number>;
export type Translate = (key: MessageKey, vars?: Vars) => string;

/** Strings for one language, or how to fetch them. */
export type Strings = Partial<Catalogue> | (() => Promise<Partial<Catalogue>>);

// Swedish for phones is always here; the rest arrives in parts: English when someone chooses it,
// and the facilitator-only strings with the facilitator's route (i18n/facilitator.ts)
const strings: Record<Language, Partial<Catalogue>> = { sv: { ...sv }, en: {} };
const parts: Record<Language, Strings[]> = { sv: [], en: [() => import('./en').then((m) => m.en)] };
const loading = new Map<Strings, Promise<void>>();

/** More strings for a language (a route's own); loadCatalogue fetches them with the rest. */
export function addStrings(more: Record<Language, Strings>): void {
  for (const lang of Object.keys(more) as Language[]) {
    const part = more[lang];
    if (typeof part === 'function') parts[lang].push(part);
    else Object.assign(strings[lang], part);
  }
}

/** Fetches every part of a language's strings once; resolves when translate can use them. */
export async function loadCatalogue(lang: Language): Promise<void> {
  await Promise.all(
    parts[lang].map((part) => {
      let done = loading.get(part);
      if (!done) {
        done = (part as () => Promise<Partial<Catalogue>>)().then(
          (loaded) => void Object.assign(strings[lang], loaded),
          (err: unknown) => {
            loading.delete(part); // a failed fetch is tried again next time
            throw err;
          },
        );
        loading.set(part, done);
      }
      return done;
    }),
  );
}

/** Fills {name} placeholders; unknown placeholders stay visible so a gap is noticed. */
export function translate(lang: Language, key: MessageKey, vars?: Vars): string {
  return fillPlaceholders(strings[lang][key] ?? strings.sv[key] ?? key, vars, lang);
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
