import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { checkUpdate } from './validateUpdate';
import { badUpdates, mapItem } from '../../tests/relay/badUpdates';

describe('validateUpdate', () => {
  it('accepts what honest Yjs clients send: edits, whole states, diffs, deletes, text, nested types', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    const updates: Uint8Array[] = [];
    a.on('update', (u: Uint8Array) => updates.push(u));
    const note = new Y.Map<unknown>();
    a.getMap('notes').set('n1', note);
    note.set('text', 'hej 👋');
    note.set('votes', [1, 2, { x: null }]);
    note.set('bin', new Uint8Array([1, 2]));
    a.getText('t').insert(0, 'abcdef');
    a.getText('t').delete(1, 3);
    a.getArray('arr').push(['a', 'b']);
    a.getMap('notes').delete('n1');
    b.getMap('other').set('k', 1);
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    const sv = Y.encodeStateVector(b);
    a.getText('t').insert(2, 'xyz');
    for (const u of [...updates, Y.encodeStateAsUpdate(a), Y.encodeStateAsUpdate(b), Y.encodeStateAsUpdate(a, sv), Y.mergeUpdates(updates)]) {
      expect(checkUpdate(u)).toEqual({ ok: true });
    }
    expect(checkUpdate(mapItem(2 ** 32 - 1))).toEqual({ ok: true });
  });

  it('refuses every hand-built update no honest client writes', () => {
    for (const [name, update] of Object.entries(badUpdates())) {
      expect({ name, ok: checkUpdate(update).ok }).toEqual({ name, ok: false });
    }
  });

  it('refuses random bytes and truncations without throwing', () => {
    const good = Y.encodeStateAsUpdate((() => {
      const d = new Y.Doc();
      d.getMap('m').set('k', 'value');
      return d;
    })());
    for (let cut = 0; cut < good.byteLength; cut++) expect(checkUpdate(good.subarray(0, cut)).ok).toBe(false);
  });
});
