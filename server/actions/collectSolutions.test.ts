import { describe, expect, it } from 'vitest';
import { collectSolutions, proposalsOf, SOLUTIONS_MAX } from './collectSolutions';
import { env, snapshot } from './snapshot.testkit';
import type { JsonObject, Snapshot } from './types';

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
      item('s0', 'Ring dagen före', 'g1', 'areaA', '0000'),
      item('s1', 'Checklista', 'g1', 'areaA', '0001'),
      item('s2', 'Gemensam journal', 'g2', 'areaB', '0002'),
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
      item('s0', 'Ring hemtjänsten dagen före', 'g1', 'areaA', '0000'),
      { doc: { kind: 'meeting' }, root: 'solutions', op: 'item', id: 's2', fields: { id: 's2', text: 'Gemensam journal', groupId: 'g2', areaId: 'areaB', order: '0001' } },
      { doc: { kind: 'meeting' }, root: 'solutions', op: 'delete', key: 's1' },
    ]);
  });

  it('removes the proposals of a group that no longer exists', () => {
    const solutions = { gone: { id: 'gone', text: 'Från g9', groupId: 'g9', areaId: '', order: '0000' } };
    const writes = collectSolutions.decide(snap({ solutions }), env);
    expect(writes).toContainEqual({ doc: { kind: 'meeting' }, root: 'solutions', op: 'delete', key: 'gone' });
  });

  it('after the reveal adds and removes nothing, and only the wording follows the group', () => {
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
});
