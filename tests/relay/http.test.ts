// HTTP edges: path traversal in static serving, response headers, no CORS, slow bodies.
import { mkdir, writeFile } from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir, removeDir, startRelay, type TestRelay } from './helpers';

let relay: TestRelay;
let outside: string;
beforeEach(async () => {
  outside = await makeTempDir('relay-outside-');
  const dist = path.join(outside, 'dist');
  await mkdir(path.join(dist, 'assets'), { recursive: true });
  await writeFile(path.join(dist, 'index.html'), '<!doctype html><title>app</title>');
  await writeFile(path.join(dist, 'assets', 'app.js'), 'console.log(1)');
  await writeFile(path.join(outside, 'secret.txt'), 'TOPSECRET');
  relay = await startRelay({ distDir: dist });
});
afterEach(async () => {
  await relay.dispose();
  await removeDir(outside);
});

/** Sends the path byte for byte (fetch would normalise the dots away). */
function rawGet(port: number, target: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => {
      socket.write(`GET ${target} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`);
    });
    let out = '';
    socket.on('data', (d) => (out += d.toString('latin1')));
    socket.on('end', () => resolve(out));
    socket.on('error', reject);
    socket.setTimeout(5000, () => socket.destroy(new Error('timeout')));
  });
}

describe('static files', () => {
  it('no encoding of dots, slashes or backslashes reaches a file outside dist', async () => {
    const port = relay.server.port;
    const targets = [
      '/../secret.txt',
      '/..%2fsecret.txt',
      '/..%2Fsecret.txt',
      '/%2e%2e/secret.txt',
      '/%2e%2e%2fsecret.txt',
      '/assets/..%2f..%2fsecret.txt',
      '/..%5csecret.txt',
      '/..\\secret.txt',
      '/%252e%252e%252fsecret.txt',
      '/assets/%2e%2e/%2e%2e/secret.txt',
      '//..//..//secret.txt',
      '/..%2f..%2f..%2f..%2f..%2fetc%2fpasswd',
      '/secret.txt%00.js',
    ];
    for (const target of targets) {
      const response = await rawGet(port, target);
      expect(response, target).not.toContain('TOPSECRET');
      expect(response, target).not.toContain('root:');
    }
  });
});

describe('response headers', () => {
  it('API answers carry nosniff, a locked-down CSP, no framing, and never reflect an Origin', async () => {
    for (const [pathname, init] of [
      ['/api/time', {}],
      ['/api/join/ZZZZZZ', {}],
      ['/healthz', {}],
      ['/api/meetings', { method: 'POST', body: '{}', headers: { 'content-type': 'application/json' } }],
    ] as const) {
      const res = await fetch(relay.url + pathname, { ...init, headers: { ...(init as any).headers, origin: 'https://evil.example' } });
      await res.text();
      expect(res.headers.get('access-control-allow-origin'), pathname).toBeNull();
      expect(res.headers.get('access-control-allow-credentials'), pathname).toBeNull();
      expect(res.headers.get('x-content-type-options'), pathname).toBe('nosniff');
      expect(res.headers.get('content-security-policy'), pathname).toContain("default-src 'none'");
      expect(res.headers.get('x-frame-options'), pathname).toBe('DENY');
    }
    const preflight = await fetch(relay.url + '/api/meetings', {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
    });
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('the app page has its CSP; assets are not framable either', async () => {
    const page = await fetch(relay.url + '/m/abc');
    await page.text();
    expect(page.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    const asset = await fetch(relay.url + '/assets/app.js');
    await asset.text();
    expect(asset.headers.get('x-content-type-options')).toBe('nosniff');
    expect(asset.headers.get('x-frame-options')).toBe('DENY');
  });
});
