// A participant moving their own revealed note, applied by the relay as itself: written from the
// phone the move would carry the phone's Yjs client id and give an anonymous note its author.
// Only while the facilitator allows it, only one's own note (the relay's own record says whose),
// only into a cluster that is on the board. Every request is handled once: a refused move is
// cleared too, and the phone asks again.
import { generateKeyBetween } from 'fractional-indexing';
import { ControlRoots, MeetingRoots, PrivateRoots, RelayRoots } from '../../common/schema';
import type { RelayAction, Write } from './types';
import type { Json } from '../../common/json';
import { read } from '../../common/records';

export const moveOwnNote: RelayAction = {
  name: 'moveOwnNote',
  wakesOn: [{ kind: 'private', root: PrivateRoots.moves }],
  reads: {
    control: [ControlRoots.clustering],
    meeting: [MeetingRoots.notes, MeetingRoots.clusters],
    relay: [RelayRoots.authors],
    private: { roots: [PrivateRoots.moves], scope: 'trigger' },
  },
  decide(snapshot) {
    const allowed = read.fields(snapshot.control[ControlRoots.clustering]).participantsMayMove === true;
    const notes = read.fields(snapshot.meeting[MeetingRoots.notes]);
    const clusters = read.fields(snapshot.meeting[MeetingRoots.clusters]);
    const authors = read.fields(snapshot.relay[RelayRoots.authors]);
    const lastOrder = new Map<string | null, string | null>();
    const endOf = (clusterId: string | null, except: string): string => {
      if (!lastOrder.has(clusterId)) {
        let last: string | null = null;
        for (const [id, note] of read.items(notes)) {
          if (id === except || (note.clusterId ?? null) !== clusterId || note.parked === true) continue;
          if (typeof note.order === 'string' && (last === null || note.order > last)) last = note.order;
        }
        lastOrder.set(clusterId, last);
      }
      let key: string;
      try {
        key = generateKeyBetween(lastOrder.get(clusterId) ?? null, null);
      } catch {
        key = generateKeyBetween(null, null);
      }
      lastOrder.set(clusterId, key);
      return key;
    };
    const moves: Write[] = [];
    const cleared: Write[] = [];
    for (const participantId of snapshot.trigger.participantIds) {
      const requests = read.fields(snapshot.private[participantId]?.[PrivateRoots.moves]);
      for (const [noteId, target] of Object.entries(requests) as [string, Json][]) {
        cleared.push({ doc: { kind: 'private', participantId }, root: PrivateRoots.moves, op: 'delete', key: noteId, ifValue: target });
        // whose the note is comes from the relay's own record, written once at the reveal, never from the phone
        if (!allowed || !Object.hasOwn(authors, noteId) || authors[noteId] !== participantId || !Object.hasOwn(notes, noteId)) continue;
        const clusterId = typeof target === 'string' && target !== '' ? target : null;
        // only a cluster of this meeting's board, and not one in the parking
        if (clusterId !== null && (!Object.hasOwn(clusters, clusterId) || !read.isRecord(clusters[clusterId]) || read.fields(clusters[clusterId]).parked === true)) continue;
        moves.push({
          doc: { kind: 'meeting' },
          root: MeetingRoots.notes,
          op: 'update',
          id: noteId,
          fields: { clusterId, parked: false, stackedOn: null, order: endOf(clusterId, noteId) },
        });
      }
    }
    return [...moves, ...cleared];
  },
};
