import { describe, expect, it } from 'vitest';
import { resolveDrop, type DropContext } from './dropAction';

const ctx = (over: Partial<DropContext> = {}): DropContext => ({
  shift: false,
  clusterOrder: ['k1', 'k2', 'k3'],
  clusterOf: (id) => ({ inK1: 'k1', inK2: 'k2' })[id] ?? null,
  ...over,
});

describe('what a drop means', () => {
  it('a loose note onto a loose note starts a cluster; with Shift it stacks', () => {
    expect(resolveDrop({ kind: 'note', id: 'a' }, { kind: 'note', id: 'b', clusterId: null }, ctx())).toEqual({ type: 'createCluster', noteId: 'a', ontoId: 'b' });
    expect(resolveDrop({ kind: 'note', id: 'a' }, { kind: 'note', id: 'b', clusterId: null }, ctx({ shift: true }))).toEqual({ type: 'stack', noteId: 'a', ontoId: 'b' });
  });

  it('a note onto a clustered note or a cluster joins that cluster', () => {
    expect(resolveDrop({ kind: 'note', id: 'a' }, { kind: 'note', id: 'inK2', clusterId: 'k2' }, ctx())).toEqual({ type: 'moveToCluster', noteId: 'a', clusterId: 'k2' });
    expect(resolveDrop({ kind: 'note', id: 'a' }, { kind: 'cluster', id: 'k1' }, ctx())).toEqual({ type: 'moveToCluster', noteId: 'a', clusterId: 'k1' });
    expect(resolveDrop({ kind: 'note', id: 'inK1' }, { kind: 'cluster', id: 'k1' }, ctx())).toEqual({ type: 'none' });
  });

  it('a clustered note onto the loose tray leaves its cluster; onto parking it is parked', () => {
    expect(resolveDrop({ kind: 'note', id: 'inK1' }, { kind: 'loose' }, ctx())).toEqual({ type: 'toLoose', noteId: 'inK1' });
    expect(resolveDrop({ kind: 'note', id: 'a' }, { kind: 'loose' }, ctx())).toEqual({ type: 'none' });
    expect(resolveDrop({ kind: 'note', id: 'a' }, { kind: 'parking' }, ctx())).toEqual({ type: 'parkNote', noteId: 'a' });
  });

  it('a cluster onto another moves it there, with Shift merges, onto parking parks it', () => {
    expect(resolveDrop({ kind: 'cluster', id: 'k1' }, { kind: 'cluster', id: 'k3' }, ctx())).toEqual({ type: 'moveCluster', clusterId: 'k1', beforeId: 'k3', afterId: null });
    expect(resolveDrop({ kind: 'cluster', id: 'k3' }, { kind: 'cluster', id: 'k1' }, ctx())).toEqual({ type: 'moveCluster', clusterId: 'k3', beforeId: null, afterId: 'k1' });
    expect(resolveDrop({ kind: 'cluster', id: 'k1' }, { kind: 'note', id: 'inK2', clusterId: 'k2' }, ctx({ shift: true }))).toEqual({ type: 'merge', sourceId: 'k1', targetId: 'k2' });
    expect(resolveDrop({ kind: 'cluster', id: 'k1' }, { kind: 'parking' }, ctx())).toEqual({ type: 'parkCluster', clusterId: 'k1' });
  });
});
