import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { boardView } from './boardView';
import { createClusterFromNotes, moveNoteToCluster } from './facilitator/clusters';
import { revealNotes } from './notesFixture';

describe('the board read model', () => {
  it('keeps every unchanged note the same object, so memoised cards skip re-rendering', () => {
    const meeting = new Y.Doc();
    const [a, b, c, d] = revealNotes(meeting, ['A', 'B', 'C', 'D']);
    const k = createClusterFromNotes(meeting, a, b, 'K')!;
    const view = boardView(meeting);
    const before = view.get();
    const topOf = (model: typeof before, id: string) =>
      [...model.loose, ...model.clusters.flatMap((g) => g.stacks)].find((s) => s.top.id === id)!.top;
    let notified = 0;
    const off = view.subscribe(() => notified++);
    moveNoteToCluster(meeting, c, k);
    const after = view.get();
    expect(notified).toBeGreaterThan(0);
    expect(after).not.toBe(before);
    expect(topOf(after, a)).toBe(topOf(before, a));
    expect(topOf(after, d)).toBe(topOf(before, d));
    expect(topOf(after, c)).not.toBe(topOf(before, c));
    expect(view.get()).toBe(after);
    off();
  });
});
