// Before the reveal: every phone sees how many notes each person has written (a number, never
// text), and the facilitator's inbox mirrors the drafts for moderation. From the reveal on no
// count is written (hideNoteCounts): one that moved as a late note appeared would name its author.
import { ControlRoots, InboxRoots, MeetingRoots, PrivateRoots, RelayRoots } from '../../common/schema';
import { countsHidden } from './hideNoteCounts';
import { claimableDrafts, countNotes, privateNotesOf } from './drafts';
import type { RelayAction, Write } from './types';
import { read } from '../../common/records';

export const gatherDrafts: RelayAction = {
  name: 'gatherDrafts',
  wakesOn: [{ kind: 'private', root: PrivateRoots.notes }],
  reads: {
    control: [ControlRoots.noteCounts, ControlRoots.gathering],
    inbox: [InboxRoots.notes],
    // whose each note id is (claimOf): a draft with an id on the board or someone else's is not mirrored
    meeting: [MeetingRoots.notes],
    relay: [RelayRoots.authors],
    private: { roots: [PrivateRoots.notes], scope: 'trigger' },
  },
  decide(snapshot) {
    const writes: Write[] = [];
    const counts = read.fields(snapshot.control[ControlRoots.noteCounts]);
    const publishCounts = !countsHidden(snapshot);
    const inbox = read.items(snapshot.inbox[InboxRoots.notes]);
    // ids mirrored in this run: two phones bringing one new id at once, the first keeps it
    const mirrored = new Map<string, string>();
    for (const participantId of snapshot.trigger.participantIds) {
      const notes = privateNotesOf(snapshot, participantId);
      const count = countNotes(notes);
      if (publishCounts && counts[participantId] !== count) {
        writes.push({ doc: { kind: 'control' }, root: ControlRoots.noteCounts, op: 'set', key: participantId, value: count });
      }
      const drafts = new Map(claimableDrafts(snapshot, participantId).map((d) => [d.id, d]));
      for (const [id, entry] of inbox) {
        if (entry.authorId === participantId && !drafts.has(id)) {
          writes.push({ doc: { kind: 'inbox' }, root: InboxRoots.notes, op: 'delete', key: id });
        }
      }
      const inboxById = new Map(inbox);
      for (const draft of drafts.values()) {
        const entry = inboxById.get(draft.id);
        if ((mirrored.get(draft.id) ?? participantId) !== participantId) continue;
        mirrored.set(draft.id, participantId);
        const { createdAt, ...rest } = draft;
        writes.push({
          doc: { kind: 'inbox' },
          root: InboxRoots.notes,
          op: 'item',
          id: draft.id,
          fields: entry ? rest : { ...rest, authorId: participantId, createdAt },
        });
      }
    }
    return writes;
  },
};
