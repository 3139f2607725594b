// Phones must never download drag-and-drop code: walk the static import graph of every
// phone-facing entry point and fail if it reaches @dnd-kit.
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

const SRC = resolve(__dirname, '../..');
const ROOT = resolve(SRC, '..');

function resolveImport(from: string, spec: string): string | null {
  let base: string;
  if (spec.startsWith('@/')) base = join(SRC, spec.slice(2));
  else if (spec.startsWith('@common/')) base = join(ROOT, 'common', spec.slice(8));
  else if (spec.startsWith('.')) base = resolve(dirname(from), spec);
  else return null;
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts')]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return null;
}

function reachesPackage(entry: string, pkg: string): string[] {
  const seen = new Set<string>();
  const hits: string[] = [];
  const stack = [entry];
  while (stack.length) {
    const file = stack.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const source = readFileSync(file, 'utf8');
    for (const match of source.matchAll(/(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)) {
      const spec = match[1] ?? match[2];
      if (spec.startsWith(pkg)) hits.push(`${file} → ${spec}`);
      const next = resolveImport(file, spec);
      if (next) stack.push(next);
    }
  }
  return hits;
}

describe('phone code stays free of drag and drop', () => {
  it.each([
    'features/clustering/ClusteringPhone.tsx',
    'features/gathering/GatheringPhone.tsx',
    'features/parking/ParkingLot.tsx',
    'features/prompts/PromptsOverlay.tsx',
  ])('%s never imports @dnd-kit', (entry) => {
    const file = join(SRC, entry);
    if (!existsSync(file)) return;
    expect(reachesPackage(file, '@dnd-kit')).toEqual([]);
  });

  it('the check does find dnd-kit behind the board', () => {
    expect(reachesPackage(join(SRC, 'features/clustering/ClusterBoard.tsx'), '@dnd-kit').length).toBeGreaterThan(0);
  });
});
