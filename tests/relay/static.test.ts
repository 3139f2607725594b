// The built client over slow Wi-Fi: compressed bodies, hashed assets cached for good, the page
// revalidated by ETag, and the join and phone pages naming the route's chunks up front.
import { createHash } from 'node:crypto';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createMeeting, makeTempDir, removeDir, startRelay, type TestRelay } from './helpers';

let relay: TestRelay;
let dir: string;
const script = `export const words = ${JSON.stringify('samverkan utskrivning vårdplan '.repeat(400))};\n`;

beforeEach(async () => {
  dir = await makeTempDir('relay-static-');
  const dist = path.join(dir, 'dist');
  await mkdir(path.join(dist, 'assets'), { recursive: true });
  await mkdir(path.join(dist, '.vite'), { recursive: true });
  await writeFile(
    path.join(dist, 'index.html'),
    '<!doctype html><html><head><title>app</title><script type="module" crossorigin src="/assets/index-A1.js"></script>' +
      '<link rel="stylesheet" crossorigin href="/assets/plain-B2.css"></head><body><div id="root"></div></body></html>',
  );
  await writeFile(path.join(dist, 'assets', 'index-A1.js'), script);
  await writeFile(path.join(dist, 'assets', 'index-A1.js.br'), brotliCompressSync(script));
  await writeFile(path.join(dist, 'assets', 'index-A1.js.gz'), gzipSync(script));
  // a build step that wrote no .br/.gz: compressed on the way out
  await writeFile(path.join(dist, 'assets', 'plain-B2.css'), `body{margin:0}\n`.repeat(200));
  await writeFile(
    path.join(dist, '.vite', 'manifest.json'),
    JSON.stringify({
      'index.html': { file: 'assets/index-A1.js', isEntry: true, imports: [], dynamicImports: ['src/app/JoinRoute.tsx', 'src/app/PhoneRoute.tsx'] },
      'src/app/JoinRoute.tsx': { file: 'assets/JoinRoute-C3.js', imports: ['index.html', '_form-D4.js'], css: ['assets/phone-E5.css'] },
      '_form-D4.js': { file: 'assets/form-D4.js' },
      'src/app/PhoneRoute.tsx': { file: 'assets/PhoneRoute-F6.js', imports: ['_form-D4.js'] },
    }),
  );
  await writeFile(path.join(dist, '.vite', 'prerendered-join.json'), JSON.stringify(prerendered));
  relay = await startRelay({ distDir: dist });
});

// what the build writes (src/app/prerender.tsx): the form in both languages and its script
const prerendered = {
  id: 'prerendered',
  sv: '<form><label for="n">Ditt namn</label><input id="n"></form>',
  en: '<form><label for="n">Your name</label><input id="n"></form>',
  script: "document.getElementById('prerendered').dataset.ready='1'",
};
afterEach(async () => {
  await relay.dispose();
  await removeDir(dir);
});

interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

/** A GET with exactly these headers (fetch would add and strip encodings by itself). */
function get(target: string, headers: Record<string, string> = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.get(`${relay.url}${target}`, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
  });
}

const text = (reply: Reply) =>
  reply.headers['content-encoding'] === 'br'
    ? brotliDecompressSync(reply.body).toString()
    : reply.headers['content-encoding'] === 'gzip'
      ? gunzipSync(reply.body).toString()
      : reply.body.toString();

describe('static client', () => {
  it('sends scripts brotli-compressed to a browser that takes brotli, gzip to one that takes only gzip, plain otherwise', async () => {
    const br = await get('/assets/index-A1.js', { 'accept-encoding': 'gzip, deflate, br' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.body.length).toBeLessThan(script.length / 5);
    expect(text(br)).toBe(script);
    expect(br.headers['cache-control']).toContain('immutable');
    expect(br.headers.vary).toContain('Accept-Encoding');

    const gz = await get('/assets/index-A1.js', { 'accept-encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(text(gz)).toBe(script);

    const plain = await get('/assets/index-A1.js', { 'accept-encoding': 'identity' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString()).toBe(script);
    expect(Number(plain.headers['content-length'])).toBe(Buffer.byteLength(script));
  });

  it('compresses a text file the build left uncompressed', async () => {
    const css = await get('/assets/plain-B2.css', { 'accept-encoding': 'br' });
    expect(css.headers['content-encoding']).toBe('br');
    expect(text(css)).toBe(`body{margin:0}\n`.repeat(200));
  });

  it('gives the page a validator and answers a matching revalidation with 304 and no body', async () => {
    const first = await get('/', { 'accept-encoding': 'br' });
    expect(first.status).toBe(200);
    expect(first.headers['content-encoding']).toBe('br');
    expect(first.headers['cache-control']).toBe('no-cache');
    const etag = first.headers.etag!;
    expect(etag).toMatch(/^"/);
    expect(first.headers['content-security-policy']).toContain("script-src 'self'");
    const again = await get('/', { 'accept-encoding': 'br', 'if-none-match': etag });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
    const other = await get('/', { 'accept-encoding': 'br', 'if-none-match': '"something-else"' });
    expect(other.status).toBe(200);
  });

  it('the join page preloads the join route, its imports, its styles and the code lookup; the phone page its own route', async () => {
    const join = text(await get('/j/abc-234', { 'accept-encoding': 'br' }));
    expect(join).toContain('<link rel="modulepreload" href="/assets/JoinRoute-C3.js">');
    expect(join).toContain('<link rel="modulepreload" href="/assets/form-D4.js">');
    expect(join).toContain('<link rel="stylesheet" href="/assets/phone-E5.css">');
    expect(join).toContain('<link rel="preload" as="fetch" crossorigin href="/api/join/ABC234">');
    // the entry is already in the page: not named twice
    expect(join.match(/index-A1\.js/g)).toHaveLength(1);

    const { meetingId } = await createMeeting(relay.url);
    const phone = text(await get(`/m/${meetingId}/p`, { 'accept-encoding': 'gzip' }));
    expect(phone).toContain('<link rel="modulepreload" href="/assets/PhoneRoute-F6.js">');
    expect(phone).not.toContain('JoinRoute');
    const landing = text(await get('/', {}));
    expect(landing).not.toContain('modulepreload');
  });

  it('a join code with markup in it never reaches the page', async () => {
    const page = text(await get('/j/%22%3E%3Cscript%3Ealert(1)%3C%2Fscript%3E', { 'accept-encoding': 'br' }));
    expect(page).not.toContain('<script>alert');
    expect(page).not.toContain('/api/join/');
  });

  it('the join page carries the join form as HTML, its styles inline and its one script allowed by hash', async () => {
    const reply = await get('/j/abc-234', { 'accept-encoding': 'br' });
    const page = text(reply);
    // the app's root is hidden until the app takes the form over; the form itself is there at once
    expect(page).toContain(`<div id="root" hidden></div><div id="prerendered">${prerendered.sv}<template>${prerendered.en}</template></div>`);
    expect(page).toContain(`<script>${prerendered.script}</script>`);
    const hash = createHash('sha256').update(prerendered.script).digest('base64');
    const policy = String(reply.headers['content-security-policy']);
    expect(policy).toMatch(new RegExp(`script-src 'self' 'sha256-${hash.replace(/[+/=]/g, (c) => '\\' + c)}'`));
    // the entry is fetched at once but not run before the form is painted: the form's script runs it
    expect(page).toContain('<link rel="modulepreload" crossorigin href="/assets/index-A1.js" data-entry>');
    expect(page).not.toContain('<script type="module"');
    // the preloads come after the form (a slow link carries the form first) and before its script
    const formAt = page.indexOf('<div id="prerendered">');
    for (const link of ['href="/assets/index-A1.js" data-entry', 'href="/assets/JoinRoute-C3.js"', 'href="/api/join/ABC234"']) {
      expect(page.indexOf(link)).toBeGreaterThan(formAt);
      expect(page.indexOf(link)).toBeLessThan(page.indexOf(`<script>${prerendered.script}`));
    }
    // no round trip for the styles before the first paint
    expect(page).toContain('<style>body{margin:0}');
    expect(page).not.toContain('href="/assets/plain-B2.css"');

    // every other page: no form, no inline script allowed, the stylesheet linked
    const { meetingId } = await createMeeting(relay.url);
    for (const target of ['/', `/m/${meetingId}/p`]) {
      const other = await get(target, { 'accept-encoding': 'br' });
      expect(text(other)).toContain('<div id="root"></div>');
      expect(text(other)).not.toContain('prerendered');
      expect(text(other)).toContain('<script type="module" crossorigin src="/assets/index-A1.js"></script>');
      expect(text(other)).toContain('href="/assets/plain-B2.css"');
      expect(String(other.headers['content-security-policy'])).toContain("script-src 'self';");
    }
  });

  it('a build without the rendered form still serves a working join page', async () => {
    await rm(path.join(dir, 'dist', '.vite', 'prerendered-join.json'));
    // a new build under the running server (the page cache follows index.html)
    await writeFile(path.join(dir, 'dist', 'index.html'), '<!doctype html><html><head><title>app 2</title></head><body><div id="root"></div></body></html>');
    const page = text(await get('/j/abc-234', { 'accept-encoding': 'br' }));
    expect(page).toContain('<div id="root"></div>');
    expect(page).not.toContain('<script>');
  });
});
