// A new build deployed under an open tab: the tab's earlier build still loads its lazy chunks,
// from the archive the server keeps under DATA_DIR (a new container image holds only its own build).
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { brotliCompressSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { archiveBuild } from '../../server/http/assetArchive';
import { makeTempDir, removeDir, startRelay, waitFor, type TestRelay } from './helpers';

let dir: string;
let relay: TestRelay | null = null;

beforeEach(async () => {
  dir = await makeTempDir('relay-archive-');
});
afterEach(async () => {
  await relay?.dispose();
  relay = null;
  await removeDir(dir);
});

/** A build: a page naming its entry, and hashed files. */
async function build(name: string, files: Record<string, string>): Promise<string> {
  const dist = path.join(dir, name);
  await mkdir(path.join(dist, 'assets'), { recursive: true });
  await writeFile(path.join(dist, 'index.html'), `<!doctype html><html><head><title>${name}</title></head><body><div id="root"></div></body></html>`);
  for (const [file, content] of Object.entries(files)) {
    await writeFile(path.join(dist, 'assets', file), content);
    await writeFile(path.join(dist, 'assets', `${file}.br`), brotliCompressSync(content));
  }
  return dist;
}

const chunk = (label: string) => `export const view = ${JSON.stringify(label.repeat(200))};\n`;

describe('hashed files of earlier builds', () => {
  it('are still served after a new build replaced them, compressed and cached for good; unknown names stay 404', async () => {
    const one = await build('build1', { 'index-One1.js': chunk('ett '), 'VotingPhone-One2.js': chunk('rösta ') });
    const two = await build('build2', { 'index-Two1.js': chunk('två '), 'VotingPhone-Two2.js': chunk('rösta igen ') });
    const dataDir = path.join(dir, 'data');
    relay = await startRelay({ distDir: one }, dataDir);
    // the phone opens the page of build 1: the server archives the build it serves
    expect((await fetch(`${relay.url}/m/x/p`)).status).toBe(200);
    await waitFor(async () => (await readdir(path.join(dataDir, 'assets', 'files')).catch(() => [] as string[])).includes('VotingPhone-One2.js'), {
      message: 'build 1 archived',
    });
    await relay.stop();

    // build 2 deployed on the same data directory
    relay = await startRelay({ distDir: two }, dataDir);
    const old = await fetch(`${relay.url}/assets/VotingPhone-One2.js`, { headers: { 'Accept-Encoding': 'br' } });
    expect(old.status).toBe(200);
    expect(old.headers.get('content-encoding')).toBe('br');
    expect(old.headers.get('cache-control')).toContain('immutable');
    expect(await old.text()).toBe(chunk('rösta '));
    expect((await fetch(`${relay.url}/assets/VotingPhone-Two2.js`)).status).toBe(200);
    for (const missing of ['/assets/VotingPhone-Zzz9.js', '/assets/.hidden', '/assets/VotingPhone-One2.js%00', '/assets/files%2FVotingPhone-One2.js']) {
      expect((await fetch(`${relay.url}${missing}`)).status, missing).toBe(404);
    }
  });

  it('keeps a build until it is past both the number of builds and the days kept, and a file while any kept build names it', async () => {
    const archive = { dir: path.join(dir, 'archive'), keepBuilds: 2, keepDays: 1 };
    const shared = chunk('delad ');
    const day = 24 * 60 * 60 * 1000;
    const t0 = Date.parse('2026-12-01T08:00:00Z');
    await archiveBuild(await build('b1', { 'a-1.js': chunk('1'), 'shared-S.js': shared }), archive, t0);
    await archiveBuild(await build('b2', { 'a-2.js': chunk('2'), 'shared-S.js': shared }), archive, t0 + 2 * day);
    await archiveBuild(await build('b3', { 'a-3.js': chunk('3') }), archive, t0 + 2 * day + 60_000);
    const files = async () => (await readdir(path.join(archive.dir, 'files'))).filter((f) => !f.endsWith('.br')).sort();
    // b1 is past both limits (two newer builds, started two days ago): gone, its shared file kept for b2
    expect(await files()).toEqual(['a-2.js', 'a-3.js', 'shared-S.js']);
    await archiveBuild(await build('b4', { 'a-4.js': chunk('4') }), archive, t0 + 4 * day);
    expect(await files()).toEqual(['a-3.js', 'a-4.js']);
    expect((await readdir(path.join(archive.dir, 'builds'))).length).toBe(2);
  });
});
