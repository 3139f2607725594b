// The walk-through author by author: the relay groups the revealed notes per author in an order it
// shuffled once, and publishes only the groups (note ids). The shuffled order stays in the relay's
// own document, so a late note joins its author's group and the order never changes under the room.
// Only notes whose author the board already shows (revealed with "show who wrote") are grouped: a
// group of anonymous notes, matched by size to the counts every phone saw before the reveal, would
// tell whose they are. Anonymous notes stay together in one last group.
// Published only while the facilitator has chosen "author by author"; deleted when they stop.
import { MeetingRoots, PrivateRoots, RelayRoots, ControlRoots } from '../../common/schema';
import { parseWalkSections, parseWalkthrough } from '../../common/walkthrough';
import { read } from '../../common/records';
import { byOrder } from '../../common/order';
import type { Json } from '../../common/json';
import type { RelayAction, Snapshot, Write } from './types';

/** How many revealed notes carry their author on the board (the relay's record and the note agree). */
function publicAuthors(snapshot: Snapshot): number {
  const authors = read.fields(snapshot.relay[RelayRoots.authors]);
  return read.items(snapshot.meeting[MeetingRoots.notes]).filter(([id, note]) => typeof authors[id] === 'string' && note.authorId === authors[id]).length;
}

export const walkSections: RelayAction = {
  name: 'walkSections',
  wakesOn: [
    { kind: 'control', root: ControlRoots.walkthrough },
    // a late note revealed in the same drain (revealLateDrafts runs before this)
    { kind: 'private', root: PrivateRoots.notes },
    // the facilitator removed a note from the board
    { kind: 'meeting', root: MeetingRoots.notes },
  ],
  reads: {
    control: [ControlRoots.walkthrough, ControlRoots.walkSections],
    meeting: [MeetingRoots.notes],
    relay: [RelayRoots.authors, RelayRoots.walkOrder],
  },
  decide(snapshot, env) {
    const state = parseWalkthrough(snapshot.control[ControlRoots.walkthrough]);
    const published = read.fields(snapshot.control[ControlRoots.walkSections]);
    const writes: Write[] = [];
    const grouped = (state.active && state.byAuthor) ? publicAuthors(snapshot) : 0;
    if (grouped === 0) {
      // nobody asked for author groups, or no note shows its author: publish none
      if ('sections' in published) writes.push({ doc: { kind: 'control' }, root: ControlRoots.walkSections, op: 'delete', key: 'sections' });
      return writes;
    }
    const authors = read.fields(snapshot.relay[RelayRoots.authors]);
    const notes = read.items(snapshot.meeting[MeetingRoots.notes])
      .map(([id, note]) => ({ id, order: read.order(note.order) }))
      .sort(byOrder);
    const byAuthor = new Map<string, string[]>();
    const unknown: string[] = [];
    const meetingNotes = read.fields(snapshot.meeting[MeetingRoots.notes]);
    for (const note of notes) {
      const author = authors[note.id];
      // the note itself must carry the same author, written by the relay when authors were shown
      if (typeof author !== 'string' || read.fields(meetingNotes[note.id]).authorId !== author) unknown.push(note.id);
      else byAuthor.set(author, [...(byAuthor.get(author) ?? []), note.id]);
    }
    const stored = read.fields(snapshot.relay[RelayRoots.walkOrder]).authors;
    const order = Array.isArray(stored) ? stored.filter((a): a is string => typeof a === 'string') : [];
    // authors not yet in the order join it in random places after the ones the room has seen
    const fresh = [...byAuthor.keys()].filter((a) => !order.includes(a)).sort();
    for (let i = fresh.length - 1; i > 0; i--) {
      const j = env.randomInt(i + 1);
      [fresh[i], fresh[j]] = [fresh[j], fresh[i]];
    }
    if (fresh.length > 0) {
      order.push(...fresh);
      writes.push({ doc: { kind: 'relay' }, root: RelayRoots.walkOrder, op: 'set', key: 'authors', value: order });
    }
    // anonymous notes, and those the relay has no author for, come last, together
    const sections = [...order.map((a) => byAuthor.get(a) ?? []), unknown].filter((s) => s.length > 0);
    if (JSON.stringify(parseWalkSections(published)) !== JSON.stringify(sections) || JSON.stringify(published.sections) !== JSON.stringify(sections)) {
      writes.push({ doc: { kind: 'control' }, root: ControlRoots.walkSections, op: 'set', key: 'sections', value: sections as Json });
    }
    return writes;
  },
};
