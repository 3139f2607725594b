// Phones must never download board, console, drag-and-drop or QR code: build the client and walk
// the static import graph from the entry through every phone route and phone phase view.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build } from 'vite';
import { afterAll, describe, expect, it } from 'vitest';

interface Chunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
}

const outDir = mkdtempSync(path.join(tmpdir(), 'svv-chunks-'));
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

describe('code splitting', () => {
  it('a phone downloads no dnd-kit, QR, hyphenation patterns, board or console code', async () => {
    await build({ root: process.cwd(), logLevel: 'silent', build: { outDir, manifest: true, emptyOutDir: true } });
    const manifest = JSON.parse(readFileSync(path.join(outDir, '.vite/manifest.json'), 'utf8')) as Record<string, Chunk>;
    const reachable = new Set<string>();
    const visit = (key: string) => {
      if (reachable.has(key) || !manifest[key]) return;
      reachable.add(key);
      for (const next of manifest[key].imports ?? []) visit(next);
    };
    const phoneStarts = Object.keys(manifest).filter(
      (key) => manifest[key].isEntry || /(PhoneRoute|JoinRoute|LandingRoute|Phone|ParkingLot)\.tsx$/.test(key),
    );
    expect(phoneStarts.some((k) => k.endsWith('PhoneRoute.tsx'))).toBe(true);
    phoneStarts.forEach(visit);
    const keys = [...reachable];
    expect(keys.filter((k) => /node_modules\/(@dnd-kit|qrcode|docx|fflate|hyphen)/.test(k))).toEqual([]);
    // the summary's exporters load only when the facilitator exports
    expect(keys.filter((k) => /features\/summary\/export\//.test(k))).toEqual([]);
    expect(keys.filter((k) => /(Board|Console|FacilitatorRoute)\.tsx$/.test(k))).toEqual([]);
    for (const key of keys) {
      const code = readFileSync(path.join(outDir, manifest[key].file), 'utf8');
      // markers that survive minification: dnd-kit's live-region ids, qrcode's displayName and encoder error,
      // the Swedish hyphenation patterns' global name
      expect(code, manifest[key].file).not.toMatch(/DndDescribedBy|DndLiveRegion|QRCodeSVG|Data too long|hyphenationPatternsSv/);
    }
  }, 90_000); // a whole production build: slow on a busy 2-core machine
});
