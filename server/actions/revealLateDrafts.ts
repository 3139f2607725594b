// After the reveal, a note written (or sent from a phone that was offline) appears at once, and
// an author's later edit of a revealed note's text follows it onto the board.
import { ControlRoots, MeetingRoots, PrivateRoots, RelayRoots } from '../../common/schema';
import { eligibleDrafts, privateNotesOf, revealWrites, stateOf, type Draft } from './drafts';
import { read, TextRules } from '../../common/records';
import { cleanText } from '../../common/text';
import type { RelayAction, Write } from './types';

export const revealLateDrafts: RelayAction = {
  name: 'revealLateDrafts',
  wakesOn: [{ kind: 'private', root: PrivateRoots.notes }],
  reads: {
    control: [ControlRoots.gathering, ControlRoots.participants],
    meeting: [MeetingRoots.notes],
    // not the inbox (30,000 drafts before the reveal, loaded before `when`): after the reveal the relay's record and the board say whose an id is
    relay: [RelayRoots.authors],
    private: { roots: [PrivateRoots.notes], scope: 'trigger' },
  },
  when: (snapshot) => read.fields(snapshot.control[ControlRoots.gathering]).revealed === true,
  decide(snapshot, env) {
    const meetingNotes = read.fields(snapshot.meeting[MeetingRoots.notes]);
    const authors = read.fields(snapshot.relay[RelayRoots.authors]);
    const drafts: (Draft & { authorId: string })[] = [];
    const edits: Write[] = [];
    for (const authorId of snapshot.trigger.participantIds) {
      const notes = privateNotesOf(snapshot, authorId);
      for (const draft of eligibleDrafts(notes)) drafts.push({ ...draft, authorId });
      for (const [id, note] of read.items(notes)) {
        const onBoard = read.fields(meetingNotes[id]);
        const text = cleanText(note.text, TextRules.note);
        // only one's own note, by the relay's record: a phone can write any note id into its private doc
        if (stateOf(note) !== 'revealed' || !Object.hasOwn(authors, id) || authors[id] !== authorId || onBoard.id === undefined || text.trim() === '' || onBoard.text === text) continue;
        edits.push({ doc: { kind: 'meeting' }, root: MeetingRoots.notes, op: 'update', id, fields: { text } });
      }
    }
    return [...edits, ...revealWrites(snapshot, drafts, env)];
  },
};
