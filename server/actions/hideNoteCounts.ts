// From the reveal on, nobody's note count is published: the notes are on the board, and a count
// that stayed (or moved as a late note appeared) would tie anonymous notes to a name. The board
// and console say how many notes there are from the board itself; before the reveal every phone
// sees each person's count (gatherDrafts), which names nobody's text.
import { ControlRoots } from '../../common/schema';
import { read } from '../../common/records';
import type { RelayAction, Snapshot, Write } from './types';

export const countsHidden = (snapshot: Snapshot) => read.fields(snapshot.control[ControlRoots.gathering]).revealed === true;

export const hideNoteCounts: RelayAction = {
  name: 'hideNoteCounts',
  // the reveal (and the control doc's first load: a meeting revealed before this rule existed)
  wakesOn: [{ kind: 'control', root: ControlRoots.gathering }],
  reads: { control: [ControlRoots.gathering, ControlRoots.noteCounts] },
  decide(snapshot) {
    if (!countsHidden(snapshot)) return [];
    return Object.keys(read.fields(snapshot.control[ControlRoots.noteCounts])).map((key): Write => ({ doc: { kind: 'control' }, root: ControlRoots.noteCounts, op: 'delete', key }));
  },
};
