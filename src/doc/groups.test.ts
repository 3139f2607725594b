import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ControlRoots, PartTwoMeetingRoots } from '@common/schema';
import { addAnswer, answersView, applyGroups, collectSolutions, editAnswer, moveMember, setGroupArea } from './groups';

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

  it('collects the d) proposals of every group as solutions, once each', () => {
    const g1 = new Y.Doc();
    addAnswer(g1, 'why', 'inte ett förslag');
    const s1 = addAnswer(g1, 'solutions', 'Gemensam rutin');
    addAnswer(g1, 'solutions', '   ');
    const meeting = new Y.Doc();
    const list = [{ groupId: 'g1', areaId: 'c1', answers: [...answersView(g1).get().values()] }];
    expect(collectSolutions(meeting, list)).toBe(1);
    expect(collectSolutions(meeting, list)).toBe(1);
    const solutions = meeting.getMap(PartTwoMeetingRoots.solutions).toJSON();
    expect(Object.keys(solutions)).toEqual([s1]);
    expect(solutions[s1]).toMatchObject({ text: 'Gemensam rutin', groupId: 'g1', areaId: 'c1' });
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
