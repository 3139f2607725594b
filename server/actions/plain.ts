// Reading plain JSON from documents that any client may have filled with garbage: every
// accessor answers a value of the right type, never throws.
import type { Json, JsonObject } from '../../common/json';

export const isObject = (v: Json | undefined): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The object at `v`, or an empty one. */
export const obj = (v: Json | undefined): JsonObject => (isObject(v) ? v : {});

/** Entries of a root whose values are objects (nested items); others are skipped. */
export function items(root: JsonObject | undefined): [string, JsonObject][] {
  const out: [string, JsonObject][] = [];
  for (const [key, value] of Object.entries(root ?? {})) if (isObject(value)) out.push([key, value]);
  return out;
}

/** An id or order key, never a typed text (texts go through cleanText and their rule in common/records.ts). */
export const str = (v: Json | undefined, max: number): string => (typeof v === 'string' ? v.slice(0, max) : '');
export const num = (v: Json | undefined, fallback: number): number => (typeof v === 'number' && Number.isFinite(v) ? v : fallback);
export const bool = (v: Json | undefined): boolean => v === true;
