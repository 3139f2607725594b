// The dialogkafé relay actions on plain snapshots: seating once per round (latecomers added, never
// reshuffled), notes only for one's own table in the round under way, a summary only from the host.
import { describe, expect, it } from 'vitest';
import { cafeSeating } from './cafeSeating';
import { cafeNotes } from './cafeNotes';
import { cafeHostSummary } from './cafeHostSummary';
import { env, P, Q, snapshot, woken } from './snapshot.testkit';
import type { Write } from './types';
import type { JsonObject } from '../../common/json';

const R = 'r'.repeat(21);
const S = 's'.repeat(21);
const participants: JsonObject = {
  [P]: { id: P, name: 'Anna', organisation: 'Region', joinedAt: 1 },
  [Q]: { id: Q, name: 'Bo', organisation: 'Kommun', joinedAt: 2 },
  [R]: { id: R, name: 'Cleo', organisation: 'Region', joinedAt: 3 },
  [S]: { id: S, name: 'Dan', organisation: 'Kommun', joinedAt: 4 },
};
const all = [P, Q, R, S];
// round 1 as the relay seated it: P hosts table 1 with Q, R hosts table 2 with S
const seated = {
  cafeSeats: { '1': { [P]: 1, [Q]: 1, [R]: 2, [S]: 2 } },
  cafeHosts: { '1': { '1': P, '2': R } },
};
const cafe = (fields: JsonObject = {}) => ({ cafe: { tables: 2, rounds: 3, round: 1, present: all, seed: 1, ...fields } });
const onMeeting = (writes: Write[], root: string) => writes.filter((w) => w.doc.kind === 'meeting' && w.root === root);

describe('cafeSeating', () => {
  it('seats the round once from who was here, hosts one per table, only registered participants', () => {
    const writes = cafeSeating.decide(
      snapshot({ control: { ...cafe({ present: [...all, 'x'.repeat(21)] }), participants }, participantIds: all }),
      env,
    );
    expect(writes.map((w) => [w.root, (w as { id: string }).id])).toEqual([
      ['cafeSeats', '1'],
      ['cafeHosts', '1'],
    ]);
    const seats = (writes[0] as { fields: Record<string, number> }).fields;
    expect(Object.keys(seats).sort()).toEqual([...all].sort());
    expect(Object.values(seats).sort()).toEqual([1, 1, 2, 2]);
    expect(Object.keys((writes[1] as { fields: JsonObject }).fields)).toEqual(['1', '2']);
  });

  it('a seated round is never reshuffled; a latecomer who asks gets one seat', () => {
    const T = 't'.repeat(21);
    const control = { ...cafe(), ...seated, participants: { ...participants, [T]: { id: T, name: 'Eva', organisation: 'Sjukhus', joinedAt: 9 } } };
    expect(cafeSeating.decide(snapshot({ control, participantIds: [...all, T] }), env)).toEqual([]);
    const writes = cafeSeating.decide(snapshot({ control, participantIds: [...all, T], trigger: { participantIds: [T, P] } }), env);
    expect(writes).toHaveLength(1);
    expect(writes[0]).toMatchObject({ doc: { kind: 'control' }, root: 'cafeSeats', op: 'item', id: '1' });
    expect(Object.keys((writes[0] as { fields: JsonObject }).fields)).toEqual([T]);
  });

  it('round 2: hosts stay, the guests change tables', () => {
    const writes = cafeSeating.decide(snapshot({ control: { ...cafe({ round: 2 }), ...seated, participants }, participantIds: all }), env);
    const seats = (writes.find((w) => w.root === 'cafeSeats') as { fields: Record<string, number> }).fields;
    expect(seats).toEqual({ [P]: 1, [R]: 2, [Q]: 2, [S]: 1 });
    expect((writes.find((w) => w.root === 'cafeHosts') as { fields: JsonObject }).fields).toEqual({ '1': P, '2': R });
  });

  it('nothing before the first round or during the harvest', () => {
    expect(cafeSeating.decide(snapshot({ control: { ...cafe({ round: 0 }), participants }, participantIds: all }), env)).toEqual([]);
    expect(cafeSeating.decide(snapshot({ control: { ...cafe({ harvest: true }), participants }, participantIds: all }), env)).toEqual([]);
  });
});

describe('cafeNotes', () => {
  const control = { ...cafe(), ...seated };

  it('puts a note on its writer’s table for the round, with an opaque id, through the text parser', () => {
    const s = woken({ control, participantIds: all, private: { [Q]: { cafeNotes: { n1: { table: 1, round: 1, text: ` Ring\u0000 oss ${'x'.repeat(400)}`, createdAt: 5 } } } } });
    const writes = cafeNotes.decide(s, env);
    const notes = onMeeting(writes, 'cafeNotes') as unknown as { id: string; fields: { table: number; round: number; text: string } }[];
    expect(notes).toHaveLength(1);
    expect(notes[0].fields).toMatchObject({ table: 1, round: 1 });
    expect([...notes[0].fields.text].length).toBe(280);
    expect(notes[0].fields.text).not.toContain('\u0000');
    expect(JSON.stringify(onMeeting(writes, 'cafeNotes'))).not.toContain(Q);
    expect(writes.find((w) => w.doc.kind === 'relay')).toMatchObject({ root: 'cafeNoteIds', key: `${Q}:n1` });
  });

  it('refuses another table, another round, a note taken already, and anyone without a seat', () => {
    const refuse = (priv: JsonObject, relay: Record<string, JsonObject> = {}) =>
      expect(cafeNotes.decide(woken({ control, participantIds: [...all, 'u'.repeat(21)], relay, private: { [Q]: { cafeNotes: priv } } }), env)).toEqual([]);
    refuse({ n1: { table: 2, round: 1, text: 'till bord 2', createdAt: 1 } });
    refuse({ n1: { table: 1, round: 2, text: 'nästa omgång', createdAt: 1 } });
    refuse({ n1: { table: 1, round: 1, text: 'igen', createdAt: 1 } }, { cafeNoteIds: { [`${Q}:n1`]: { id: 'abc', round: 1 } } });
    refuse({ '../x': { table: 1, round: 1, text: 'konstigt id', createdAt: 1 } });
    const U = 'u'.repeat(21);
    expect(cafeNotes.decide(woken({ control, participantIds: [...all, U], private: { [U]: { cafeNotes: { n1: { table: 1, round: 1, text: 'utan plats', createdAt: 1 } } } } }), env)).toEqual([]);
    expect(cafeNotes.decide(woken({ control: { ...control, cafe: { ...control.cafe, harvest: true } }, participantIds: all, private: { [Q]: { cafeNotes: { n1: { table: 1, round: 1, text: 'sent', createdAt: 1 } } } } }), env)).toEqual([]);
  });

  it('at most 20 notes per person and round', () => {
    const many = Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`n${i}`, { table: 1, round: 1, text: `lapp ${i}`, createdAt: i }]));
    expect(onMeeting(cafeNotes.decide(woken({ control, participantIds: all, private: { [Q]: { cafeNotes: many } } }), env), 'cafeNotes')).toHaveLength(20);
  });
});

describe('cafeHostSummary', () => {
  const control = { ...cafe(), ...seated };

  it('the host’s summary goes under their table, without a name', () => {
    const writes = cafeHostSummary.decide(woken({ control, participantIds: all, private: { [P]: { cafeSummary: { table: 1, text: 'Vi vill ha en kontaktväg', updatedAt: 5 } } } }), env);
    expect(writes).toEqual([{ doc: { kind: 'meeting' }, root: 'cafeSummaries', op: 'item', id: '1', fields: { table: 1, text: 'Vi vill ha en kontaktväg', updatedAt: 5 } }]);
  });

  it('a guest, or the host of another table, claiming to host is refused', () => {
    expect(cafeHostSummary.decide(woken({ control, participantIds: all, private: { [Q]: { cafeSummary: { table: 1, text: 'kapat', updatedAt: 5 } } } }), env)).toEqual([]);
    expect(cafeHostSummary.decide(woken({ control, participantIds: all, private: { [R]: { cafeSummary: { table: 1, text: 'kapat', updatedAt: 5 } } } }), env)).toEqual([]);
  });

  it('the newest counts; a future clock cannot lock the summary', () => {
    const meeting = { cafeSummaries: { '1': { table: 1, text: 'först', updatedAt: 10 } } };
    expect(cafeHostSummary.decide(woken({ control, meeting, participantIds: all, private: { [P]: { cafeSummary: { table: 1, text: 'äldre', updatedAt: 9 } } } }), env)).toEqual([]);
    const writes = cafeHostSummary.decide(woken({ control, meeting, participantIds: all, private: { [P]: { cafeSummary: { table: 1, text: 'framtid', updatedAt: env.now * 100 } } } }), env);
    expect(writes[0]).toMatchObject({ fields: { text: 'framtid', updatedAt: env.now } });
  });
});
