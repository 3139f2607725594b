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
  return fillPlaceholders(loaded[lang]?.[key] ?? sv[key] ?? key, vars);
}

export function fillPlaceholders(template: string, vars?: Vars): string {
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (match, name: string) =>
    name in vars ? String(vars[name]) : match,
  );
}
