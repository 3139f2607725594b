import { describe, expect, it } from 'vitest';
import { moveOwnNote } from './moveOwnNote';
import { env, id, P, Q, woken as snapshot } from './snapshot.testkit';

const board = () =>
  snapshot({
    control: { clustering: { participantsMayMove: true } },
    meeting: {
      notes: {
        [id(1)]: { id: id(1), clusterId: null, order: 'a0', parked: false },
        [id(2)]: { id: id(2), clusterId: 'c1', order: 'a5', parked: false },
      },
      clusters: { c1: { id: 'c1', name: 'Vårdövergångar', parked: false }, c2: { id: 'c2', name: 'Parkerat', parked: true } },
    },
    relay: { authors: { [id(1)]: P, [id(2)]: Q } },
    private: { [P]: { moves: { [id(1)]: 'c1' } } },
  });

describe('moveOwnNote', () => {
  it('moves one’s own note to the end of a cluster as the relay, and clears the request', () => {
    const writes = moveOwnNote.decide(board(), env);
    expect(writes[0]).toMatchObject({ doc: { kind: 'meeting' }, op: 'update', id: id(1), fields: { clusterId: 'c1', parked: false, stackedOn: null } });
    expect((writes[0] as unknown as { fields: { order: string } }).fields.order > 'a5').toBe(true);
    expect(writes[1]).toEqual({ doc: { kind: 'private', participantId: P }, root: 'moves', op: 'delete', key: id(1), ifValue: 'c1' });
  });

  it('refuses someone else’s note, a note when moves are not allowed, and a parked or missing cluster; clears each request', () => {
    for (const change of [
      (s: ReturnType<typeof board>) => (s.private[P].moves = { [id(2)]: '' }),
      (s: ReturnType<typeof board>) => (s.control.clustering = { participantsMayMove: false }),
      (s: ReturnType<typeof board>) => (s.private[P].moves = { [id(1)]: 'c2' }),
      (s: ReturnType<typeof board>) => (s.private[P].moves = { [id(1)]: 'nope' }),
      // names that are no cluster of this board: an inherited property, a plain value in the map
      (s: ReturnType<typeof board>) => (s.private[P].moves = { [id(1)]: 'constructor' }),
      (s: ReturnType<typeof board>) => ((s.meeting.clusters.c3 = 'x'), (s.private[P].moves = { [id(1)]: 'c3' })),
      // a note whose record is gone or was never written is nobody's
      (s: ReturnType<typeof board>) => (s.relay.authors = {}),
    ]) {
      const s = board();
      change(s);
      const writes = moveOwnNote.decide(s, env);
      expect(writes.every((w) => w.doc.kind === 'private' && w.op === 'delete')).toBe(true);
      expect(writes).toHaveLength(1);
    }
  });

  it('a note the phone claims as its own in its private doc is still not its own', () => {
    const s = board();
    s.private[P] = { moves: { [id(2)]: '' }, notes: { [id(2)]: { id: id(2), state: 'revealed' } } };
    expect(moveOwnNote.decide(s, env).filter((w) => w.doc.kind === 'meeting')).toEqual([]);
  });
});
