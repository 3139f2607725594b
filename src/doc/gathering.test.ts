import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ControlRoots, Limits } from '@common/schema';
import { gatheringSettings } from './gathering';
import { requestRemoveNote, reveal, setGroupCount, setMode, setShowAuthors } from './facilitator/gathering';

const settings = (control: Y.Doc) => gatheringSettings(control.getMap(ControlRoots.gathering).toJSON());

describe('gathering settings', () => {
  it('starts individual, anonymous and unrevealed', () => {
    expect(settings(new Y.Doc())).toEqual({ mode: 'individual', groupCount: 3, showAuthors: false, revealed: false });
  });

  it('the facilitator sets mode, group count, authors and reveals', () => {
    const control = new Y.Doc();
    setMode(control, 'group');
    setGroupCount(control, 4);
    setShowAuthors(control, true);
    reveal(control);
    expect(settings(control)).toEqual({ mode: 'group', groupCount: 4, showAuthors: true, revealed: true });
  });

  it('the group count stays between 1 and the limit', () => {
    const control = new Y.Doc();
    setGroupCount(control, 0);
    expect(settings(control).groupCount).toBe(1);
    setGroupCount(control, 999);
    expect(settings(control).groupCount).toBe(Limits.groupCountMax);
  });

  it('removing a note before the reveal records its author for the relay', () => {
    const control = new Y.Doc();
    requestRemoveNote(control, 'n1');
    // the control doc reaches every phone: it must not say whose note was removed
    expect(control.getMap(ControlRoots.removedNotes).toJSON()).toEqual({ n1: true });
  });
});
