// The layering the codebase relies on, checked on every test run instead of by a linter:
// yjs stays in doc/ and sync/, features never import each other, the relay never imports the client.
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
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/^\s*(?:import|export)\b[^'"]*?from\s+['"]([^'"]+)['"]/gm)].map((m) => m[1]);
}

const rel = (file: string) => relative(root, file).split('\\').join('/');
const isTest = (file: string) => /\.test\.tsx?$/.test(file) || rel(file).startsWith('src/test/');

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
});
