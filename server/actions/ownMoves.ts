// Participants moving their own notes into clusters, done by the relay on their behalf.
// A phone writing the move into the meeting doc itself would sign it with its Yjs client id,
// which its check-in answer and presence already tie to its name: anonymous notes would stop
// being anonymous. It would also let a hand-made client move anyone's note. So the phone puts a
// request in its private doc; the relay checks the facilitator's setting and that the note is the
// participant's own, applies it with its own origin, and clears the request.
import * as Y from 'yjs';
import { generateKeyBetween } from 'fractional-indexing';
import { controlDocName, meetingDocName } from '../../common/docNames';
import { ControlRoots, MeetingRoots, PrivateRoots } from '../../common/schema';
import { SERVER_ORIGIN, type Room, type Rooms } from '../relay/rooms';
import type { Logger } from '../log';

type ItemMap = Y.Map<unknown>;

export class OwnNoteMoves {
  /** one chain per private doc, so requests apply in the order they came */
  private readonly chains = new Map<string, Promise<void>>();

  constructor(
    private readonly rooms: Rooms,
    private readonly log: Logger,
  ) {}

  onLoad(room: Room): void {
    const name = room.docName;
    if (name.kind !== 'private') return;
    const { meetingId } = name;
    const requests = room.doc.getMap<unknown>(PrivateRoots.moves);
    const schedule = () => this.enqueue(room.name, () => this.apply(room, meetingId));
    requests.observe((_event, transaction) => {
      if (transaction.origin !== SERVER_ORIGIN) schedule();
    });
    // requests stored while the relay was not holding this doc
    if (requests.size > 0) schedule();
  }

  /** Resolves when no request is being applied (tests and shutdown). */
  async settle(): Promise<void> {
    while (this.chains.size > 0) await Promise.all([...this.chains.values()]);
  }

  private enqueue(key: string, task: () => Promise<void>): void {
    const previous = this.chains.get(key) ?? Promise.resolve();
    const next = previous
      .then(task)
      .catch((err) => this.log.error('own-note move failed', { err: String(err) }))
      .finally(() => {
        if (this.chains.get(key) === next) this.chains.delete(key);
      });
    this.chains.set(key, next);
  }

  private async apply(privateRoom: Room, meetingId: string): Promise<void> {
    const requests = privateRoom.doc.getMap<unknown>(PrivateRoots.moves);
    if (requests.size === 0) return;
    const pending = [...requests.entries()];
    const allowed = await this.rooms.withRoom(controlDocName(meetingId), { kind: 'control', meetingId }, (control) =>
      control.doc.getMap<unknown>(ControlRoots.clustering).get('participantsMayMove') === true,
    );
    if (allowed) {
      const own = privateRoom.doc.getMap<ItemMap>(PrivateRoots.notes);
      await this.rooms.withRoom(meetingDocName(meetingId), { kind: 'meeting', meetingId }, (meeting) => {
        const notes = meeting.doc.getMap<ItemMap>(MeetingRoots.notes);
        const clusters = meeting.doc.getMap<ItemMap>(MeetingRoots.clusters);
        meeting.doc.transact(() => {
          for (const [noteId, target] of pending) {
            const mine = own.get(noteId);
            const note = notes.get(noteId);
            if (!(mine instanceof Y.Map) || mine.get('state') !== 'revealed' || !(note instanceof Y.Map)) continue;
            const clusterId = typeof target === 'string' && target !== '' ? target : null;
            const cluster = clusterId ? clusters.get(clusterId) : null;
            if (clusterId && (!(cluster instanceof Y.Map) || cluster.get('parked') === true)) continue;
            note.set('clusterId', clusterId);
            note.set('parked', false);
            note.set('stackedOn', null);
            note.set('order', orderAtEndOf(notes, clusterId, noteId));
          }
        }, SERVER_ORIGIN);
      });
    } else {
      this.log.debug('own-note move refused: not allowed now', { meeting: meetingId.slice(0, 6) });
    }
    // handled either way: a refused move is not kept for later, the phone asks again
    privateRoom.doc.transact(() => {
      for (const [noteId, target] of pending) if (requests.get(noteId) === target) requests.delete(noteId);
    }, SERVER_ORIGIN);
  }
}

function orderAtEndOf(notes: Y.Map<ItemMap>, clusterId: string | null, except: string): string {
  let last: string | null = null;
  for (const [id, note] of notes) {
    if (id === except || !(note instanceof Y.Map)) continue;
    if ((note.get('clusterId') ?? null) !== clusterId || note.get('parked') === true) continue;
    const order = note.get('order');
    if (typeof order === 'string' && (last === null || order > last)) last = order;
  }
  return generateKeyBetween(last, null);
}
