import { describe, expect, it } from 'vitest';
import { collectSolutions, proposalsOf, SOLUTIONS_MAX } from './collectSolutions';
import { env, snapshot } from './snapshot.testkit';
import type { Snapshot } from './types';
import type { JsonObject } from '../../common/json';

const groups = { g1: { id: 'g1', order: 'a0', areaId: 'areaA' }, g2: { id: 'g2', order: 'a1', areaId: 'areaB' } };
const answer = (question: string, text: string, order: string): JsonObject => ({ question, text, order, createdAt: 1 });
const g1 = { answers: { s1: answer('solutions', ' Checklista ', 'a1'), s0: answer('solutions', 'Ring dagen före', 'a0'), w1: answer('why', 'Ingen äger frågan', 'a0'), blank: answer('solutions', '   ', 'a2') } };
const g2 = { answers: { s2: answer('solutions', 'Gemensam journal', 'a0') } };

function snap(parts: { phase?: string; revealed?: boolean; solutions?: JsonObject; group?: Snapshot['group'] } = {}): Snapshot {
  return snapshot({
    control: { phase: { current: parts.phase ?? 'solutionVoting' }, groups, voting: { solutions: { revealed: parts.revealed ?? false } } },
    meeting: { solutions: parts.solutions ?? {} },
    group: parts.group ?? { g1, g2 },
  });
}

const item = (id: string, text: string, groupId: string, areaId: string, order: string) => ({
  doc: { kind: 'meeting' },
  root: 'solutions',
  op: 'item',
  id,
  fields: { id, text, groupId, areaId, order },
});

describe('collectSolutions', () => {
  it('puts every group’s non-empty d) proposals up for the vote, group by group, in the answers’ order', () => {
    expect(collectSolutions.decide(snap(), env)).toEqual([
      item('g1:s0', 'Ring dagen före', 'g1', 'areaA', '0000'),
      item('g1:s1', 'Checklista', 'g1', 'areaA', '0001'),
      item('g2:s2', 'Gemensam journal', 'g2', 'areaB', '0002'),
    ]);
  });

  it('writes nothing when the solutions already match the groups', () => {
    const solutions = Object.fromEntries(proposalsOf(snap()).map((p) => [p.id, { ...p }]));
    expect(collectSolutions.decide(snap({ solutions }), env)).toEqual([]);
  });

  it('drops a proposal deleted before the reveal, and follows a change of wording', () => {
    const solutions = Object.fromEntries(proposalsOf(snap()).map((p) => [p.id, { ...p }]));
    const edited = { g1: { answers: { s0: answer('solutions', 'Ring hemtjänsten dagen före', 'a0') } }, g2 };
    expect(collectSolutions.decide(snap({ solutions, group: edited }), env)).toEqual([
      item('g1:s0', 'Ring hemtjänsten dagen före', 'g1', 'areaA', '0000'),
      item('g2:s2', 'Gemensam journal', 'g2', 'areaB', '0001'),
      { doc: { kind: 'meeting' }, root: 'solutions', op: 'delete', key: 'g1:s1' },
    ]);
  });

  it('removes the proposals of a group that no longer exists', () => {
    const solutions = { gone: { id: 'gone', text: 'Från g9', groupId: 'g9', areaId: '', order: '0000' } };
    const writes = collectSolutions.decide(snap({ solutions }), env);
    expect(writes).toContainEqual({ doc: { kind: 'meeting' }, root: 'solutions', op: 'delete', key: 'gone' });
  });

  it('after the reveal adds and removes nothing, and only the wording follows the group (a proposal collected under its bare answer id keeps it)', () => {
    const solutions = {
      s0: { id: 's0', text: 'Ring dagen före', groupId: 'g1', areaId: 'areaA', order: '0000' },
      old: { id: 'old', text: 'Raderad efter visningen', groupId: 'g1', areaId: 'areaA', order: '0001' },
    };
    const edited = { g1: { answers: { s0: answer('solutions', 'Ring dagen innan', 'a0') } }, g2 };
    expect(collectSolutions.decide(snap({ revealed: true, solutions, group: edited }), env)).toEqual([
      { doc: { kind: 'meeting' }, root: 'solutions', op: 'update', id: 's0', fields: { text: 'Ring dagen innan' } },
    ]);
  });

  it('loads no group doc outside the solution vote until it is revealed', () => {
    expect(collectSolutions.when!(snap({ phase: 'deepDive' }))).toBe(false);
    expect(collectSolutions.when!(snap({ phase: 'solutionVoting' }))).toBe(true);
    expect(collectSolutions.when!(snap({ phase: 'nextSteps', revealed: true }))).toBe(true);
  });

  it('ignores what a hand-made member client writes that is no proposal, and caps the count', () => {
    const junk: JsonObject = { notAMap: 'x', long: answer('solutions', 'x'.repeat(2000), 'a0'), ['i'.repeat(65)]: answer('solutions', 'lång nyckel', 'a1') };
    for (let i = 0; i < SOLUTIONS_MAX + 50; i++) junk[`n${i}`] = answer('solutions', `förslag ${i}`, `b${String(i).padStart(4, '0')}`);
    const out = proposalsOf(snap({ group: { g1: { answers: junk } } }));
    expect(out).toHaveLength(SOLUTIONS_MAX);
    expect(out[0].text).toHaveLength(500);
    expect(out.some((p) => p.text === 'lång nyckel')).toBe(false);
  });

  it('an answer id is a claim: another group’s answer with the same id, or a board item’s id, selects nothing of theirs', () => {
    const solutions = Object.fromEntries(proposalsOf(snap()).map((p) => [p.id, { ...p }]));
    // g2's member copies g1's answer ids (every group doc is readable) and the ids of the solutions and a board item
    const copied = { g1, g2: { answers: { ...g2.answers, s0: answer('solutions', 'Kapat', 'b0'), ['g1:s1']: answer('solutions', 'Kapat igen', 'b1'), clusterAAAAAAAAAAAAAAAAA: answer('solutions', 'Som ett område', 'b2') } } };
    const writes = collectSolutions.decide(snap({ solutions, group: copied }), env);
    const touched = writes.map((w) => ('id' in w ? w.id : w.key));
    for (const id of Object.keys(solutions).filter((k) => k.startsWith('g1:'))) expect(touched).not.toContain(id);
    expect(touched).not.toContain('clusterAAAAAAAAAAAAAAAAA');
    // what g2 brings is g2's: under g2's ids, with g2 as its group
    for (const w of writes.filter((x) => x.op === 'item' && x.fields.groupId === 'g2')) expect((w as { id: string }).id.startsWith('g2:')).toBe(true);
    expect(writes.filter((w) => w.op === 'item' && (w as { id: string }).id.startsWith('g1:'))).toEqual([]);
    // after the reveal, g2's wording under g1's ids changes nothing, also for a proposal under its bare answer id
    const legacy = { s0: { id: 's0', text: 'Ring dagen före', groupId: 'g1', areaId: 'areaA', order: '0000' }, ...solutions };
    expect(collectSolutions.decide(snap({ revealed: true, solutions: legacy, group: { g1, g2: copied.g2 } }), env)).toEqual([]);
  });

  it('one group’s answer ids never collide with another’s: each proposal is voted on under its group', () => {
    const same = { g1: { answers: { x: answer('solutions', 'Från g1', 'a0') } }, g2: { answers: { x: answer('solutions', 'Från g2', 'a0') } } };
    expect(proposalsOf(snap({ group: same })).map((p) => [p.id, p.text, p.groupId])).toEqual([
      ['g1:x', 'Från g1', 'g1'],
      ['g2:x', 'Från g2', 'g2'],
    ]);
  });
});
