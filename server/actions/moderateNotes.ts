// The facilitator's moderation before the reveal: a note id put in control.removedNotes is
// marked removed (and emptied) in its author's private doc and leaves the inbox. The request
// names the note only: the control doc is read by every phone, the author comes from the inbox.
import { ControlRoots, InboxRoots, PrivateRoots } from '../../common/schema';
import { countNotes, privateNotesOf, stateOf } from './drafts';
import { countsHidden } from './hideNoteCounts';
import type { RelayAction, Snapshot, Write } from './types';
import { read } from '../../common/records';

function authorOf(snapshot: Snapshot, noteId: string): string | null {
  const fromInbox = read.fields(read.fields(snapshot.inbox[InboxRoots.notes])[noteId]).authorId;
  if (typeof fromInbox === 'string') return fromInbox;
  // a fallback for a draft not mirrored yet, from an older console that named the author
  const named = read.fields(snapshot.control[ControlRoots.removedNotes])[noteId];
  return typeof named === 'string' ? named : null;
}

const authorsOfRemoved = (snapshot: Snapshot) => [
  ...new Set(Object.keys(read.fields(snapshot.control[ControlRoots.removedNotes])).map((id) => authorOf(snapshot, id)).filter((a): a is string => a !== null)),
];

export const moderateNotes: RelayAction = {
  name: 'moderateNotes',
  wakesOn: [{ kind: 'control', root: ControlRoots.removedNotes }],
  reads: {
    control: [ControlRoots.removedNotes, ControlRoots.gathering],
    inbox: [InboxRoots.notes],
    private: { roots: [PrivateRoots.notes], scope: authorsOfRemoved },
  },
  when: (snapshot) => Object.keys(read.fields(snapshot.control[ControlRoots.removedNotes])).length > 0,
  decide(snapshot) {
    const requests = read.fields(snapshot.control[ControlRoots.removedNotes]);
    const writes: Write[] = [];
    const removedBy = new Map<string, Set<string>>();
    for (const noteId of Object.keys(requests)) {
      const authorId = authorOf(snapshot, noteId);
      if (!authorId || !snapshot.private[authorId]) continue;
      const note = read.fields(privateNotesOf(snapshot, authorId)[noteId]);
      if (note.id === undefined && Object.keys(note).length === 0) continue;
      if (stateOf(note) !== 'draft') continue;
      const set = removedBy.get(authorId) ?? new Set();
      set.add(noteId);
      removedBy.set(authorId, set);
    }
    for (const [authorId, ids] of removedBy) {
      for (const id of ids) {
        writes.push({ doc: { kind: 'private', participantId: authorId }, root: PrivateRoots.notes, op: 'update', id, fields: { state: 'removed', text: '' } });
      }
    }
    for (const [id, entry] of read.items(snapshot.inbox[InboxRoots.notes])) {
      const authorId = typeof entry.authorId === 'string' ? entry.authorId : '';
      if (removedBy.get(authorId)?.has(id)) writes.push({ doc: { kind: 'inbox' }, root: InboxRoots.notes, op: 'delete', key: id });
    }
    for (const [authorId, ids] of countsHidden(snapshot) ? [] : removedBy) {
      const notes = privateNotesOf(snapshot, authorId);
      const count = countNotes(notes) - [...ids].filter((id) => notes[id] !== undefined).length;
      writes.push({ doc: { kind: 'control' }, root: ControlRoots.noteCounts, op: 'set', key: authorId, value: count });
    }
    // every request is handled, whether or not it still matched a draft
    for (const [id, value] of Object.entries(requests)) {
      writes.push({ doc: { kind: 'control' }, root: ControlRoots.removedNotes, op: 'delete', key: id, ifValue: value });
    }
    return writes;
  },
};
