// The layering the codebase relies on, checked on every test run instead of by a linter:
// yjs stays in doc/ and sync/, features never import each other, every layer points one way
// (app → features → store → sync → doc → common; components and i18n are shared leaves),
// the relay never imports the client, and the relay's transport knows no product words.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(__dirname, '..');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

function imports(file: string): string[] {
  return importsOf(file).map((i) => i.spec);
}

/**
 * Every import, re-export and dynamic `import()` (every phase view is loaded that way), with
 * whether it is type-only (erased: no code runs across it).
 */
function importsWithKind(text: string): { spec: string; typeOnly: boolean }[] {
  const statics = [...text.matchAll(/^\s*(import|export)(\s+type\b)?[^'"]*?from\s+['"]([^'"]+)['"]|^\s*import\s+['"]([^'"]+)['"]/gm)].map((m) => ({
    spec: m[3] ?? m[4],
    typeOnly: Boolean(m[2]),
  }));
  // `import('x')` anywhere in an expression; `typeof import('x')` is a type and erased
  const dynamics = [...text.matchAll(/(typeof\s+)?\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => ({
    spec: m[2],
    typeOnly: Boolean(m[1]),
  }));
  return [...statics, ...dynamics];
}

const importsOf = (file: string) => importsWithKind(readFileSync(file, 'utf8'));

const rel = (file: string) => relative(root, file).split('\\').join('/');
const isTest = (file: string) => /\.test\.tsx?$/.test(file) || /\/__tests__\//.test(file) || rel(file).startsWith('src/test/');

/**
 * The client's layers and what each may import. Anything not listed is refused, so a new edge
 * is a decision made here. components/, i18n/ and styles/ are leaves every layer may use; components may
 * name types from sync/ and doc/ (erased at build) but call none of their code.
 */
const CLIENT_LAYERS: Record<string, { may: string[]; typesFrom?: string[] }> = {
  app: { may: ['features', 'store', 'sync', 'doc', 'components', 'i18n', 'common', 'styles'] },
  features: { may: ['store', 'sync', 'doc', 'components', 'i18n', 'common', 'styles'] },
  store: { may: ['sync', 'doc', 'i18n', 'common'] },
  sync: { may: ['doc', 'common'] },
  doc: { may: ['common'] },
  // stylesheets are leaves: a shared primitive brings its own (e.g. the board stage's)
  components: { may: ['i18n', 'common', 'styles'], typesFrom: ['sync', 'doc'] },
  i18n: { may: ['common'] },
};

/** The layer an import specifier points at, from the importing file; null for packages. */
function targetLayer(file: string, spec: string): string | null {
  if (spec.startsWith('@common/')) return 'common';
  if (spec.startsWith('@/')) return spec.slice(2).split('/')[0];
  if (spec.startsWith('.')) {
    const target = rel(join(file, '..', spec));
    if (target.startsWith('common/')) return 'common';
    if (target.startsWith('server/')) return 'server';
    return target.startsWith('src/') ? target.split('/')[1] : 'outside';
  }
  return null;
}

describe('architecture', () => {
  it('only doc/ and sync/ import yjs in the client', () => {
    const offenders = sources(join(root, 'src'))
      .filter((file) => !isTest(file))
      .filter((file) => !/^src\/(doc|sync)\//.test(rel(file)))
      .filter((file) => imports(file).some((spec) => spec === 'yjs' || spec.startsWith('y-')))
      .map(rel);
    expect(offenders).toEqual([]);
  });

  it('features never import another feature; they meet only in app/', () => {
    const offenders: string[] = [];
    for (const file of sources(join(root, 'src/features'))) {
      const own = rel(file).split('/')[2];
      for (const spec of imports(file)) {
        const other = /^@\/features\/([^/]+)/.exec(spec)?.[1];
        if (other && other !== own) offenders.push(`${rel(file)} → ${spec}`);
        if (spec.startsWith('@/app/')) offenders.push(`${rel(file)} → ${spec}`);
      }
    }
    expect(offenders).toEqual([]);
  });

  it('the relay imports nothing from the client', () => {
    const offenders = sources(join(root, 'server'))
      .flatMap((file) => imports(file).filter((spec) => spec.startsWith('@/') || spec.includes('/src/')).map((spec) => `${rel(file)} → ${spec}`));
    expect(offenders).toEqual([]);
  });

  it('every client layer imports only the layers below it', () => {
    const offenders: string[] = [];
    for (const file of sources(join(root, 'src')).filter((f) => !isTest(f))) {
      const own = rel(file).split('/')[1];
      const rule = CLIENT_LAYERS[own];
      if (!rule) continue; // main.tsx and other root files compose everything
      for (const { spec, typeOnly } of importsOf(file)) {
        const layer = targetLayer(file, spec);
        if (layer === null || layer === own) continue;
        const allowed = rule.may.includes(layer) || (typeOnly && (rule.typesFrom ?? []).includes(layer));
        if (!allowed) offenders.push(`${rel(file)} → ${spec}`);
      }
    }
    expect(offenders).toEqual([]);
  });

  it('every folder under src/ has a place in the layering', () => {
    const folders = readdirSync(join(root, 'src')).filter((name) => statSync(join(root, 'src', name)).isDirectory());
    const unplaced = folders.filter((name) => !CLIENT_LAYERS[name] && !['test', 'styles'].includes(name));
    expect(unplaced).toEqual([]);
  });

  it('common/ imports nothing from the client, the relay or any package: both sides can load it', () => {
    const offenders = sources(join(root, 'common'))
      .filter((file) => !isTest(file))
      .flatMap((file) =>
        imports(file)
          .filter((spec) => !spec.startsWith('./'))
          .map((spec) => `${rel(file)} → ${spec}`),
      );
    expect(offenders).toEqual([]);
  });

  it("the relay's transport (server/relay/) knows no product: no actions, HTTP API, access rules or registry", () => {
    const offenders: string[] = [];
    for (const file of sources(join(root, 'server/relay')).filter((f) => !isTest(f))) {
      for (const spec of imports(file)) {
        if (!spec.startsWith('.')) continue;
        const target = rel(join(file, '..', spec));
        const inside = target.startsWith('server/relay/');
        const shared = ['server/log', 'server/config', 'common/docNames'].includes(target.replace(/\.tsx?$/, ''));
        if (!inside && !shared) offenders.push(`${rel(file)} → ${spec}`);
      }
    }
    expect(offenders).toEqual([]);
  });

  it('the import scanner sees static, re-exported and dynamic imports, and erases type-only ones', () => {
    const found = importsWithKind(
      ["import { a } from '@/store/a';", "export { b } from '../doc/b';", "import type { C } from '@/sync/c';",
       "const View = lazy(() => import('@/features/voting/VotingPhone'));", "type M = typeof import('@/doc/m');"].join('\n'),
    );
    expect(found).toEqual([
      { spec: '@/store/a', typeOnly: false },
      { spec: '../doc/b', typeOnly: false },
      { spec: '@/sync/c', typeOnly: true },
      { spec: '@/features/voting/VotingPhone', typeOnly: false },
      { spec: '@/doc/m', typeOnly: true },
    ]);
  });

  it('the layer check sees a wrong-way import (so a pass means something)', () => {
    const file = join(root, 'src/sync/example.ts');
    expect(targetLayer(file, '@/store/meeting')).toBe('store');
    expect(CLIENT_LAYERS.sync.may).not.toContain('store');
    expect(targetLayer(join(root, 'src/i18n/x.ts'), '../store/ui')).toBe('store');
    expect(targetLayer(join(root, 'common/x.ts'), '../src/doc/core')).toBe('doc');
  });
});
