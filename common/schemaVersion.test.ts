import { describe, expect, it } from 'vitest';
import {
  planMigration, SCHEMA_VERSION, versionOf, type DocData, type Migration } from './schemaVersion';
import { applyToRoots } from './writes';

/** the stored key of every document's version root (DocRoots[kind].schema): never renamed */
const SCHEMA_ROOT = 'schema';

const todaysControl = (): DocData => ({
  kind: 'control',
  roots: {
    meeting: { title: 'Samverkan Umeå', purpose: '', forumName: '', joinCode: 'ABC234' },
    gathering: { mode: 'individual', groupCount: 4, showAuthors: false, revealed: false },
    participants: {
      p1: { id: 'p1', name: 'Anna', organisation: 'Region', joinedAt: 1 },
      p2: { id: 'p2', name: '\u202EannA\u202C', organisation: 'Kommun\u200F', joinedAt: 2 },
    },
  },
});

describe('schema version', () => {
  it('a document without a version is version 0; garbage too', () => {
    expect(versionOf(undefined)).toBe(0);
    expect(versionOf({ version: 'x' })).toBe(0);
    expect(versionOf({ version: -1 })).toBe(0);
    expect(versionOf({ version: 1 })).toBe(1);
  });

  it("a control doc in today's shape is stamped and only relay-written names are cleaned; settings are left alone", () => {
    const plan = planMigration(todaysControl());
    expect(plan).toEqual({
      status: 'migrate',
      from: 0,
      to: SCHEMA_VERSION,
      steps: ['1: participant names through the shared text parser'],
      changes: [
        { root: 'participants', op: 'item', id: 'p2', fields: { name: 'annA', organisation: 'Kommun' } },
        { root: SCHEMA_ROOT, op: 'set', key: 'version', value: SCHEMA_VERSION },
      ],
    });
  });

  it('a meeting doc in today’s shape only gets the stamp', () => {
    const plan = planMigration({ kind: 'meeting', roots: { notes: { n1: { text: '\u202Ex' } } } });
    expect(plan).toMatchObject({ status: 'migrate', changes: [{ root: SCHEMA_ROOT, op: 'set', key: 'version', value: SCHEMA_VERSION }] });
  });

  it('a current document needs nothing; a newer one is left alone', () => {
    const plan = planMigration(todaysControl());
    if (plan.status !== 'migrate') throw new Error('expected a migration');
    const current = { kind: 'control' as const, roots: applyToRoots(todaysControl().roots, plan.changes) };
    expect(planMigration(current)).toEqual({ status: 'current', version: SCHEMA_VERSION });
    expect(planMigration({ kind: 'meeting', roots: { [SCHEMA_ROOT]: { version: SCHEMA_VERSION + 5 } } })).toEqual({
      status: 'newer',
      version: SCHEMA_VERSION + 5,
    });
  });

  it('steps run in order, each on what the previous one wrote, from the stored version on', () => {
    const seen: unknown[] = [];
    const steps: Migration[] = [
      { to: 1, why: 'one', migrate: () => [{ root: 'r', op: 'set', key: 'a', value: 1 }] },
      {
        to: 2,
        why: 'two',
        migrate: (doc) => {
          seen.push(doc.roots.r);
          return [{ root: 'r', op: 'set', key: 'b', value: (doc.roots.r.a as number) + 1 }];
        },
      },
    ];
    const fresh = planMigration({ kind: 'meeting', roots: {} }, steps);
    expect(fresh).toMatchObject({ from: 0, to: 2, steps: ['1: one', '2: two'] });
    expect(seen).toEqual([{ a: 1 }]);
    const fromOne = planMigration({ kind: 'meeting', roots: { [SCHEMA_ROOT]: { version: 1 }, r: { a: 10 } } }, steps);
    expect(fromOne).toMatchObject({
      from: 1,
      changes: [
        { root: 'r', op: 'set', key: 'b', value: 11 },
        { root: SCHEMA_ROOT, op: 'set', key: 'version', value: 2 },
      ],
    });
  });
});
