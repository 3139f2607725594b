// Reading a request body within a bound, and answering early without resetting the connection:
// a client still writing a body we refused must get to read our answer (413, 429, 401, …).
import type { IncomingMessage } from 'node:http';
import { HttpError } from './answer';

/** Past this many bytes of a refused body the connection is cut instead of drained. */
export const DISCARD_MAX_BYTES = 64 * 1024 * 1024;

export class BodyTooLarge extends Error {
  constructor() {
    super('Request body too large');
  }
}

/**
 * The body as bytes, at most `maxBytes`; throws BodyTooLarge past it. It never destroys the
 * request: the rest is left for discardRest, so the answer reaches the client.
 */
export function readBody(req: IncomingMessage, maxBytes: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes) return Promise.reject(new BodyTooLarge());
  if (req.destroyed) return Promise.reject(Object.assign(new Error('request aborted'), { code: 'ECONNRESET' }));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const cleanup = () => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onError);
      req.off('aborted', onAborted);
      req.off('close', onAborted);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= maxBytes) return void chunks.push(chunk);
      cleanup();
      req.pause();
      reject(new BodyTooLarge());
    };
    const onEnd = () => {
      cleanup();
      resolve(Buffer.concat(chunks));
    };
    const onError = (err: Error) => {
      cleanup();
      reject(err);
    };
    const onAborted = () => onError(Object.assign(new Error('request aborted'), { code: 'ECONNRESET' }));
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onError);
    req.on('aborted', onAborted);
    // closed before its end: the client went away (not every Node version says 'aborted')
    req.on('close', onAborted);
  });
}

/**
 * Reads and drops what is left of a request we answer early; resolves once the client has sent
 * it all, so the answer goes out after it. Closing a socket with unread bytes (Node does after an
 * answer to a `Connection: close` request) makes the kernel send a reset, which fails the client's
 * write and can destroy the answer before it is read. A body past `maxBytes` is cut instead.
 */
export function discardRest(req: IncomingMessage, maxBytes = DISCARD_MAX_BYTES): Promise<void> {
  if (req.complete || req.destroyed) return Promise.resolve();
  return new Promise((resolve) => {
    let seen = 0;
    const done = () => {
      req.off('data', onData);
      resolve();
    };
    const onData = (chunk: Buffer) => {
      seen += chunk.length;
      if (seen <= maxBytes) return;
      req.socket.destroy();
      done();
    };
    req.on('data', onData);
    req.once('end', done);
    req.once('close', done);
    req.on('error', () => {});
    req.resume();
  });
}

/** The body as text; past `maxBytes` a 413 with `tooLarge` (an archive says "file"). */
export async function readText(req: IncomingMessage, maxBytes: number, tooLarge = 'Request body too large'): Promise<string> {
  try {
    return (await readBody(req, maxBytes)).toString('utf8');
  } catch (err) {
    if (err instanceof BodyTooLarge) throw new HttpError(413, tooLarge);
    throw err;
  }
}

/** The body as a JSON object; empty is `{}`, anything else is a 400. */
export async function readJson(req: IncomingMessage, maxBytes: number): Promise<Record<string, unknown>> {
  const text = (await readText(req, maxBytes)).trim();
  if (text === '') return {};
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new HttpError(400, 'Body is not valid JSON');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new HttpError(400, 'Body must be a JSON object');
  return value as Record<string, unknown>;
}
