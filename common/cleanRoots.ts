// Plain JSON bound for a document (an archive's import, "Planera nästa möte") with every text
// through its rule: the server and the facilitator's devices write with it, a phone never does.
import { isRecord, TextFields } from './records';
import { cleanText, withoutUnsafe, type TextRule } from './text';
import type { Json } from './json';

/** Any other string (ids, order keys, dates, statuses): bidi and control characters removed, nothing else. */
function cleanJson(value: Json): Json {
  if (typeof value === 'string') return withoutUnsafe(value);
  if (Array.isArray(value)) return value.map(cleanJson);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, cleanJson(v)]));
  return value;
}

/** A text under its rule; a list of texts (the corners' answers) each under it. */
function cleanRuled(value: Json, rule: TextRule): Json {
  if (typeof value === 'string') return cleanText(value, rule);
  if (Array.isArray(value)) return value.map((v) => (typeof v === 'string' ? cleanText(v, rule) : cleanJson(v)));
  return cleanJson(value);
}

function cleanFields(fields: Record<string, Json>, rules: Record<string, TextRule>): Record<string, Json> {
  const out: Record<string, Json> = {};
  for (const [field, value] of Object.entries(fields)) {
    const rule = Object.hasOwn(rules, field) ? rules[field] : undefined;
    out[field] = rule ? cleanRuled(value, rule) : cleanJson(value);
  }
  return out;
}

/**
 * A document's roots (plain JSON, e.g. from an archive) with every text through its rule in
 * TextFields and every other string without bidi or control characters; shapes are kept.
 */
export function cleanRoots<T extends Record<string, Record<string, unknown>>>(kind: keyof typeof TextFields, roots: T): T {
  const out: Record<string, Record<string, Json>> = {};
  for (const [root, entries] of Object.entries(roots)) {
    const rules = Object.hasOwn(TextFields[kind], root) ? TextFields[kind][root] : {};
    const cleaned: Record<string, Json> = {};
    for (const [key, value] of Object.entries(entries as Record<string, Json>)) {
      if (isRecord(value)) cleaned[key] = cleanFields(value as Record<string, Json>, rules);
      else if (Object.hasOwn(rules, key)) cleaned[key] = cleanRuled(value, rules[key]);
      else cleaned[key] = cleanJson(value);
    }
    out[root] = cleaned;
  }
  return out as T;
}
