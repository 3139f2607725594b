import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ControlRoots } from '@common/schema';
import { addAnswer, answersView, editAnswer } from './groups';
import { applyGroups, moveMember, setGroupArea } from './facilitator/groups';

function sync(a: Y.Doc, b: Y.Doc) {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
}

describe('group answers', () => {
  it('two members typing in the same answer at once both keep every word', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    const id = addAnswer(a, 'why', 'Remisser tappas');
    sync(a, b);
    editAnswer(a, id, 'Remisser tappas bort');
    editAnswer(b, id, 'Många remisser tappas');
    sync(a, b);
    const text = answersView(a).get().get(id)?.text;
    expect(text).toBe('Många remisser tappas bort');
    expect(answersView(b).get().get(id)?.text).toBe(text);
  });
});

describe('groups', () => {
  it('forms groups with membership on the child, moves people, keeps areas when re-formed', () => {
    const control = new Y.Doc();
    applyGroups(control, [['a', 'b'], ['c']]);
    setGroupArea(control, 'g1', 'c9');
    moveMember(control, 'b', 'g2');
    expect(control.getMap(ControlRoots.groupMembers).toJSON()).toEqual({ a: 'g1', b: 'g2', c: 'g2' });
    applyGroups(control, [['c', 'a'], ['b']]);
    expect((control.getMap(ControlRoots.groups).get('g1') as Y.Map<unknown>).get('areaId')).toBe('c9');
    moveMember(control, 'a', 'nope');
    expect(control.getMap(ControlRoots.groupMembers).get('a')).toBe('g1');
  });
});
