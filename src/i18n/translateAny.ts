// Translation into any language at once, for text made in the meeting's language rather than the
// viewer's (the summary exports). It carries every catalogue statically: facilitator code only, so
// phones still load just the language they show.
import { sv, type Catalogue, type Language, type MessageKey } from './catalogues';
import { en } from './en';
import { enFacilitator } from './enFacilitator';
import { svFacilitator } from './svFacilitator';
import { fillPlaceholders, type Vars } from './translate';

const all: Record<Language, Catalogue> = { sv: { ...sv, ...svFacilitator }, en: { ...en, ...enFacilitator } };

export function translateAny(lang: Language, key: MessageKey, vars?: Vars): string {
  return fillPlaceholders(all[lang]?.[key] ?? all.sv[key] ?? key, vars, lang);
}
