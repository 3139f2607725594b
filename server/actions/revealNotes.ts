// The facilitator's reveal: every mirrored draft goes on the board at once, in random order.
// Woken again when the control doc loads, so a reveal cut short by a crash is finished.
import { ControlRoots, InboxRoots, MeetingRoots, PrivateRoots, RelayRoots } from '../../common/schema';
import { eligibleDrafts, privateNotesOf, revealWrites, type Draft } from './drafts';
import type { RelayAction, Snapshot } from './types';
import { read } from '../../common/records';

const authorsInInbox = (snapshot: Snapshot) => [
  ...new Set(read.items(snapshot.inbox[InboxRoots.notes]).map(([, e]) => e.authorId).filter((a): a is string => typeof a === 'string')),
];

export const revealNotes: RelayAction = {
  name: 'revealNotes',
  wakesOn: [{ kind: 'control', root: ControlRoots.gathering }],
  reads: {
    control: [ControlRoots.gathering, ControlRoots.participants],
    inbox: [InboxRoots.notes],
    meeting: [MeetingRoots.notes],
    relay: [RelayRoots.authors],
    private: { roots: [PrivateRoots.notes], scope: authorsInInbox },
  },
  when: (snapshot) =>
    read.fields(snapshot.control[ControlRoots.gathering]).revealed === true && Object.keys(read.fields(snapshot.inbox[InboxRoots.notes])).length > 0,
  decide(snapshot, env) {
    const drafts: (Draft & { authorId: string })[] = [];
    // revealWrites keeps each id to the author the inbox mirrors it for, and one draft per id
    for (const authorId of Object.keys(snapshot.private)) {
      for (const draft of eligibleDrafts(privateNotesOf(snapshot, authorId))) drafts.push({ ...draft, authorId });
    }
    return revealWrites(snapshot, drafts, env);
  },
};
