// How the relay and every client order listed items (agenda points, steps, proposals, organisations).

/** Orders compare as plain strings (fractional indexes); ties (concurrent inserts) break on id. */
export function byOrder<T extends { order: string; id: string }>(a: T, b: T): number {
  if (a.order < b.order) return -1;
  if (a.order > b.order) return 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** The key two organisation names are the same by: "Region Kalmar " and "region kalmar" are one. */
export const organisationKey = (name: string): string => name.trim().toLocaleLowerCase('sv');
