import { describe, expect, it } from 'vitest';
import {
  cafeSummary,
  harvest,
  parseCafeNoteOut,
  parseCafeSettings,
  parseSeatings,
  seatLatecomer,
  seatRound,
  tableCount,
  type CafePerson,
  type Seating,
} from './cafe';

const ORGS = ['Kommun', 'Region', 'Primärvård', 'Äldreomsorg', 'Sjukhus'];
/** n people, organisations dealt in turn (30 people: six of each of five organisations) */
const room = (n: number, orgs = ORGS): CafePerson[] => Array.from({ length: n }, (_, i) => ({ id: `p${String(i).padStart(2, '0')}`, organisation: orgs[i % orgs.length] }));

function runCafe(people: CafePerson[], tables: number, rounds: number, seed = 7): Seating[] {
  const out: Seating[] = [];
  for (let r = 0; r < rounds; r++) out.push(seatRound(people, tables, out, seed + r));
  return out;
}

const tablesIn = (s: Seating) => {
  const m = new Map<number, string[]>();
  for (const [id, t] of s.seats) m.set(t, [...(m.get(t) ?? []), id]);
  return m;
};

function repeatedPairs(rounds: Seating[]): number {
  const seen = new Set<string>();
  let repeats = 0;
  for (const s of rounds) {
    for (const ids of tablesIn(s).values()) {
      for (let i = 0; i < ids.length; i++)
        for (let j = i + 1; j < ids.length; j++) {
          const key = [ids[i], ids[j]].sort().join('|');
          if (seen.has(key)) repeats++;
          seen.add(key);
        }
    }
  }
  return repeats;
}

describe('dialogkafé seating: 30 people, 5 tables, 3 rounds', () => {
  const people = room(30);
  const rounds = runCafe(people, 5, 3);

  it('seats everyone at one of five tables of six, each with one host, every round', () => {
    for (const s of rounds) {
      expect(s.seats.size).toBe(30);
      expect([...tablesIn(s).values()].map((ids) => ids.length)).toEqual([6, 6, 6, 6, 6]);
      expect([...s.hosts.keys()].sort()).toEqual([1, 2, 3, 4, 5]);
      for (const [table, id] of s.hosts) expect(s.seats.get(id)).toBe(table);
    }
  });

  it('hosts stay at their table; every other person moves to a table they have not sat at', () => {
    for (let r = 1; r < rounds.length; r++) {
      expect([...rounds[r].hosts]).toEqual([...rounds[0].hosts]);
      const hosts = new Set(rounds[0].hosts.values());
      for (const p of people) {
        if (hosts.has(p.id)) continue;
        const visited = rounds.slice(0, r).map((s) => s.seats.get(p.id));
        expect(visited).not.toContain(rounds[r].seats.get(p.id));
      }
    }
  });

  it('organisations mixed: five hosts of five organisations, every organisation at every first-round table, never three of one at a table', () => {
    const orgOf = new Map(people.map((p) => [p.id, p.organisation]));
    expect(new Set([...rounds[0].hosts.values()].map((id) => orgOf.get(id))).size).toBe(5);
    for (const ids of tablesIn(rounds[0]).values()) expect(new Set(ids.map((id) => orgOf.get(id))).size).toBe(5);
    for (const s of rounds) {
      for (const ids of tablesIn(s).values()) {
        const counts = new Map<string, number>();
        for (const id of ids) counts.set(orgOf.get(id)!, (counts.get(orgOf.get(id)!) ?? 0) + 1);
        expect(Math.max(...counts.values())).toBeLessThanOrEqual(2);
      }
    }
  });

  it('few pairs sit together twice: a tenth of what staying together would give', () => {
    // staying together would seat every pair at a table together again: 5 tables × C(6,2) × 2 rounds = 150
    const repeats = repeatedPairs(rounds);
    expect(repeats).toBeLessThanOrEqual(15);
    // and over other seeds too (the heuristic is not tuned to one)
    for (const seed of [1, 42, 99]) expect(repeatedPairs(runCafe(people, 5, 3, seed))).toBeLessThanOrEqual(15);
  });

  it('the same input gives the same seating (every device and a restarted relay agree)', () => {
    const again = runCafe(room(30), 5, 3);
    expect(again.map((s) => [...s.seats].sort())).toEqual(rounds.map((s) => [...s.seats].sort()));
  });
});

describe('dialogkafé seating: small and awkward rooms', () => {
  it('three people, one table asked: all three at it, one hosts, nobody can move', () => {
    const rounds = runCafe(room(3), 1, 3);
    for (const s of rounds) {
      expect([...s.seats.values()]).toEqual([1, 1, 1]);
      expect(s.hosts.size).toBe(1);
    }
  });

  it('more tables asked than people: tables of at least two, each with a host', () => {
    expect(tableCount(10, 3)).toBe(1);
    expect(tableCount(10, 7)).toBe(3);
    const rounds = runCafe(room(5), 8, 2);
    expect(tablesIn(rounds[0]).size).toBe(2);
    for (const s of rounds) {
      for (const ids of tablesIn(s).values()) expect(ids.length).toBeGreaterThanOrEqual(2);
      expect(s.hosts.size).toBe(2);
    }
    // the guests of a two-table café change tables each round
    const hosts = new Set(rounds[0].hosts.values());
    for (const [id, t] of rounds[1].seats) if (!hosts.has(id)) expect(rounds[0].seats.get(id)).not.toBe(t);
  });

  it('one person, and nobody: a table for one, and no seats at all', () => {
    const one = seatRound(room(1), 4, [], 1);
    expect([...one.seats]).toEqual([['p00', 1]]);
    expect([...one.hosts]).toEqual([[1, 'p00']]);
    expect(seatRound([], 4, [], 1).seats.size).toBe(0);
  });

  it('seven people at three tables: sizes within one, everyone moves who can', () => {
    const rounds = runCafe(room(7, ['A', 'B']), 3, 3);
    for (const s of rounds) {
      const sizes = [...tablesIn(s).values()].map((ids) => ids.length).sort();
      expect(sizes).toEqual([2, 2, 3]);
    }
    for (let r = 1; r < 3; r++) {
      const hosts = new Set(rounds[r].hosts.values());
      for (const [id, t] of rounds[r].seats) if (!hosts.has(id)) expect(rounds[r - 1].seats.get(id)).not.toBe(t);
    }
  });

  it('a host who has left is replaced by a guest at that table; the tables stay as laid', () => {
    const people = room(12);
    const first = seatRound(people, 3, [], 3);
    const gone = first.hosts.get(2)!;
    const second = seatRound(people.filter((p) => p.id !== gone), 3, [first], 4);
    expect(second.hosts.size).toBe(3);
    expect(second.hosts.get(2)).not.toBe(gone);
    expect(second.seats.get(second.hosts.get(2)!)).toBe(2);
    expect(Math.max(...second.seats.values())).toBe(3);
  });

  it('a latecomer gets a guest’s seat at the smallest table, avoiding their own organisation', () => {
    const people = room(8, ['A', 'B']);
    const first = seatRound(people, 3, [], 1);
    const orgs = new Map(people.map((p) => [p.id, p.organisation]));
    const table = seatLatecomer({ id: 'late', organisation: 'C' }, first, [first], orgs);
    const sizes = tablesIn(first);
    expect(sizes.get(table)!.length).toBe(Math.min(...[...sizes.values()].map((ids) => ids.length)));
  });
});

describe('dialogkafé records', () => {
  it('settings and notes parse to safe values, texts through the text parser', () => {
    expect(parseCafeSettings({ tables: 99, rounds: 0, round: 5, present: ['ok', 5, '../x', 'ok'] })).toMatchObject({ tables: 4, rounds: 3, round: 0, present: ['ok'] });
    expect(parseCafeNoteOut({ table: 2, round: 1, text: `  hej\u202e${'x'.repeat(400)}` })?.text).toHaveLength(280);
    expect(parseCafeNoteOut({ table: 0, round: 1, text: 'x' })).toBeNull();
  });

  it('a host in the hosts map must be seated at that table in that round', () => {
    const s = parseSeatings({ '1': { a: 1, b: 2 } }, { '1': { '1': 'a', '2': 'a', '3': 'zz' } });
    expect([...s.get(1)!.hosts]).toEqual([[1, 'a']]);
  });

  it('the harvest groups notes by table and round, oldest first, with each host’s summary', () => {
    const h = harvest(
      [
        { table: 2, round: 2, text: 'b2', createdAt: 5 },
        { table: 2, round: 1, text: 'b1', createdAt: 9 },
        { table: 1, round: 1, text: 'a1', createdAt: 1 },
      ],
      [{ table: 2, text: 'Summering', updatedAt: 1 }],
      3,
    );
    expect(h).toEqual([
      { table: 1, summary: '', rounds: [{ round: 1, notes: ['a1'] }] },
      { table: 2, summary: 'Summering', rounds: [{ round: 1, notes: ['b1'] }, { round: 2, notes: ['b2'] }] },
      { table: 3, summary: '', rounds: [] },
    ]);
    expect(cafeSummary({}, {})).toBeNull();
  });
});
