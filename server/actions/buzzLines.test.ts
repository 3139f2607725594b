import { describe, expect, it } from 'vitest';
import { buzzLines } from './buzzLines';
import { env, P, Q, woken } from './snapshot.testkit';

const groups = { buzzGroups: { [P]: 1, [Q]: 2 } };

describe('buzzLines', () => {
  it('puts a member’s line on the board under the group’s number only, through the text parser', () => {
    const writes = buzzLines.decide(
      woken({ control: groups, private: { [P]: { buzzLine: { group: 1, text: `  vi tycker\u0000 ${'x'.repeat(400)}`, updatedAt: 5 } } } }),
      env,
    );
    expect(writes).toHaveLength(1);
    expect(writes[0]).toMatchObject({ doc: { kind: 'meeting' }, root: 'buzzLines', op: 'item', id: '1', fields: { group: 1, updatedAt: 5 } });
    const fields = (writes[0] as unknown as { fields: { text: string } }).fields;
    expect([...fields.text].length).toBe(280);
    expect(fields.text).not.toContain('\u0000');
    expect(JSON.stringify(writes)).not.toContain(P);
  });

  it('refuses a line for a group the participant is not in, and from someone in no group', () => {
    const s = woken({ control: groups, private: { [P]: { buzzLine: { group: 2, text: 'för grupp 2', updatedAt: 5 } } } });
    expect(buzzLines.decide(s, env)).toEqual([]);
    const t = woken({ control: { buzzGroups: {} }, private: { [P]: { buzzLine: { group: 1, text: 'hej', updatedAt: 5 } } } });
    expect(buzzLines.decide(t, env)).toEqual([]);
  });

  it('refuses a line from another round: groups are renumbered from 1 each round, so last round’s line names someone else’s group', () => {
    const control = { ...groups, buzz: { round: 'roundtwo' } };
    const old = woken({ control, private: { [P]: { buzzLine: { round: 'roundone', group: 1, text: 'förra rundan', updatedAt: 5 } } } });
    expect(buzzLines.decide(old, env)).toEqual([]);
    const none = woken({ control, private: { [P]: { buzzLine: { group: 1, text: 'utan runda', updatedAt: 5 } } } });
    expect(buzzLines.decide(none, env)).toEqual([]);
    const now = woken({ control, private: { [P]: { buzzLine: { round: 'roundtwo', group: 1, text: 'den här rundan', updatedAt: 5 } } } });
    expect(buzzLines.decide(now, env)).toHaveLength(1);
  });

  it('one line per group: the newer replaces the older, an older one changes nothing', () => {
    const both = { buzzGroups: { [P]: 1, [Q]: 1 } };
    const meeting = { buzzLines: { '1': { group: 1, text: 'först', updatedAt: 10 } } };
    expect(buzzLines.decide(woken({ control: both, meeting, private: { [Q]: { buzzLine: { group: 1, text: 'äldre', updatedAt: 9 } } } }), env)).toEqual([]);
    const writes = buzzLines.decide(woken({ control: both, meeting, private: { [Q]: { buzzLine: { group: 1, text: 'nyare', updatedAt: 11 } } } }), env);
    expect(writes).toEqual([{ doc: { kind: 'meeting' }, root: 'buzzLines', op: 'item', id: '1', fields: { group: 1, text: 'nyare', updatedAt: 11 } }]);
  });

  it('a phone clock in the future cannot lock the group’s line', () => {
    const writes = buzzLines.decide(
      woken({ control: groups, private: { [P]: { buzzLine: { group: 1, text: 'framtid', updatedAt: env.now * 100 } } } }),
      env,
    );
    expect(writes[0]).toMatchObject({ fields: { updatedAt: env.now } });
  });
});
