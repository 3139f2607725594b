// An over-large body is answered with 413 and the client gets to read it: the relay must not
// close the connection under a client that is still writing (the kernel would reset it and the
// answer could be lost). Driven by clients that write as fast as they can, many times over.
import net from 'node:net';
import http from 'node:http';
import { describe, expect, it } from 'vitest';
import { relayForEachTest } from './helpers';

const ctx = relayForEachTest({ maxBodyBytes: 16 * 1024 });
const NINE_MB = 9 * 1024 * 1024;
const CHUNK = Buffer.alloc(64 * 1024, 0x61);

interface RawAnswer {
  status: number | null;
  body: string;
  error: string | null;
}

/** A raw socket that sends headers and then the whole body without waiting for anything. */
function rawPost(url: string, path: string, bodyBytes: number, headers: Record<string, string> = {}): Promise<RawAnswer> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = net.connect(Number(port), hostname);
    const received: Buffer[] = [];
    let error: string | null = null;
    socket.on('data', (d) => received.push(d));
    socket.on('error', (e: NodeJS.ErrnoException) => (error ??= e.code ?? e.message));
    socket.on('close', () => {
      const text = Buffer.concat(received).toString('latin1');
      const status = /^HTTP\/1\.1 (\d{3})/.exec(text);
      resolve({ status: status ? Number(status[1]) : null, body: text.split('\r\n\r\n').slice(1).join('\r\n\r\n'), error });
    });
    socket.on('connect', () => {
      const head = [`POST ${path} HTTP/1.1`, `Host: ${hostname}`, 'Content-Type: application/json', `Content-Length: ${bodyBytes}`, 'Connection: close'];
      for (const [k, v] of Object.entries(headers)) head.push(`${k}: ${v}`);
      socket.write(head.join('\r\n') + '\r\n\r\n');
      for (let sent = 0; sent < bodyBytes; sent += CHUNK.length) socket.write(CHUNK.subarray(0, Math.min(CHUNK.length, bodyBytes - sent)));
      socket.end();
    });
  });
}

/**
 * http.request writing the body in chunks as fast as the socket takes them (with a declared
 * length, or chunked without one), the way Node's and browsers' clients do: an error on the
 * socket (a reset under the writer) fails the request, whatever was already received.
 */
function streamedPost(url: string, path: string, bodyBytes: number, declare: boolean): Promise<RawAnswer> {
  return new Promise((resolve) => {
    let status: number | null = null;
    let body = '';
    let error: string | null = null;
    let ended = false;
    const finish = () => setTimeout(() => resolve({ status, body, error }), 50);
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (declare) headers['content-length'] = String(bodyBytes);
    const req = http.request(url + path, { method: 'POST', headers, agent: false }, (res) => {
      status = res.statusCode ?? null;
      res.setEncoding('utf8');
      res.on('data', (d) => (body += d));
      res.on('end', () => {
        ended = true;
        finish();
      });
      res.on('error', (e: NodeJS.ErrnoException) => (error ??= e.code ?? e.message));
    });
    req.on('error', (e: NodeJS.ErrnoException) => {
      error ??= e.code ?? e.message;
      if (!ended) finish();
    });
    let sent = 0;
    const pump = () => {
      while (sent < bodyBytes) {
        sent += CHUNK.length;
        if (!req.write(CHUNK)) return void req.once('drain', pump);
      }
      req.end();
    };
    pump();
  });
}

describe('an over-large body', () => {
  it('a 9 MB import written as fast as possible is answered 413 every time, and the client reads the answer', async () => {
    const { relay } = ctx;
    for (let i = 0; i < 12; i++) {
      const answer = await rawPost(relay.url, '/api/import', NINE_MB);
      expect(answer, `run ${i + 1}`).toMatchObject({ status: 413, error: null });
      expect(JSON.parse(answer.body).error).toMatch(/too large/i);
    }
  }, 60_000);

  it('a 9 MB body to an endpoint with a 16 KB cap is answered 413 every time', async () => {
    const { relay } = ctx;
    for (let i = 0; i < 12; i++) {
      const answer = await rawPost(relay.url, '/api/meetings', NINE_MB);
      expect(answer, `run ${i + 1}`).toMatchObject({ status: 413, error: null });
      expect(JSON.parse(answer.body).error).toMatch(/too large/i);
    }
  }, 60_000);

  it('a 9 MB import streamed by http.request, declared or chunked, is answered 413 with no reset', async () => {
    const { relay } = ctx;
    for (let i = 0; i < 12; i++) {
      const answer = await streamedPost(relay.url, '/api/import', NINE_MB, i % 2 === 0);
      expect(answer, `run ${i + 1}`).toMatchObject({ status: 413, error: null });
      expect(JSON.parse(answer.body).error).toMatch(/too large/i);
    }
  }, 60_000);

  it('a 9 MB import sent with fetch, as the console does, gets the 413 and its message', async () => {
    const { relay } = ctx;
    for (let i = 0; i < 6; i++) {
      const res = await fetch(relay.url + '/api/import', { method: 'POST', headers: { 'content-type': 'application/json' }, body: Buffer.alloc(NINE_MB, 0x61) });
      expect(res.status, `run ${i + 1}`).toBe(413);
      expect((await res.json()).error).toMatch(/too large/i);
    }
  }, 60_000);

  it('the relay still answers on after the refused bodies', async () => {
    const { relay } = ctx;
    await rawPost(relay.url, '/api/import', NINE_MB);
    const res = await fetch(relay.url + '/healthz');
    expect(res.status).toBe(200);
  });
});
