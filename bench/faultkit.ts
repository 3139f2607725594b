// What the fault and capacity benchmarks share: a light but real sync client (y-protocols over a
// `ws` socket, its own Y.Doc), the relay's HTTP calls, percentiles, the machine line and a hard
// deadline. Talks only to 127.0.0.1.
import { cpus, loadavg } from 'node:os';
import WebSocket from 'ws';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';
import * as syncProtocol from 'y-protocols/sync';
import { syncStep1Frame, updateFrame } from '../tests/relay/frames';

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
export const envNumber = (name: string, fallback: number) => Number(process.env[name] ?? fallback);

/**
 * One document on one socket, synced the way y-websocket does it (step 1 / step 2, then updates
 * both ways), without awareness or reconnect: light enough for thousands in one process.
 */
export class SyncClient {
  readonly doc = new Y.Doc();
  readonly ws: WebSocket;
  readonly synced: Promise<void>;
  /** resolves with the close code, whoever closed */
  readonly closed: Promise<number>;
  isSynced = false;
  isClosed = false;

  constructor(wsUrl: string, docName: string, key: string) {
    this.ws = new WebSocket(`${wsUrl}/${docName}?key=${encodeURIComponent(key)}`, { perMessageDeflate: false });
    this.ws.binaryType = 'nodebuffer';
    let resolveSynced!: () => void;
    this.synced = new Promise((r) => (resolveSynced = r));
    this.closed = new Promise((resolve) =>
      this.ws.once('close', (code) => {
        this.isClosed = true;
        resolve(code);
      }),
    );
    this.ws.on('error', () => {});
    this.ws.once('open', () => this.ws.send(syncStep1Frame(Y.encodeStateVector(this.doc))));
    this.ws.on('message', (data: Buffer) => {
      const decoder = decoding.createDecoder(new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
      if (decoding.readVarUint(decoder) !== 0) return; // awareness and keepalive: not ours to follow
      const reply = encoding.createEncoder();
      encoding.writeVarUint(reply, 0);
      const type = syncProtocol.readSyncMessage(decoder, reply, this.doc, this);
      if (encoding.length(reply) > 1) this.send(encoding.toUint8Array(reply));
      if (type === syncProtocol.messageYjsSyncStep2 && !this.isSynced) {
        this.isSynced = true;
        resolveSynced();
      }
    });
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin !== this) this.send(updateFrame(update));
    });
  }

  send(bytes: Uint8Array): void {
    if (this.ws.readyState === WebSocket.OPEN) this.ws.send(bytes);
  }

  close(): void {
    this.ws.close();
    this.doc.destroy();
  }
}

export interface Meeting {
  meetingId: string;
  facilitatorKey: string;
}

export async function createMeeting(base: string, title = 'Bänktest'): Promise<Meeting> {
  const res = await fetch(`${base}/api/meetings`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ title }) });
  if (res.status !== 201) throw new Error(`create meeting: ${res.status}`);
  return (await res.json()) as Meeting;
}

export async function join(base: string, meetingId: string, name: string): Promise<{ participantId: string; participantKey: string }> {
  const res = await fetch(`${base}/api/meetings/${meetingId}/participants`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name, organisation: 'Kommun' }),
  });
  if (res.status !== 201) throw new Error(`join: ${res.status}`);
  return (await res.json()) as { participantId: string; participantKey: string };
}

/** Runs `work` over `items`, at most `limit` at a time. */
export async function inParallel<T, R>(items: T[], limit: number, work: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        results[i] = await work(items[i], i);
      }
    }),
  );
  return results;
}

/** Resolves true once `check` holds, false after `timeoutMs`. */
export async function until(check: () => boolean | Promise<boolean>, timeoutMs: number, intervalMs = 20): Promise<boolean> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return true;
    if (Date.now() > end) return false;
    await sleep(intervalMs);
  }
}

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/** Least-squares slope of y over x. */
export function slope(points: [number, number][]): number {
  const n = points.length;
  if (n < 2) return 0;
  const mx = points.reduce((s, [x]) => s + x, 0) / n;
  const my = points.reduce((s, [, y]) => s + y, 0) / n;
  const num = points.reduce((s, [x, y]) => s + (x - mx) * (y - my), 0);
  const den = points.reduce((s, [x]) => s + (x - mx) ** 2, 0);
  return den === 0 ? 0 : num / den;
}

export const ms = (v: number) => `${v.toFixed(1)} ms`;
export const mb = (v: number) => `${v.toFixed(0)} MB`;

export function machineLine(): string {
  return `machine: ${cpus().length} cores, ${cpus()[0]?.model ?? '?'}, Node ${process.version}, load average ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}, ${new Date().toISOString().slice(0, 16)}Z`;
}

/** Stops the whole run (and whatever `onDeadline` kills) if it outlives `deadlineMs`. */
export function hardDeadline(deadlineMs: number, onDeadline: () => void): void {
  setTimeout(() => {
    console.error(`bench: deadline of ${deadlineMs / 1000} s reached, stopping`);
    onDeadline();
    process.exit(2);
  }, deadlineMs).unref();
}

/** Prints the checks, the command, and exits 0 only if every check passed. */
export function finish(checks: [string, boolean][], command: string): never {
  for (const [what, ok] of checks) console.log(`${ok ? 'PASS' : 'FAIL'}  ${what}`);
  console.log(`reproduce: ${command}`);
  process.exit(checks.every(([, ok]) => ok) ? 0 : 1);
}
