import { describe, expect, it } from 'vitest';
import { walkSections } from './walkSections';
import { env, id, P, Q, snapshot } from './snapshot.testkit';

const R = 'r'.repeat(21);
const AUTHORS: Record<string, string> = { [id(1)]: P, [id(2)]: Q, [id(3)]: P, [id(4)]: R, [id(5)]: Q };
// revealed with "show who wrote": the relay put each note's author on it
const named = (n: number) => ({ id: id(n), order: `a${n}`, ...(AUTHORS[id(n)] ? { authorId: AUTHORS[id(n)] } : {}) });
const anonymous = (n: number) => ({ id: id(n), order: `a${n}` });
const room = (walkthrough: Record<string, unknown>, extra: { order?: string[]; published?: unknown; note?: (n: number) => object } = {}) =>
  snapshot({
    control: { walkthrough: walkthrough as never, ...(extra.published ? { walkSections: { sections: extra.published as never } } : {}) },
    meeting: { notes: Object.fromEntries([1, 2, 3, 4, 5, 6].map((n) => [id(n), (extra.note ?? named)(n)])) as never },
    relay: { authors: AUTHORS, ...(extra.order ? { walkOrder: { authors: extra.order } } : {}) },
  });
const on = { active: true, byAuthor: true };

describe('walkSections', () => {
  it('publishes the named notes grouped per author in a shuffled order, and keeps the order in the relay doc', () => {
    const writes = walkSections.decide(room(on), { ...env, randomInt: (n) => n - 1 });
    const order = writes.find((w) => w.doc.kind === 'relay');
    const published = writes.find((w) => w.doc.kind === 'control');
    expect(order).toMatchObject({ root: 'walkOrder', op: 'set', key: 'authors' });
    const authors = (order as { value: string[] }).value;
    expect([...authors].sort()).toEqual([P, Q, R].sort());
    const sections = (published as { value: string[][] }).value;
    const of = { [P]: [id(1), id(3)], [Q]: [id(2), id(5)], [R]: [id(4)] };
    // the authors' groups in the stored order, then the note no author is known for
    expect(sections).toEqual([...authors.map((a) => of[a]), [id(6)]]);
    expect(JSON.stringify(published)).not.toContain(P);
  });

  it('groups no anonymous note: their group sizes, matched to the counts every phone saw, would name the authors', () => {
    expect(walkSections.decide(room(on, { note: anonymous }), env)).toEqual([]);
    expect(walkSections.decide(room(on, { note: anonymous, published: [[id(1), id(3)], [id(2), id(5)], [id(4)], [id(6)]] }), env)).toEqual([
      { doc: { kind: 'control' }, root: 'walkSections', op: 'delete', key: 'sections' },
    ]);
    // some named (revealed late, after "show who wrote" was chosen), the anonymous ones together at the end
    const some = (n: number) => (n === 1 || n === 3 ? named(n) : anonymous(n));
    const writes = walkSections.decide(room(on, { note: some, order: [P] }), env);
    expect(writes).toEqual([{ doc: { kind: 'control' }, root: 'walkSections', op: 'set', key: 'sections', value: [[id(1), id(3)], [id(2), id(4), id(5), id(6)]] }]);
    // a note that names someone other than the relay's record is not grouped by either
    const forged = (n: number) => (n === 2 ? { ...anonymous(2), authorId: P } : some(n));
    expect(walkSections.decide(room(on, { note: forged, order: [P] }), env)).toEqual(writes);
  });

  it('keeps the order once chosen: a second run writes nothing, a new author joins at the end', () => {
    const published = [[id(2), id(5)], [id(4)], [id(1), id(3)], [id(6)]];
    expect(walkSections.decide(room(on, { order: [Q, R, P], published }), env)).toEqual([]);
    const s = room(on, { order: [Q, P], published });
    const writes = walkSections.decide(s, env);
    expect(writes).toContainEqual({ doc: { kind: 'relay' }, root: 'walkOrder', op: 'set', key: 'authors', value: [Q, P, R] });
    expect(writes).toContainEqual({ doc: { kind: 'control' }, root: 'walkSections', op: 'set', key: 'sections', value: [[id(2), id(5)], [id(1), id(3)], [id(4)], [id(6)]] });
  });

  it('publishes no groups unless the facilitator walks through author by author, and withdraws them after', () => {
    expect(walkSections.decide(room({ active: true, byAuthor: false }), env)).toEqual([]);
    expect(walkSections.decide(room({ active: false, byAuthor: true }), env)).toEqual([]);
    expect(walkSections.decide(room({ active: true, byAuthor: false }, { published: [[id(1)]] }), env)).toEqual([
      { doc: { kind: 'control' }, root: 'walkSections', op: 'delete', key: 'sections' },
    ]);
  });
});
