import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { Limits, PrivateRoots, type PrivateNote } from '@common/schema';
import {
  addPrivateNote,
  deletePrivateNote,
  editPrivateNote,
  NoteLockedError,
  NoteTextError,
  privateNotesMap,
} from './privateNotes';

const read = (doc: Y.Doc, id: string) => privateNotesMap(doc).get(id)?.toJSON() as PrivateNote | undefined;

describe('private notes', () => {
  it('adding a note stores a trimmed draft in the private doc', () => {
    const doc = new Y.Doc();
    const id = addPrivateNote(doc, { text: '  Remisser försvinner  ', color: 'pink', tag: 'Region' }, 5);
    expect(read(doc, id)).toEqual({
      id, text: 'Remisser försvinner', color: 'pink', tag: 'Region', group: 0, createdAt: 5, updatedAt: 5, state: 'draft',
    });
    expect(doc.getMap(PrivateRoots.notes).size).toBe(1);
  });

  it('an empty or whitespace note is refused with a typed error', () => {
    const doc = new Y.Doc();
    expect(() => addPrivateNote(doc, { text: '   \n ' })).toThrow(NoteTextError);
    // a refusal that stopped throwing fails here, not silently
    expect(() => addPrivateNote(doc, { text: '' })).toThrow(expect.objectContaining({ problem: 'empty' }));
    expect(privateNotesMap(doc).size).toBe(0);
  });

  it('a note longer than the limit is refused', () => {
    const doc = new Y.Doc();
    expect(() => addPrivateNote(doc, { text: 'x'.repeat(Limits.noteMax + 1) })).toThrow(/tooLong/);
    expect(() => addPrivateNote(doc, { text: 'x'.repeat(Limits.noteMax) })).not.toThrow();
  });

  it('a draft can be edited and deleted', () => {
    const doc = new Y.Doc();
    const id = addPrivateNote(doc, { text: 'först' }, 1);
    editPrivateNote(doc, id, { text: 'sedan', color: 'blue' }, 2);
    expect(read(doc, id)).toMatchObject({ text: 'sedan', color: 'blue', updatedAt: 2 });
    expect(() => editPrivateNote(doc, id, { text: ' ' })).toThrow(NoteTextError);
    deletePrivateNote(doc, id);
    expect(read(doc, id)).toBeUndefined();
  });

  it('a revealed or removed note can no longer be edited or deleted', () => {
    const doc = new Y.Doc();
    const id = addPrivateNote(doc, { text: 'låst' });
    privateNotesMap(doc).get(id)!.set('state', 'revealed');
    expect(() => editPrivateNote(doc, id, { text: 'ändrad' })).toThrow(NoteLockedError);
    expect(() => deletePrivateNote(doc, id)).toThrow(NoteLockedError);
    privateNotesMap(doc).get(id)!.set('state', 'removed');
    expect(() => deletePrivateNote(doc, id)).toThrow(NoteLockedError);
    expect(read(doc, id)?.text).toBe('låst');
  });
});
