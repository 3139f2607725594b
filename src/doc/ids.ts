import { nanoid } from 'nanoid';
import { generateKeyBetween, generateNKeysBetween } from 'fractional-indexing';

export const newId = (): string => nanoid();

/** A fractional-index order key between two neighbours (null = open end). */
export function orderBetween(before: string | null, after: string | null): string {
  return generateKeyBetween(before, after);
}

export function ordersAfter(last: string | null, count: number): string[] {
  return generateNKeysBetween(last, null, count);
}

/** The order key after the largest one in use. */
export function orderAtEnd(orders: Iterable<string>): string {
  let last: string | null = null;
  for (const order of orders) if (last === null || order > last) last = order;
  return generateKeyBetween(last, null);
}

