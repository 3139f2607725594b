// Translation into any language at once, for text made in the meeting's language rather than the
// viewer's (the summary exports). It carries the English catalogue statically: facilitator code
// only, so phones still load just the language they show.
import { sv, type Catalogue, type Language, type MessageKey } from './catalogues';
import { en } from './en';
import { fillPlaceholders, type Vars } from './translate';

const all: Record<Language, Catalogue> = { sv, en };

export function translateAny(lang: Language, key: MessageKey, vars?: Vars): string {
  return fillPlaceholders(all[lang]?.[key] ?? sv[key] ?? key, vars, lang);
}
