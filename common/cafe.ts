// Dialogkafé (world café): the records and the rules the relay and the screens share. Rounds of
// small groups at tables; one host per table stays, everyone else moves to another table each
// round; each table's notes stay with the table. Who sits where is decided by the relay
// (server/actions/cafeSeating.ts) with `seatRound` below: deterministic under the settings' seed,
// organisations mixed and repeated tablemates kept few. Every text goes through common/text.ts.
import { ControlRoots, MeetingRoots } from './schema';
import { seededRandom } from './random';
import { organisationKey } from './order';
import { TextRules } from './records';
import { cleanText } from './text';

export const CAFE_TABLES_MAX = 12;
export const CAFE_ROUNDS_MAX = 6;
/** notes one participant may add to their table in one round; more stay on the phone */
export const CAFE_NOTES_PER_ROUND = 20;

export interface CafeSettings {
  /** the café's question, the same at every table */
  question: string;
  /** tables asked for; fewer are laid when there are not two people per table */
  tables: number;
  rounds: number;
  /** minutes per round: the phase timer starts with them at each round */
  minutes: number;
  /** 0 before the first round, then the round under way (1 … rounds) */
  round: number;
  /** the rounds are over and the board shows the harvest */
  harvest: boolean;
  /** during the harvest, the one table the board shows large (its host presents it); 0: all tables */
  focus: number;
  /** who was connected when the facilitator started the current round: the people the relay seats */
  present: string[];
  seed: number;
}

export interface CafeNoteOut {
  table: number;
  round: number;
  text: string;
  createdAt: number;
}

export interface CafeNote {
  table: number;
  round: number;
  text: string;
  createdAt: number;
}

export interface CafeSummary {
  table: number;
  text: string;
  updatedAt: number;
}

/** One round's seating: who sits at which table, and each table's host. */
export interface Seating {
  seats: Map<string, number>;
  hosts: Map<number, string>;
}

export interface CafePerson {
  id: string;
  organisation: string;
}

type Fields = Record<string, unknown>;
const fieldsOf = (raw: unknown): Fields => (typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? (raw as Fields) : {});
const num = (v: unknown, fallback: number) => (typeof v === 'number' && Number.isFinite(v) ? v : fallback);
const int = (v: unknown, min: number, max: number, fallback: number) =>
  typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max ? v : fallback;
const ID = /^[A-Za-z0-9_-]{1,64}$/;

export const DEFAULT_CAFE: CafeSettings = { question: '', tables: 4, rounds: 3, minutes: 15, round: 0, harvest: false, focus: 0, present: [], seed: 1 };

export function parseCafeSettings(raw: unknown): CafeSettings {
  const f = fieldsOf(raw);
  const rounds = int(f.rounds, 1, CAFE_ROUNDS_MAX, DEFAULT_CAFE.rounds);
  return {
    question: cleanText(f.question, TextRules.question),
    tables: int(f.tables, 1, CAFE_TABLES_MAX, DEFAULT_CAFE.tables),
    rounds,
    minutes: int(f.minutes, 1, 120, DEFAULT_CAFE.minutes),
    round: int(f.round, 0, rounds, 0),
    harvest: f.harvest === true,
    focus: int(f.focus, 0, CAFE_TABLES_MAX, 0),
    present: Array.isArray(f.present) ? [...new Set(f.present.filter((id): id is string => typeof id === 'string' && ID.test(id)))] : [],
    seed: int(f.seed, 0, 2 ** 31, DEFAULT_CAFE.seed),
  };
}

const tableNumber = (v: unknown) => int(v, 1, CAFE_TABLES_MAX, 0);
const roundNumber = (v: unknown) => int(v, 1, CAFE_ROUNDS_MAX, 0);

/** control.cafeSeats and control.cafeHosts → round → Seating (whatever a document holds). */
export function parseSeatings(seatsRaw: unknown, hostsRaw: unknown): Map<number, Seating> {
  const out = new Map<number, Seating>();
  const of = (round: number) => {
    let s = out.get(round);
    if (!s) out.set(round, (s = { seats: new Map(), hosts: new Map() }));
    return s;
  };
  for (const [key, value] of Object.entries(fieldsOf(seatsRaw))) {
    const round = roundNumber(Number(key));
    if (!round) continue;
    for (const [id, table] of Object.entries(fieldsOf(value))) if (ID.test(id) && tableNumber(table)) of(round).seats.set(id, tableNumber(table));
  }
  for (const [key, value] of Object.entries(fieldsOf(hostsRaw))) {
    const round = roundNumber(Number(key));
    if (!round) continue;
    for (const [table, id] of Object.entries(fieldsOf(value))) {
      const n = tableNumber(Number(table));
      if (n && typeof id === 'string' && of(round).seats.get(id) === n) of(round).hosts.set(n, id);
    }
  }
  return out;
}

export function parseCafeNoteOut(raw: unknown): CafeNoteOut | null {
  const f = fieldsOf(raw);
  const table = tableNumber(f.table);
  const round = roundNumber(f.round);
  if (!table || !round) return null;
  return { table, round, text: cleanText(f.text, TextRules.cafeNote), createdAt: num(f.createdAt, 0) };
}

export function parseCafeNote(raw: unknown): CafeNote | null {
  const note = parseCafeNoteOut(raw);
  return note && note.text ? note : null;
}

export function parseCafeSummary(raw: unknown): CafeSummary | null {
  const f = fieldsOf(raw);
  const table = tableNumber(f.table);
  if (!table) return null;
  return { table, text: cleanText(f.text, TextRules.cafeSummary), updatedAt: num(f.updatedAt, 0) };
}

export const isOutboxId = (id: string) => ID.test(id);

// ---- seating ----

/** How many tables for n people: as asked, but at least two people at each (one table for 0–3). */
export const tableCount = (asked: number, n: number) => Math.max(1, Math.min(asked, CAFE_TABLES_MAX, Math.floor(n / 2)));

/** The table count of a café under way: the tables laid in its first round. */
export const tablesOf = (seating: Seating | undefined) => (seating ? Math.max(0, ...seating.seats.values()) : 0);

function shuffle<T>(items: T[], random: () => number): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j], items[i]];
  }
  return items;
}

/** What earlier rounds say about each person: their last table, the tables they visited, whom they have met. */
interface History {
  last: Map<string, number>;
  visited: Map<string, Set<number>>;
  met: Map<string, Set<string>>;
}

function historyOf(rounds: readonly Seating[]): History {
  const h: History = { last: new Map(), visited: new Map(), met: new Map() };
  for (const { seats } of rounds) {
    const byTable = new Map<number, string[]>();
    for (const [id, table] of seats) {
      byTable.set(table, [...(byTable.get(table) ?? []), id]);
      h.last.set(id, table);
      h.visited.set(id, (h.visited.get(id) ?? new Set()).add(table));
    }
    for (const ids of byTable.values()) for (const a of ids) for (const b of ids) if (a !== b) h.met.set(a, (h.met.get(a) ?? new Set()).add(b));
  }
  return h;
}

/** Sizes differ by at most one: a table may grow while under ⌊n/k⌋, or to ⌈n/k⌉ while some remain. */
function hasRoom(size: number, n: number, k: number, full: number) {
  const floor = Math.floor(n / k);
  return size < floor || (size === floor && full < n % k);
}

/**
 * The cost of a whole seating, lowest best: someone not moving though there was another table
 * (1e6 each), a pair sitting together again (100), two of one organisation at a table (30), a
 * guest back at a table visited before (20).
 */
export function seatingCost(seating: Seating, h: History, orgOf: (id: string) => string, k: number): number {
  let cost = 0;
  const tables = new Map<number, string[]>();
  for (const [id, table] of seating.seats) tables.set(table, [...(tables.get(table) ?? []), id]);
  const hosts = new Set(seating.hosts.values());
  for (const [table, ids] of tables) {
    for (let i = 0; i < ids.length; i++) {
      const id = ids[i];
      if (!hosts.has(id)) {
        if (k > 1 && h.last.get(id) === table) cost += 1e6;
        else if (h.visited.get(id)?.has(table)) cost += 20;
      }
      for (let j = i + 1; j < ids.length; j++) {
        if (h.met.get(id)?.has(ids[j])) cost += 100;
        if (orgOf(id) === orgOf(ids[j])) cost += 30;
      }
    }
  }
  return cost;
}

/**
 * Seats one round. `earlier` are the rounds before it (oldest first). Hosts stay at their table
 * (a host who is not here is replaced by a guest at that table); everyone else moves to another
 * table when there is one, organisations mixed and repeated tablemates kept few. A greedy
 * placement in 8 seeded orders, each improved by swapping pairs of guests, the cheapest kept;
 * the same input always gives the same seating.
 */
export function seatRound(people: readonly CafePerson[], askedTables: number, earlier: readonly Seating[], seed: number): Seating {
  const seating: Seating = { seats: new Map(), hosts: new Map() };
  if (people.length === 0) return seating;
  const sorted = [...people].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const org = new Map(sorted.map((p) => [p.id, organisationKey(p.organisation) || `\u0000${p.id}`]));
  const orgOf = (id: string) => org.get(id) ?? id;
  const n = sorted.length;
  const k = earlier.length > 0 ? Math.max(1, tablesOf(earlier[0])) : tableCount(askedTables, n);
  const h = historyOf(earlier);
  const here = new Set(sorted.map((p) => p.id));
  const random = seededRandom(seed);

  // hosts: last round's where they are here; in the first round one per table, organisations spread
  const hosts = new Map<number, string>();
  const last = earlier[earlier.length - 1];
  if (last) for (const [table, id] of last.hosts) if (here.has(id) && table <= k) hosts.set(table, id);
  if (!last) {
    const byOrg = new Map<string, string[]>();
    for (const p of shuffle([...sorted], random)) byOrg.set(orgOf(p.id), [...(byOrg.get(orgOf(p.id)) ?? []), p.id]);
    const queues = shuffle([...byOrg.keys()].sort(), random).map((key) => byOrg.get(key)!);
    for (let table = 1, q = 0; table <= k; q++) {
      const queue = queues[q % queues.length];
      if (queue.length > 0) hosts.set(table++, queue.shift()!);
    }
  }
  const hostIds = new Set(hosts.values());
  const guests = sorted.map((p) => p.id).filter((id) => !hostIds.has(id));

  let best: Seating | null = null;
  let bestCost = Infinity;
  for (let attempt = 0; attempt < 8; attempt++) {
    const order = shuffle([...guests], random);
    const seats = new Map<string, number>();
    const at = new Map<number, string[]>();
    for (let t = 1; t <= k; t++) at.set(t, []);
    for (const [table, id] of hosts) {
      seats.set(id, table);
      at.get(table)!.push(id);
    }
    const full = () => [...at.values()].filter((ids) => ids.length > Math.floor(n / k)).length;
    for (const id of order) {
      let choice = 0;
      let choiceCost = Infinity;
      const f = full();
      for (let t = 1; t <= k; t++) {
        const ids = at.get(t)!;
        if (!hasRoom(ids.length, n, k, f)) continue;
        let c = k > 1 && h.last.get(id) === t ? 1e6 : h.visited.get(id)?.has(t) ? 20 : 0;
        for (const other of ids) {
          if (h.met.get(id)?.has(other)) c += 100;
          if (orgOf(other) === orgOf(id)) c += 30;
        }
        c += ids.length * 0.01;
        if (c < choiceCost) [choice, choiceCost] = [t, c];
      }
      if (!choice) choice = [...at.entries()].sort((a, b) => a[1].length - b[1].length)[0][0];
      seats.set(id, choice);
      at.get(choice)!.push(id);
    }
    // then two guests at different tables change places while that makes the seating cheaper
    // (a guest left at their last table swaps away first: that costs 1e6)
    const placeCost = (id: string, t: number, without: string) => {
      let c = k > 1 && h.last.get(id) === t ? 1e6 : h.visited.get(id)?.has(t) ? 20 : 0;
      for (const other of at.get(t)!) {
        if (other === id || other === without) continue;
        if (h.met.get(id)?.has(other)) c += 100;
        if (orgOf(other) === orgOf(id)) c += 30;
      }
      return c;
    };
    for (let pass = 0, improved = true; improved && pass < 6; pass++) {
      improved = false;
      for (let i = 0; i < order.length; i++) {
        for (let j = i + 1; j < order.length; j++) {
          const a = order[i];
          const b = order[j];
          const ta = seats.get(a)!;
          const tb = seats.get(b)!;
          if (ta === tb) continue;
          const delta = placeCost(a, tb, b) + placeCost(b, ta, a) - placeCost(a, ta, b) - placeCost(b, tb, a);
          if (delta >= 0) continue;
          seats.set(a, tb);
          seats.set(b, ta);
          at.set(ta, [...at.get(ta)!.filter((x) => x !== a), b]);
          at.set(tb, [...at.get(tb)!.filter((x) => x !== b), a]);
          improved = true;
        }
      }
    }
    // a table whose host is gone takes one of its guests as host: the one who has hosted least, first by id
    const roundHosts = new Map(hosts);
    for (let t = 1; t <= k; t++) {
      if (roundHosts.has(t)) continue;
      const candidate = guests.filter((id) => seats.get(id) === t).sort()[0];
      if (candidate) roundHosts.set(t, candidate);
    }
    const candidate: Seating = { seats, hosts: roundHosts };
    const cost = seatingCost(candidate, h, orgOf, k);
    if (cost < bestCost) [best, bestCost] = [candidate, cost];
  }
  return best ?? seating;
}

/**
 * A latecomer in a round already seated: a guest at the table with the fewest people (among those,
 * the one where they meet the fewest they have met, of their organisation fewest, not their last).
 */
export function seatLatecomer(person: CafePerson, round: Seating, earlier: readonly Seating[], organisations: ReadonlyMap<string, string>): number {
  const k = Math.max(1, tablesOf(earlier[0] ?? round));
  const h = historyOf(earlier);
  const key = (o: string) => organisationKey(o) || '\u0000';
  const mine = key(person.organisation);
  const at = new Map<number, string[]>();
  for (let t = 1; t <= k; t++) at.set(t, []);
  for (const [id, t] of round.seats) at.get(t)?.push(id);
  let choice = 1;
  let choiceCost = Infinity;
  for (const [t, ids] of at) {
    let c = ids.length * 1e4 + (k > 1 && h.last.get(person.id) === t ? 1e3 : 0);
    for (const other of ids) {
      if (h.met.get(person.id)?.has(other)) c += 100;
      if (key(organisations.get(other) ?? '') === mine) c += 30;
    }
    if (c < choiceCost) [choice, choiceCost] = [t, c];
  }
  return choice;
}

// ---- the harvest ----

export interface HarvestTable {
  table: number;
  summary: string;
  /** the table's notes by round, oldest first */
  rounds: { round: number; notes: string[] }[];
}

/** Each table's notes grouped by round (oldest first) and its host's summary, tables in order. */
export function harvest(notes: Iterable<CafeNote>, summaries: Iterable<CafeSummary>, tables = 0): HarvestTable[] {
  const byTable = new Map<number, HarvestTable>();
  const of = (table: number) => {
    let t = byTable.get(table);
    if (!t) byTable.set(table, (t = { table, summary: '', rounds: [] }));
    return t;
  };
  for (let t = 1; t <= tables; t++) of(t);
  for (const s of summaries) if (s.text) of(s.table).summary = s.text;
  for (const note of [...notes].sort((a, b) => a.round - b.round || a.createdAt - b.createdAt)) {
    if (!note.text) continue;
    const table = of(note.table);
    let round = table.rounds.find((r) => r.round === note.round);
    if (!round) table.rounds.push((round = { round: note.round, notes: [] }));
    round.notes.push(note.text);
  }
  return [...byTable.values()].sort((a, b) => a.table - b.table);
}

/** The café for the summary and its exports, from the documents as the relay left them; null when it was not run. */
export function cafeSummary(
  meeting: Record<string, Record<string, unknown> | undefined>,
  control: Record<string, Record<string, unknown> | undefined>,
): { question: string; tables: HarvestTable[] } | null {
  const settings = parseCafeSettings(control[ControlRoots.cafe]);
  const notes = Object.values(meeting[MeetingRoots.cafeNotes] ?? {})
    .map(parseCafeNote)
    .filter((n): n is CafeNote => n !== null);
  const summaries = Object.values(meeting[MeetingRoots.cafeSummaries] ?? {})
    .map(parseCafeSummary)
    .filter((s): s is CafeSummary => s !== null);
  const tables = harvest(notes, summaries).filter((t) => t.summary || t.rounds.length > 0);
  if (!settings.question && tables.length === 0) return null;
  return { question: settings.question, tables };
}
