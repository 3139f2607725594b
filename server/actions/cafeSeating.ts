// Dialogkafé: who sits at which table, decided by the relay. When the facilitator starts a round
// (control.cafe.round, with who was connected), the round is seated once with common/cafe.ts's
// seatRound: hosts stay, everyone else moves, organisations mixed, repeated tablemates few. A
// participant whose phone asks for a seat while the round is under way and has none gets one
// (seatLatecomer). A seated round is never reshuffled: the tables people walked to stay theirs.
import { ControlRoots, PrivateRoots } from '../../common/schema';
import { parseParticipant } from '../../common/records';
import {
  parseCafeSettings,
  parseSeatings,
  seatLatecomer,
  seatRound,
  type CafePerson,
  type Seating,
} from '../../common/cafe';
import type { RelayAction, Write } from './types';

const seatWrite = (round: number, id: string, table: number): Write => ({
  doc: { kind: 'control' },
  root: ControlRoots.cafeSeats,
  op: 'item',
  id: String(round),
  fields: { [id]: table },
});

export const cafeSeating: RelayAction = {
  name: 'cafeSeating',
  wakesOn: [
    { kind: 'control', root: ControlRoots.cafe },
    // a latecomer's phone asks for a seat (it names nothing but itself, by the doc it writes)
    { kind: 'private', root: PrivateRoots.cafeSeat },
  ],
  reads: {
    control: [ControlRoots.cafe, ControlRoots.cafeSeats, ControlRoots.cafeHosts, ControlRoots.participants],
  },
  decide(snapshot) {
    const settings = parseCafeSettings(snapshot.control[ControlRoots.cafe]);
    const round = settings.round;
    if (round < 1 || settings.harvest) return [];
    // only people the registry knows for this meeting and the control doc lists: an id is a claim
    const registered = new Set(snapshot.participantIds);
    const people = new Map<string, CafePerson>();
    for (const [key, raw] of Object.entries(snapshot.control[ControlRoots.participants] ?? {})) {
      const p = parseParticipant(raw, key);
      if (p && registered.has(p.id)) people.set(p.id, { id: p.id, organisation: p.organisation });
    }
    const seatings = parseSeatings(snapshot.control[ControlRoots.cafeSeats], snapshot.control[ControlRoots.cafeHosts]);
    const earlier: Seating[] = [];
    for (let r = 1; r < round; r++) earlier.push(seatings.get(r) ?? { seats: new Map(), hosts: new Map() });
    const current = seatings.get(round);
    const writes: Write[] = [];

    if (!current || current.seats.size === 0) {
      const here = settings.present.map((id) => people.get(id)).filter((p): p is CafePerson => p !== undefined);
      const seating = seatRound(here, settings.tables, earlier, settings.seed * 31 + round);
      if (seating.seats.size === 0) return [];
      const seats = Object.fromEntries(seating.seats);
      const hosts = Object.fromEntries([...seating.hosts].map(([table, id]) => [String(table), id]));
      writes.push({ doc: { kind: 'control' }, root: ControlRoots.cafeSeats, op: 'item', id: String(round), fields: seats });
      writes.push({ doc: { kind: 'control' }, root: ControlRoots.cafeHosts, op: 'item', id: String(round), fields: hosts });
      return writes;
    }

    // latecomers: a phone that asked during the round and has no seat in it
    const organisations = new Map([...people.values()].map((p) => [p.id, p.organisation]));
    const seating: Seating = { seats: new Map(current.seats), hosts: current.hosts };
    for (const id of snapshot.trigger.participantIds) {
      const person = people.get(id);
      if (!person || seating.seats.has(id)) continue;
      const table = seatLatecomer(person, seating, earlier, organisations);
      seating.seats.set(id, table);
      writes.push(seatWrite(round, id, table));
    }
    return writes;
  },
};
