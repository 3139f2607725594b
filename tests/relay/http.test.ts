// HTTP edges: path traversal in static serving, response headers, no CORS, slow bodies.
import { mkdir, writeFile } from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../server/app';
import type { Logger } from '../../server/log';
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

/** Sends bytes as they are and collects what comes back until the server closes or goes quiet. */
function rawExchange(port: number, request: string | Buffer): Promise<string> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1', () => socket.write(request));
    let out = '';
    const done = () => {
      socket.destroy();
      resolve(out);
    };
    socket.on('data', (d) => (out += d.toString('latin1')));
    socket.on('close', done);
    socket.on('error', done);
    socket.setTimeout(1500, done);
  });
}

const statuses = (response: string) => [...response.matchAll(/^HTTP\/1\.[01] (\d{3})/gm)].map((m) => Number(m[1]));

describe('odd requests', () => {
  let server: RunningServer;
  let dir: string;
  const errors: string[] = [];
  const logger: Logger = { info: () => {}, debug: () => {}, error: (message, fields) => errors.push(`${message} ${JSON.stringify(fields)}`) };
  beforeEach(async () => {
    dir = await makeTempDir('relay-odd-');
    await mkdir(path.join(dir, 'dist'), { recursive: true });
    await writeFile(path.join(dir, 'dist', 'index.html'), '<!doctype html><title>app</title>');
    server = await startServer({ port: 0, host: '127.0.0.1', dataDir: dir, distDir: path.join(dir, 'dist') }, logger);
    errors.length = 0;
  });
  afterEach(async () => {
    await server.close();
    await removeDir(dir);
  });

  const line = (requestLine: string, headers = 'Host: 127.0.0.1', body = '') =>
    `${requestLine}\r\n${headers}\r\nConnection: close\r\n\r\n${body}`;
  const post = (target: string, body: string, headers = '') =>
    line(`POST ${target} HTTP/1.1`, `Host: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}${headers}`, body);

  it('no request target, method, header or body answers 5xx or logs an error, and the relay keeps serving', async () => {
    const created = await (await fetch(server.url + '/api/meetings', { method: 'POST' })).json();
    const participants = `/api/meetings/${created.meetingId}/participants`;
    const requests: (string | Buffer)[] = [
      // request targets
      line('GET //host:99999/ HTTP/1.1'),
      line('GET //x:99999/api/time HTTP/1.1'),
      line('GET http://x:99999/ HTTP/1.1'),
      line('GET http://[::1/ HTTP/1.1'),
      line('GET https://relay.example/api/time HTTP/1.1'),
      line('GET ftp://x/ HTTP/1.1'),
      line('GET % HTTP/1.1'),
      line('GET /% HTTP/1.1'),
      line('GET /%E0%A4%A HTTP/1.1'),
      line('GET /api/join/% HTTP/1.1'),
      line('GET /api/join/%00%FF HTTP/1.1'),
      line('GET /api/meetings/%/participants HTTP/1.1'),
      line(`PATCH ${participants}/%ZZ HTTP/1.1`, `Host: x\r\nAuthorization: Bearer ${created.facilitatorKey}\r\nContent-Length: 2`, '{}'),
      line(`PATCH ${participants}/${'x'.repeat(300)} HTTP/1.1`, `Host: x\r\nAuthorization: Bearer ${created.facilitatorKey}\r\nContent-Length: 2`, '{}'),
      line('GET /' + 'a'.repeat(100_000) + ' HTTP/1.1'),
      line('GET /?' + '&a=%'.repeat(2000) + ' HTTP/1.1'),
      line('OPTIONS * HTTP/1.1'),
      line('GET * HTTP/1.1'),
      line('GET HTTP/1.1'),
      line('GET / HTTP/9.9'),
      'GET /\r\n\r\n',
      // methods
      line('BREW / HTTP/1.1'),
      line('get / HTTP/1.1'),
      line('DELETE /api/meetings HTTP/1.1'),
      line('PUT /api/time HTTP/1.1'),
      line('TRACE / HTTP/1.1'),
      line('CONNECT 127.0.0.1:1 HTTP/1.1'),
      line('PRI * HTTP/2.0', '', 'SM\r\n\r\n'),
      // headers
      line('GET / HTTP/1.1', 'Host: 127.0.0.1\r\nContent-Length: abc'),
      line('POST /api/meetings HTTP/1.1', 'Host: 127.0.0.1\r\nContent-Length: -1'),
      line('POST /api/meetings HTTP/1.1', 'Host: 127.0.0.1\r\nContent-Length: 2\r\nContent-Length: 3', '{}'),
      line('POST /api/meetings HTTP/1.1', 'Host: 127.0.0.1\r\nContent-Length: 99999999999999999999'),
      line('POST /api/meetings HTTP/1.1', 'Host: 127.0.0.1\r\nTransfer-Encoding: chunked', 'zz\r\n{}\r\n0\r\n\r\n'),
      line('POST /api/meetings HTTP/1.1', 'Host: 127.0.0.1\r\nTransfer-Encoding: gzip, chunked', '2\r\n{}\r\n0\r\n\r\n'),
      line('GET / HTTP/1.1', 'Host: 127.0.0.1\r\nno colon here'),
      line('GET / HTTP/1.1', 'Host: 127.0.0.1\r\nX-Bad: a\u0000b'),
      line('GET / HTTP/1.1', 'Host: 127.0.0.1\r\nX-Bad\u00ff: 1'),
      line('GET / HTTP/1.1', ''),
      line('GET / HTTP/1.1', 'Host: 127.0.0.1\r\nX-Big: ' + 'b'.repeat(40_000)),
      line('GET / HTTP/1.1', 'Host: 127.0.0.1\r\n' + Array.from({ length: 3000 }, (_, i) => `X-${i}: 1`).join('\r\n')),
      line(`PATCH ${participants}/${created.meetingId} HTTP/1.1`, 'Host: x\r\nAuthorization: Bearer\r\nContent-Length: 2', '{}'),
      line(`PATCH ${participants}/${created.meetingId} HTTP/1.1`, 'Host: x\r\nAuthorization: Bearer a b c\r\nContent-Length: 2', '{}'),
      line(`PATCH ${participants}/${created.meetingId} HTTP/1.1`, `Host: x\r\nAuthorization: Bearer ${'k'.repeat(8000)}\r\nContent-Length: 2`, '{}'),
      line('GET /api/time HTTP/1.1', 'Host: 127.0.0.1\r\nX-Forwarded-For: , ,\u00e5'),
      line('GET / HTTP/1.1', 'Host: 127.0.0.1\r\nAccept-Encoding: br;q=abc, gzip;q=-1, *;q=NaN, ,,;'),
      line('GET / HTTP/1.1', 'Host: 127.0.0.1\r\nIf-None-Match: "\r\nRange: bytes=-1-'),
      line('GET / HTTP/1.1', 'Host: 127.0.0.1\r\nIf-None-Match: ' + 'W/"x", '.repeat(1000)),
      line('GET /%2e%2e/%00 HTTP/1.1', 'Host: 127.0.0.1\r\nAccept-Encoding: gzip'),
      line('GET /ws/x HTTP/1.1', 'Host: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade'),
      line('GET //x:99999/ws/ HTTP/1.1', 'Host: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ=='),
      line('GET http://x:99999/ws/a HTTP/1.1', 'Host: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ=='),
      line('GET /ws/%%%?key=% HTTP/1.1', 'Host: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 99\r\nSec-WebSocket-Key: x'),
      // bodies
      post('/api/meetings', 'null'),
      post('/api/meetings', '[]'),
      post('/api/meetings', '"x"'),
      post('/api/meetings', '{"title": {"a": 1}}'),
      post('/api/meetings', '{"title": "\\ud800\\udfff\\ud800"}'),
      post('/api/meetings', '['.repeat(10_000)),
      post('/api/meetings', '{"__proto__": {"title": 1}, "constructor": 2}'),
      Buffer.concat([Buffer.from(post(participants, 'xxxxxxxxxxxxxxxxx').slice(0, -17)), Buffer.from([0x7b, 0x22, 0x6e, 0x22, 0x3a, 0xff, 0xfe, 0xc0, 0x80, 0xed, 0xa0, 0x80, 0x22, 0x7d, 0x20, 0x20, 0x20])]),
      post(participants, '{"name": ["Anna"], "organisation": "Region"}'),
      post(participants, '{"name": "\\u202e\\u200b", "organisation": "Region"}'),
      post(participants, '{"name": "Anna", "organisation": null}'),
      post(participants, '{"name": "Anna"}'),
      post(participants, JSON.stringify({ name: 'x'.repeat(15_000), organisation: 'R' })),
      post(participants, '{"name": "Anna", "organisation": "Region"}', '\r\nContent-Type: text/plain'),
      post('/api/join/ABCDEF', '{}'),
    ];
    const seen: number[] = [];
    for (const request of requests) {
      const response = await rawExchange(server.port, request);
      const codes = statuses(response);
      const label = (typeof request === 'string' ? request : request.toString('latin1')).slice(0, 80);
      for (const code of codes) expect(code, label).toBeLessThan(500);
      seen.push(...codes);
    }
    expect(errors).toEqual([]);
    // the odd requests were answered (not all silently dropped), and the relay still works
    expect(seen.filter((code) => code === 400).length).toBeGreaterThan(10);
    expect(statuses(await rawExchange(server.port, line('GET //host:99999/ HTTP/1.1')))).toEqual([200]);
    expect(statuses(await rawExchange(server.port, line('GET http://relay.example/healthz HTTP/1.1')))).toEqual([200]);
    const health = await fetch(server.url + '/healthz');
    expect(health.status).toBe(200);
  });

  it('a request target that is no URL is a 400 with a message, not a stack trace', async () => {
    const response = await rawExchange(server.port, line('GET http://x:99999/api/time HTTP/1.1'));
    expect(statuses(response)).toEqual([400]);
    expect(response).toContain('Bad request target');
    expect(errors).toEqual([]);
  });
});
