// Server-side note gathering: counts and the facilitator's inbox before the reveal, removal,
// and the reveal itself. Private docs never leak anything but counts until notes are revealed.
// Every write carries SERVER_ORIGIN and goes through the rooms' store-then-broadcast path.
import { randomInt } from 'node:crypto';
import * as Y from 'yjs';
import { generateNKeysBetween } from 'fractional-indexing';
import {
  controlDocName,
  inboxDocName,
  isId,
  meetingDocName,
  privateDocName,
  type DocName,
} from '../../common/docNames';
import { ControlRoots, InboxRoots, Limits, MeetingRoots, PrivateRoots, type InboxNote } from '../../common/schema';
import { parsePrivateNote, TextRules } from '../../common/records';
import { cleanText } from '../../common/text';
import { SERVER_ORIGIN, type Room, type Rooms } from '../relay/rooms';
import type { MeetingRegistry } from '../meetings';
import type { Logger } from '../log';

type ItemMap = Y.Map<unknown>;

/** A draft as the relay reads it from a private doc: the inbox's shape without the author. */
type DraftNote = Omit<InboxNote, 'authorId'>;

const time = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : Date.now());
const stateOf = (note: ItemMap) => (note.get('state') as string | undefined) ?? 'draft';

/** A draft through the shared parser, so the inbox shows exactly what the phone shows. */
function readDraft(id: string, note: ItemMap): DraftNote {
  const { text, color, tag, group } = parsePrivateNote(note.toJSON(), id)!;
  return { id, text, color, tag, group, createdAt: time(note.get('createdAt')) };
}

/**
 * The drafts the relay mirrors and reveals: at most Limits.draftsPerParticipant notes per
 * participant counting those already revealed, the earliest first (by createdAt, then id, so
 * the inbox and the reveal pick the same ones). A phone that writes more keeps the rest to itself.
 */
function eligibleDrafts(notes: Y.Map<ItemMap>): DraftNote[] {
  let revealed = 0;
  const drafts: DraftNote[] = [];
  for (const [id, note] of notes) {
    if (!(note instanceof Y.Map)) continue;
    const state = stateOf(note);
    if (state === 'revealed') revealed++;
    else if (state === 'draft' && isId(id)) drafts.push(readDraft(id, note));
  }
  const room = Math.max(0, Limits.draftsPerParticipant - revealed);
  if (drafts.length <= room) return drafts;
  drafts.sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return drafts.slice(0, room);
}

function privateNotes(doc: Y.Doc): Y.Map<ItemMap> {
  return doc.getMap<ItemMap>(PrivateRoots.notes);
}

/** Writes a field only when it differs, so unchanged notes produce no update. */
function setField(map: ItemMap, key: string, value: unknown): void {
  if (map.get(key) !== value) map.set(key, value);
}

function shuffle<T>(items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [items[i], items[j]] = [items[j], items[i]];
  }
  return items;
}

async function mapBounded<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

interface MeetingWork {
  chain: Promise<void>;
  /** participants whose private doc changed: note ids a client changed, or 'all' */
  dirty: Map<string, Set<string> | 'all'>;
  scheduled: boolean;
}

export class Gathering {
  private readonly work = new Map<string, MeetingWork>();

  constructor(
    private readonly rooms: Rooms,
    private readonly registry: MeetingRegistry,
    private readonly concurrency: number,
    private readonly log: Logger,
  ) {}

  /** Attaches observers to docs as they load. */
  onLoad(room: Room): void {
    const name = room.docName;
    if (name.kind === 'private') this.observePrivate(room, name.meetingId, name.participantId);
    if (name.kind === 'control') this.observeControl(room, name.meetingId);
  }

  /** A client opened a private doc: bring counts and the inbox up to date with what is stored. */
  touchParticipant(meetingId: string, participantId: string): void {
    this.markDirty(meetingId, participantId, 'all');
  }

  /** Resolves when no gathering work is queued (tests and shutdown). */
  async settle(): Promise<void> {
    for (;;) {
      const chains = [...this.work.values()].map((w) => w.chain);
      if (chains.length === 0) return;
      await Promise.all(chains);
      await new Promise((r) => setImmediate(r));
      if ([...this.work.values()].every((w) => !w.scheduled && w.dirty.size === 0)) {
        await Promise.all([...this.work.values()].map((w) => w.chain));
        return;
      }
    }
  }

  private observePrivate(room: Room, meetingId: string, participantId: string): void {
    privateNotes(room.doc).observeDeep((events, transaction) => {
      if (transaction.origin === SERVER_ORIGIN) return;
      const ids = new Set<string>();
      for (const event of events) {
        if (event.target === event.currentTarget) {
          for (const key of (event as Y.YMapEvent<unknown>).keysChanged) ids.add(key);
        } else if (event.path.length > 0) {
          ids.add(String(event.path[0]));
        }
      }
      this.markDirty(meetingId, participantId, ids);
    });
  }

  private observeControl(room: Room, meetingId: string): void {
    const removed = room.doc.getMap<unknown>(ControlRoots.removedNotes);
    const gathering = room.doc.getMap<unknown>(ControlRoots.gathering);
    removed.observe((event, transaction) => {
      if (transaction.origin === SERVER_ORIGIN) return;
      const added = [...event.keysChanged].filter((k) => removed.has(k));
      if (added.length > 0) this.enqueue(meetingId, () => this.processRemovals(meetingId));
    });
    gathering.observe((event, transaction) => {
      if (transaction.origin === SERVER_ORIGIN) return;
      if (event.keysChanged.has('revealed') && gathering.get('revealed') === true) {
        this.enqueue(meetingId, () => this.revealAll(meetingId));
      }
    });
    // removals queued while the relay was down
    if (removed.size > 0) this.enqueue(meetingId, () => this.processRemovals(meetingId));
    // a reveal cut short by a crash leaves drafts in the inbox: finish it
    if (gathering.get('revealed') === true) {
      this.enqueue(meetingId, async () => {
        const pending = await this.rooms.withRoom(inboxDocName(meetingId), { kind: 'inbox', meetingId }, (inbox) =>
          inbox.doc.getMap(InboxRoots.notes).size,
        );
        if (pending > 0) await this.revealAll(meetingId);
      });
    }
  }

  private workFor(meetingId: string): MeetingWork {
    let w = this.work.get(meetingId);
    if (!w) {
      w = { chain: Promise.resolve(), dirty: new Map(), scheduled: false };
      this.work.set(meetingId, w);
    }
    return w;
  }

  private enqueue(meetingId: string, task: () => Promise<void>): void {
    const w = this.workFor(meetingId);
    const run = w.chain.then(task).catch((err) => {
      this.log.error('gathering task failed', { err: String(err instanceof Error ? err.stack : err) });
    });
    w.chain = run;
    run.then(() => {
      if (w.chain === run && !w.scheduled && w.dirty.size === 0) this.work.delete(meetingId);
    });
  }

  private markDirty(meetingId: string, participantId: string, ids: Set<string> | 'all'): void {
    const w = this.workFor(meetingId);
    const existing = w.dirty.get(participantId);
    if (ids === 'all' || existing === 'all') w.dirty.set(participantId, 'all');
    else if (existing) for (const id of ids) existing.add(id);
    else w.dirty.set(participantId, ids);
    if (w.scheduled) return;
    w.scheduled = true;
    this.enqueue(meetingId, async () => {
      w.scheduled = false;
      const dirty = new Map(w.dirty);
      w.dirty.clear();
      await this.processParticipants(meetingId, dirty);
    });
  }

  /** Counts, inbox mirror, and — once revealed — immediate reveal of new drafts. */
  private async processParticipants(meetingId: string, dirty: Map<string, Set<string> | 'all'>): Promise<void> {
    const control = await this.rooms.acquire(controlDocName(meetingId), { kind: 'control', meetingId });
    const inbox = await this.rooms.acquire(inboxDocName(meetingId), { kind: 'inbox', meetingId });
    const held: Room[] = [control, inbox];
    try {
      const revealed = control.doc.getMap(ControlRoots.gathering).get('revealed') === true;
      const toReveal: string[] = [];
      const textChanges: { id: string; text: string }[] = [];
      const inboxByAuthor = new Map<string, string[]>();
      for (const [id, entry] of inbox.doc.getMap<ItemMap>(InboxRoots.notes)) {
        const author = entry instanceof Y.Map ? entry.get('authorId') : undefined;
        if (typeof author !== 'string' || !dirty.has(author)) continue;
        const list = inboxByAuthor.get(author) ?? [];
        list.push(id);
        inboxByAuthor.set(author, list);
      }
      for (const [participantId, ids] of dirty) {
        const name: DocName = { kind: 'private', meetingId, participantId };
        const room = await this.rooms.acquire(privateDocName(meetingId, participantId), name);
        held.push(room);
        const notes = privateNotes(room.doc);
        this.updateCount(control, participantId, notes);
        const hasDrafts = this.mirrorDrafts(inbox, participantId, notes, inboxByAuthor.get(participantId) ?? []);
        if (revealed && hasDrafts) toReveal.push(participantId);
        if (ids !== 'all') {
          for (const id of ids) {
            const note = notes.get(id);
            if (note instanceof Y.Map && stateOf(note) === 'revealed') {
              textChanges.push({ id, text: cleanText(note.get('text'), TextRules.note) });
            }
          }
        }
      }
      if (textChanges.length > 0) await this.copyRevealedText(meetingId, textChanges);
      if (toReveal.length > 0) await this.reveal(meetingId, toReveal, control, inbox);
      await Promise.all(held.map((r) => r.whenStored()));
    } finally {
      for (const room of held) this.rooms.release(room);
    }
  }

  private updateCount(control: Room, participantId: string, notes: Y.Map<ItemMap>): void {
    let count = 0;
    for (const note of notes.values()) {
      if (note instanceof Y.Map && stateOf(note) !== 'removed') count++;
    }
    const counts = control.doc.getMap<number>(ControlRoots.noteCounts);
    if (counts.get(participantId) !== count) {
      control.doc.transact(() => counts.set(participantId, count), SERVER_ORIGIN);
    }
  }

  /** Mirrors this participant's drafts into the inbox; returns whether any draft exists. */
  private mirrorDrafts(inbox: Room, participantId: string, notes: Y.Map<ItemMap>, mirrored: string[]): boolean {
    const inboxNotes = inbox.doc.getMap<ItemMap>(InboxRoots.notes);
    const drafts = new Map<string, DraftNote>();
    for (const draft of eligibleDrafts(notes)) drafts.set(draft.id, draft);
    inbox.doc.transact(() => {
      for (const id of mirrored) if (!drafts.has(id)) inboxNotes.delete(id);
      for (const draft of drafts.values()) {
        let entry = inboxNotes.get(draft.id);
        // a note id claimed by someone else's note: never let one participant overwrite another's
        if (entry instanceof Y.Map && entry.get('authorId') !== participantId) continue;
        if (!(entry instanceof Y.Map)) {
          entry = new Y.Map<unknown>();
          inboxNotes.set(draft.id, entry);
          entry.set('id', draft.id);
          entry.set('authorId', participantId);
          entry.set('createdAt', draft.createdAt);
        }
        setField(entry, 'text', draft.text);
        setField(entry, 'color', draft.color);
        setField(entry, 'tag', draft.tag);
        setField(entry, 'group', draft.group);
      }
    }, SERVER_ORIGIN);
    return drafts.size > 0;
  }

  private async copyRevealedText(meetingId: string, changes: { id: string; text: string }[]): Promise<void> {
    await this.rooms.withRoom(meetingDocName(meetingId), { kind: 'meeting', meetingId }, (meeting) => {
      const notes = meeting.doc.getMap<ItemMap>(MeetingRoots.notes);
      meeting.doc.transact(() => {
        for (const { id, text } of changes) {
          const note = notes.get(id);
          if (note instanceof Y.Map && text !== '' && note.get('text') !== text) note.set('text', text);
        }
      }, SERVER_ORIGIN);
    });
  }

  /** Applies the facilitator's removedNotes queue, then clears the entries it handled. */
  private async processRemovals(meetingId: string): Promise<void> {
    await this.rooms.withRoom(controlDocName(meetingId), { kind: 'control', meetingId }, async (control) => {
      const removed = control.doc.getMap<unknown>(ControlRoots.removedNotes);
      const handled = [...removed.keys()];
      if (handled.length === 0) return;
      await this.rooms.withRoom(inboxDocName(meetingId), { kind: 'inbox', meetingId }, async (inbox) => {
        const inboxNotes = inbox.doc.getMap<ItemMap>(InboxRoots.notes);
        // the author is whoever the inbox says wrote the draft: the control doc is read by every
        // phone, so the facilitator's screen need not (and should not) name them there; the value
        // is only a fallback for a draft not mirrored yet
        const byParticipant = new Map<string, string[]>();
        for (const noteId of handled) {
          const entry = inboxNotes.get(noteId);
          const fromInbox = entry instanceof Y.Map ? entry.get('authorId') : undefined;
          const participantId = typeof fromInbox === 'string' ? fromInbox : removed.get(noteId);
          if (typeof participantId !== 'string' || !(await this.registry.hasParticipant(meetingId, participantId))) continue;
          const list = byParticipant.get(participantId) ?? [];
          list.push(noteId);
          byParticipant.set(participantId, list);
        }
        for (const [participantId, noteIds] of byParticipant) {
          const name: DocName = { kind: 'private', meetingId, participantId };
          await this.rooms.withRoom(privateDocName(meetingId, participantId), name, (room) => {
            const notes = privateNotes(room.doc);
            room.doc.transact(() => {
              for (const id of noteIds) {
                const note = notes.get(id);
                if (note instanceof Y.Map && stateOf(note) === 'draft') {
                  note.set('state', 'removed');
                  note.set('text', '');
                }
              }
            }, SERVER_ORIGIN);
            inbox.doc.transact(() => {
              for (const id of noteIds) {
                const entry = inboxNotes.get(id);
                if (entry instanceof Y.Map && entry.get('authorId') === participantId) inboxNotes.delete(id);
              }
            }, SERVER_ORIGIN);
            this.updateCount(control, participantId, notes);
          });
        }
      });
      control.doc.transact(() => {
        for (const id of handled) removed.delete(id);
      }, SERVER_ORIGIN);
    });
  }

  private async revealAll(meetingId: string): Promise<void> {
    await this.rooms.withRoom(controlDocName(meetingId), { kind: 'control', meetingId }, async (control) => {
      await this.rooms.withRoom(inboxDocName(meetingId), { kind: 'inbox', meetingId }, async (inbox) => {
        const ids = new Set<string>(await this.registry.participantIds(meetingId));
        for (const id of control.doc.getMap(ControlRoots.participants).keys()) ids.add(id);
        await this.reveal(meetingId, [...ids], control, inbox);
      });
    });
  }

  /**
   * Moves every draft of these participants into the meeting doc in one shuffled transaction,
   * then marks them revealed in each private doc and clears them from the inbox.
   */
  private async reveal(meetingId: string, participantIds: string[], control: Room, inbox: Room): Promise<void> {
    const started = performance.now();
    const known = [];
    for (const id of participantIds) if (await this.registry.hasParticipant(meetingId, id)) known.push(id);
    const held: Room[] = [];
    try {
      const rooms = await mapBounded(known, this.concurrency, async (participantId) => {
        const name: DocName = { kind: 'private', meetingId, participantId };
        const room = await this.rooms.acquire(privateDocName(meetingId, participantId), name);
        held.push(room);
        return { participantId, room };
      });
      const drafts: (DraftNote & { authorId: string })[] = [];
      const seen = new Set<string>();
      for (const { participantId, room } of rooms) {
        for (const draft of eligibleDrafts(privateNotes(room.doc))) {
          if (seen.has(draft.id)) continue;
          seen.add(draft.id);
          drafts.push({ ...draft, authorId: participantId });
        }
      }
      if (drafts.length === 0) return;
      shuffle(drafts);
      const settings = control.doc.getMap<unknown>(ControlRoots.gathering);
      const showAuthors = settings.get('showAuthors') === true;
      const participants = control.doc.getMap<ItemMap>(ControlRoots.participants);
      await this.rooms.withRoom(meetingDocName(meetingId), { kind: 'meeting', meetingId }, (meeting) => {
        const notes = meeting.doc.getMap<ItemMap>(MeetingRoots.notes);
        let last: string | null = null;
        for (const note of notes.values()) {
          if (!(note instanceof Y.Map) || note.get('clusterId') != null) continue;
          const order = note.get('order');
          if (typeof order === 'string' && (last === null || order > last)) last = order;
        }
        const fresh = drafts.filter((d) => !notes.has(d.id));
        const revealedAt = Date.now();
        let keys: string[];
        try {
          keys = generateNKeysBetween(last, null, fresh.length);
        } catch {
          // a garbage order string from a client: start a fresh sequence rather than fail the reveal
          keys = generateNKeysBetween(null, null, fresh.length);
        }
        meeting.doc.transact(() => {
          fresh.forEach((draft, i) => {
            const note = new Y.Map<unknown>();
            note.set('id', draft.id);
            note.set('text', draft.text);
            note.set('color', draft.color);
            note.set('tag', draft.tag);
            note.set('group', draft.group);
            note.set('clusterId', null);
            note.set('stackedOn', null);
            note.set('parked', false);
            note.set('handOverTo', '');
            note.set('order', keys[i]);
            // anonymous notes get the reveal time: the phone's write time could be matched against live count changes
            note.set('createdAt', showAuthors ? draft.createdAt : revealedAt);
            if (showAuthors) {
              const author = participants.get(draft.authorId);
              note.set('authorId', draft.authorId);
              note.set('authorName', author instanceof Y.Map ? cleanText(author.get('name'), TextRules.name) : '');
            }
            notes.set(draft.id, note);
          });
        }, SERVER_ORIGIN);
      });
      // the meeting doc is stored before any private note says 'revealed': a crash in between re-reveals, never loses
      const roomOf = new Map(rooms.map((r) => [r.participantId, r.room]));
      const byRoom = new Map<Room, string[]>();
      for (const draft of drafts) {
        const room = roomOf.get(draft.authorId)!;
        const list = byRoom.get(room) ?? [];
        list.push(draft.id);
        byRoom.set(room, list);
      }
      for (const [room, ids] of byRoom) {
        const notes = privateNotes(room.doc);
        room.doc.transact(() => {
          for (const id of ids) notes.get(id)?.set('state', 'revealed');
        }, SERVER_ORIGIN);
      }
      const inboxNotes = inbox.doc.getMap<ItemMap>(InboxRoots.notes);
      inbox.doc.transact(() => {
        for (const draft of drafts) inboxNotes.delete(draft.id);
      }, SERVER_ORIGIN);
      this.log.debug('revealed notes', { count: drafts.length, ms: Math.round(performance.now() - started) });
    } finally {
      await Promise.all(held.map((r) => r.whenStored()));
      for (const room of held) this.rooms.release(room);
    }
  }
}
