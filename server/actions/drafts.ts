// What the gathering actions share: which drafts of a participant the relay mirrors and reveals,
// and the writes that reveal them. Pure: plain data in, writes out.
import { generateNKeysBetween } from 'fractional-indexing';
import { isId } from '../../common/docNames';
import { ControlRoots, InboxRoots, Limits, MeetingRoots, PrivateRoots, RelayRoots, type InboxNote } from '../../common/schema';
import { read, parsePrivateNote, TextRules } from '../../common/records';
import { cleanText } from '../../common/text';
import type { Env, Snapshot, Write } from './types';
import type { JsonObject } from '../../common/json';

/** A draft as the relay reads it from a private doc: the inbox's shape without the author. */
export type Draft = Omit<InboxNote, 'authorId'>;

export const stateOf = (note: JsonObject) => (typeof note.state === 'string' ? note.state : 'draft');

/** A draft through the shared parser (common/records.ts): the inbox and board show what the phone shows. */
function readDraft(id: string, note: JsonObject): Draft {
  const { text, color, tag, group, createdAt } = parsePrivateNote(note, id)!;
  return { id, text, color, tag, group, createdAt };
}

/**
 * The drafts the relay mirrors and reveals: at most Limits.draftsPerParticipant notes per
 * participant counting those already revealed, the earliest first (by createdAt, then id, so
 * the inbox and the reveal pick the same ones). A phone that writes more keeps the rest to itself.
 */
export function eligibleDrafts(notes: JsonObject | undefined): Draft[] {
  let revealed = 0;
  const drafts: Draft[] = [];
  for (const [id, note] of read.items(notes)) {
    const state = stateOf(note);
    if (state === 'revealed') revealed++;
    else if (state === 'draft' && isId(id) && cleanText(note.text, TextRules.note) !== '') drafts.push(readDraft(id, note));
  }
  const room = Math.max(0, Limits.draftsPerParticipant - revealed);
  drafts.sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return drafts.slice(0, room);
}

/** Notes a participant has written and not had removed: the count every phone may see. */
export function countNotes(notes: JsonObject | undefined): number {
  return read.items(notes).filter(([, note]) => stateOf(note) !== 'removed').length;
}

/** The private notes root of a participant in the snapshot. */
export const privateNotesOf = (snapshot: Snapshot, participantId: string) => read.fields(snapshot.private[participantId]?.[PrivateRoots.notes]);

/** A note id that belongs to nobody a phone can be: on the board without an author the relay knows of (e.g. imported). */
export const NOBODY = '';

/**
 * Whose a note id is, as the relay knows it, never as a phone says: the author the relay recorded
 * when the note first reached the board; before that, the author whose draft the inbox mirrors;
 * nobody's when the note is on the board without either; null while no one has it. A phone's
 * draft with an id that is someone else's (read off the board, say) is never mirrored or revealed.
 * Reads the relay's authors, the inbox and the meeting's notes, as far as the snapshot holds them.
 */
export function claimOf(snapshot: Snapshot, id: string): string | null {
  const authors = read.fields(snapshot.relay[RelayRoots.authors]);
  if (Object.hasOwn(authors, id)) return typeof authors[id] === 'string' ? authors[id] : NOBODY;
  const inbox = read.fields(snapshot.inbox[InboxRoots.notes]);
  if (Object.hasOwn(inbox, id)) {
    const authorId = read.fields(inbox[id]).authorId;
    return typeof authorId === 'string' ? authorId : NOBODY;
  }
  return Object.hasOwn(read.fields(snapshot.meeting[MeetingRoots.notes]), id) ? NOBODY : null;
}

/** The drafts of a participant whose ids are free or already theirs. */
export function claimableDrafts(snapshot: Snapshot, participantId: string): Draft[] {
  return eligibleDrafts(privateNotesOf(snapshot, participantId)).filter((d) => {
    const owner = claimOf(snapshot, d.id);
    return owner === null || owner === participantId;
  });
}

/**
 * Reveals these drafts: who wrote each goes into the relay's own doc first (once: a record is never
 * changed), then new notes in the meeting doc (shuffled, anonymous unless authors are shown, after
 * the last loose note), then each marked revealed in its author's private doc, then gone from the
 * inbox. A draft whose id is someone else's (claimOf) is left out entirely, and of two drafts with
 * one id the first wins. The record is stored before the note can be seen on the board, and the
 * meeting doc before any private note says 'revealed': a crash in between reveals again, to the
 * same author, and never loses a note.
 */
export function revealWrites(snapshot: Snapshot, candidates: (Draft & { authorId: string })[], env: Env): Write[] {
  const authors = read.fields(snapshot.relay[RelayRoots.authors]);
  const taken = new Set<string>();
  const drafts = candidates.filter((d) => {
    const owner = claimOf(snapshot, d.id);
    if ((owner !== null && owner !== d.authorId) || taken.has(d.id)) return false;
    taken.add(d.id);
    return true;
  });
  if (drafts.length === 0) return [];
  const meetingNotes = read.fields(snapshot.meeting[MeetingRoots.notes]);
  const showAuthors = read.fields(snapshot.control[ControlRoots.gathering]).showAuthors === true;
  const participants = read.fields(snapshot.control[ControlRoots.participants]);
  const shuffled = [...drafts];
  for (let i = shuffled.length - 1; i > 0; i--) {
    const j = env.randomInt(i + 1);
    [shuffled[i], shuffled[j]] = [shuffled[j], shuffled[i]];
  }
  let last: string | null = null;
  for (const [, note] of read.items(meetingNotes)) {
    if (note.clusterId != null) continue;
    const order = note.order;
    if (typeof order === 'string' && (last === null || order > last)) last = order;
  }
  const fresh = shuffled.filter((d) => !Object.hasOwn(meetingNotes, d.id));
  let keys: string[];
  try {
    keys = generateNKeysBetween(last, null, fresh.length);
  } catch {
    // a garbage order string: start a fresh sequence rather than fail the reveal
    keys = generateNKeysBetween(null, null, fresh.length);
  }
  // the relay remembers who wrote what, where no device can read it: written once, before anyone sees the note
  const writes: Write[] = drafts
    .filter((draft) => !Object.hasOwn(authors, draft.id))
    .map((draft): Write => ({ doc: { kind: 'relay' }, root: RelayRoots.authors, op: 'set', key: draft.id, value: draft.authorId }));
  fresh.forEach((draft, i) => {
    const fields: JsonObject = {
      id: draft.id,
      text: draft.text,
      color: draft.color,
      tag: draft.tag,
      group: draft.group,
      clusterId: null,
      stackedOn: null,
      parked: false,
      handOverTo: '',
      order: keys[i],
      // anonymous notes get the reveal time: the phone's write time could be matched against live count changes
      createdAt: showAuthors ? draft.createdAt : env.now,
    };
    if (showAuthors) {
      fields.authorId = draft.authorId;
      fields.authorName = cleanText(read.fields(participants[draft.authorId]).name, TextRules.name);
    }
    writes.push({ doc: { kind: 'meeting' }, root: MeetingRoots.notes, op: 'item', id: draft.id, fields });
  });
  for (const draft of drafts) {
    writes.push({ doc: { kind: 'private', participantId: draft.authorId }, root: PrivateRoots.notes, op: 'update', id: draft.id, fields: { state: 'revealed' } });
  }
  for (const draft of drafts) writes.push({ doc: { kind: 'inbox' }, root: InboxRoots.notes, op: 'delete', key: draft.id });
  return writes;
}
