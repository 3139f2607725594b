import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { applyWrites } from './docWrites';
import { applyToRoots, writesOf } from '../common/writes';
import { rootsOf } from '../common/json';

describe('applyWrites', () => {
  it('writes whole roots as nested items, null fields included, texts as Y.Text', () => {
    const doc = new Y.Doc();
    const roots = { notes: { n1: { text: 'a', clusterId: null } }, meeting: { title: 'T' }, answers: { a1: { text: 'x', order: 'a0' } } };
    applyWrites(doc, writesOf({ notes: roots.notes, meeting: roots.meeting }));
    applyWrites(doc, writesOf({ answers: roots.answers }, ['text']));
    expect(rootsOf(doc)).toEqual(roots);
    expect(doc.getMap('notes').get('n1')).toBeInstanceOf(Y.Map);
    expect((doc.getMap('answers').get('a1') as Y.Map<unknown>).get('text')).toBeInstanceOf(Y.Text);
  });

  it('changes only what differs, leaves an item it may only update alone, and deletes conditionally', () => {
    const doc = new Y.Doc();
    applyWrites(doc, [{ root: 'r', op: 'item', id: 'i', fields: { a: 1, b: 2 } }, { root: 'r', op: 'set', key: 'k', value: 'v' }]);
    let changes = 0;
    doc.on('update', () => changes++);
    applyWrites(doc, [{ root: 'r', op: 'item', id: 'i', fields: { a: 1 } }, { root: 'r', op: 'set', key: 'k', value: 'v' }]);
    expect(changes).toBe(0);
    const writes = [
      { root: 'r', op: 'update', id: 'i', fields: { b: 3 } },
      { root: 'r', op: 'update', id: 'missing', fields: { b: 3 } },
      { root: 'r', op: 'delete', key: 'k', ifValue: 'other' },
    ] as const;
    applyWrites(doc, writes);
    expect(rootsOf(doc)).toEqual({ r: { i: { a: 1, b: 3 }, k: 'v' } });
    // the plain mirror the migrations plan with agrees
    expect(applyToRoots({ r: { i: { a: 1, b: 2 }, k: 'v' } }, writes)).toEqual(rootsOf(doc));
    applyWrites(doc, [{ root: 'r', op: 'delete', key: 'k', ifValue: 'v' }]);
    expect(rootsOf(doc).r).toEqual({ i: { a: 1, b: 3 } });
  });
});
