import { catalogues, type Language, type MessageKey } from './catalogues';

export type Vars = Record<string, string | number>;
export type Translate = (key: MessageKey, vars?: Vars) => string;

/** Fills {name} placeholders; unknown placeholders stay visible so a gap is noticed. */
export function translate(lang: Language, key: MessageKey, vars?: Vars): string {
  const template = catalogues[lang][key] ?? catalogues.sv[key] ?? key;
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (match, name: string) =>
    name in vars ? String(vars[name]) : match,
  );
}
