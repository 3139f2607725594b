// Our relay beside its peers, in one invocation and alternating: this relay, the reference relay
// (@y/websocket-server 0.1.1, every update in its LevelDB via YPERSISTENCE) and Hocuspocus 4
// (its own framing and provider; LevelDB through its database extension). Each relay is pinned to
// one core, this load generator to the other.
//
//   nice -n -5 taskset -c 0 npx tsx bench/peers.ts
//
// Two regimes (issue 21), each ROUNDS rounds, relays alternating within a round, medians printed:
// - unsaturated: one room of SOCKETS sockets, WRITERS of them writing twice a second; p95
//   edit→visible, relay CPU, and whether every writer's last edit reached every probe.
// - saturated: the same room, SAT_WRITERS writers, the total update rate raised step by step
//   (RATES); a relay leaves the curve at the first step where its p95 passes 100 ms or an edit is
//   lost (a probe lacks a writer's last value DRAIN_SECONDS after the writers stopped). Its capacity
//   in a round is the highest rate it passed; the capacity printed is the median of the rounds.
// PROBES real clients (y-websocket / Hocuspocus provider) time edit→visible for every writer's
// edit sent in the measured window; the rest are raw sockets that read and discard (a minimal
// websocket client: no Yjs, so the generator is not what saturates). Relay CPU seconds and RSS
// come from /proc. Every figure is printed with the machine's load average when it was taken.
// Then (AWARENESS_SECONDS > 0) awareness: AWARENESS_PHONES idle phones, a facilitator console and a
// board, outbound awareness messages and bytes per second to all of them, ours vs the reference.
//
// Env: SOCKETS=300 WRITERS=100 PROBES=5 WARMUP_SECONDS=3 MEASURE_SECONDS=10 ROUNDS=3
//      REGIMES=unsaturated,saturated SAT_WRITERS=100 RATES=400,700,1000,1500,2200,3300,5000
//      SAT_MEASURE_SECONDS=6 SAT_WARMUP_SECONDS=2 DRAIN_SECONDS=5 LIMIT_MS=100
//      AWARENESS_PHONES=300 AWARENESS_SECONDS=0 RELAYS=ours,reference,hocuspocus RELAY_CORE=1
//      (in RELAYS, ours@4 is our relay with RELAY_TICK_MS=4: several ticks compared in one run)
//      RELAY_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" (profiling only)
//      LISTENER_READ_MS=0: with n > 0 the raw listeners read every n ms instead of on every frame,
//      so the probes do not wait behind 295 reads in this process (the relay's side is unchanged)
//      THREADS=0: with THREADS=1, each relay's CPU by thread name (main loop, libuv pool, V8 workers)
//      BUSY=0: with BUSY=n, n processes spin on the machine's cores for the whole run (a busy machine
//      made on purpose, the same for every relay; they stop with the benchmark)
// Talks only to 127.0.0.1; every run is bounded (a relay leaves the curve at its first failure,
// the whole benchmark stops after 40 minutes) and stops its relay.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import net from 'node:net';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import WebSocket from 'ws';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import { WebsocketProvider } from 'y-websocket';
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import type { BatchTimes } from '../server/relay/batcher';
import { busyMachine } from './busy';

type Kind = 'ours' | 'reference' | 'hocuspocus';
const env = (name: string, fallback: string) => process.env[name] ?? fallback;
const SOCKETS = Number(env('SOCKETS', '300'));
const WRITERS = Number(env('WRITERS', '100'));
const PROBES = Number(env('PROBES', '5'));
const WARMUP_SECONDS = Number(env('WARMUP_SECONDS', '3'));
const MEASURE_SECONDS = Number(env('MEASURE_SECONDS', '10'));
const ROUNDS = Number(env('ROUNDS', '3'));
const REGIMES = env('REGIMES', 'unsaturated,saturated').split(',');
const SAT_WRITERS = Number(env('SAT_WRITERS', '100'));
/** total updates per second, step by step (the unsaturated regime is the step below the first) */
const RATES = env('RATES', '400,700,1000,1500,2200,3300,5000').split(',').map(Number).filter((n) => n > 0);
const SAT_MEASURE_SECONDS = Number(env('SAT_MEASURE_SECONDS', '6'));
const SAT_WARMUP_SECONDS = Number(env('SAT_WARMUP_SECONDS', '2'));
/** after the writers stop, how long every probe may take to hold every writer's last edit */
const DRAIN_SECONDS = Number(env('DRAIN_SECONDS', '5'));
/** a step fails past this p95 */
const LIMIT_MS = Number(env('LIMIT_MS', '100'));
const AWARENESS_PHONES = Number(env('AWARENESS_PHONES', '300'));
const AWARENESS_SECONDS = Number(env('AWARENESS_SECONDS', '0'));
/** relays to run, in turn; `ours@4` is our relay with RELAY_TICK_MS=4 (compare ticks in one run) */
const RELAYS = env('RELAYS', 'ours,reference,hocuspocus').split(',');
const kindOf = (label: string) => label.split('@')[0] as Kind;
const RELAY_CORE = env('RELAY_CORE', '1');
/** extra node flags for the relay processes, e.g. RELAY_NODE_ARGS=--cpu-prof to profile one */
const RELAY_NODE_ARGS = env('RELAY_NODE_ARGS', '').split(' ').filter(Boolean);
const BUSY = Number(env('BUSY', '0'));
/** listeners (raw sockets) read every this many ms instead of on every frame; 0: on every frame */
const LISTENER_READ_MS = Number(env('LISTENER_READ_MS', '0'));
/** THREADS=1 prints each relay's CPU by thread (main, libuv's pool, V8's workers) */
const THREADS = env('THREADS', '0') === '1';
const ROOT = process.cwd();
const CLOCK_TICK = 100; // /proc/<pid>/stat counts in USER_HZ, 100 on Linux

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

// ---------- relays ----------

interface Relay {
  kind: Kind;
  pid: number;
  port: number;
  /** websocket URL path for a raw socket on the room */
  rawPath: string;
  docName: string;
  key?: string;
  boardKey?: string;
  /** ours only: where its update batches spent their time so far (its SIGUSR2 stats line) */
  batchTimes?: () => Promise<BatchTimes>;
  meetingId?: string;
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function startRelay(kind: Kind, tickMs?: string): Promise<Relay> {
  const dir = mkdtempSync(path.join(tmpdir(), `svv-peers-${kind}-`));
  const port = await freePort();
  const common = { ...process.env, HOST: '127.0.0.1', PORT: String(port) };
  const [args, childEnv]: [string[], NodeJS.ProcessEnv] =
    kind === 'ours'
      ? [
          ['--import', 'tsx', 'server/index.ts'],
          {
            ...common,
            DATA_DIR: dir,
            DIST_DIR: path.join(dir, 'no-dist'),
            LOG_LEVEL: 'silent',
            // the benchmark's 300 sockets come from one address: raise the cap for it only
            MAX_CONNECTIONS_PER_ADDRESS: '5000',
            MAX_CONNECTIONS_PER_MEETING: '5000',
            ...(tickMs === undefined ? {} : { RELAY_TICK_MS: tickMs }),
          },
        ]
      : kind === 'reference'
        ? [[path.join(ROOT, 'node_modules/@y/websocket-server/src/server.js')], { ...common, YPERSISTENCE: dir }]
        : [['--import', 'tsx', 'bench/peers/hocuspocus-server.ts'], { ...common, DATA_DIR: dir }];
  const child: ChildProcess = spawn('taskset', ['-c', RELAY_CORE, process.execPath, ...RELAY_NODE_ARGS, ...args], {
    cwd: ROOT,
    env: childEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${kind} did not start:\n${output}`)), 30_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (/listening on port|running at/.test(output)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (c: Buffer) => (output += c.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${kind} exited with ${code}:\n${output}`));
    });
  });
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    }
    rmSync(dir, { recursive: true, force: true });
  };
  const relay: Relay = { kind, pid: child.pid!, port, rawPath: '/bench-room', docName: 'bench-room', stop };
  if (kind === 'ours') {
    relay.batchTimes = async () => {
      const seen = output.length;
      child.kill('SIGUSR2');
      for (let waited = 0; waited < 5000; waited += 10) {
        const line = /^stats (.*)$/m.exec(output.slice(seen));
        if (line) return JSON.parse(line[1]) as BatchTimes;
        await sleep(10);
      }
      throw new Error('ours did not answer SIGUSR2');
    };
  }
  if (kind === 'ours') {
    const res = await fetch(`http://127.0.0.1:${port}/api/meetings`, { method: 'POST', body: '{"title":"bench"}' });
    const created = (await res.json()) as { meetingId: string; facilitatorKey: string; boardKey: string };
    relay.meetingId = created.meetingId;
    relay.key = created.facilitatorKey;
    relay.boardKey = created.boardKey;
    relay.docName = created.meetingId;
    relay.rawPath = `/ws/${created.meetingId}?key=${encodeURIComponent(created.facilitatorKey)}`;
  } else if (kind === 'hocuspocus') {
    relay.rawPath = '/';
  }
  return relay;
}

function procStats(pid: number): { cpuSeconds: number; kernelSeconds: number; rssMb: number; peakRssMb: number } {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // utime and stime are fields 14 and 15 of the whole line (11 and 12 after the command)
  const cpuSeconds = (Number(fields[11]) + Number(fields[12])) / CLOCK_TICK;
  const kernelSeconds = Number(fields[12]) / CLOCK_TICK;
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (name: string) => Number(new RegExp(`${name}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
  return { cpuSeconds, kernelSeconds, rssMb: kb('VmRSS') / 1024, peakRssMb: kb('VmHWM') / 1024 };
}

/** CPU seconds per thread name (the main thread, libuv's pool, V8's workers), THREADS=1 only */
function threadSeconds(pid: number): Map<string, number> {
  const seconds = new Map<string, number>();
  for (const tid of readdirSync(`/proc/${pid}/task`)) {
    try {
      const stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
      const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const key = tid === String(pid) ? 'main' : name;
      seconds.set(key, (seconds.get(key) ?? 0) + (Number(fields[11]) + Number(fields[12])) / CLOCK_TICK);
    } catch {
      // the thread ended meanwhile
    }
  }
  return seconds;
}

// ---------- a minimal websocket client: reads and discards, answers pings ----------

class RawSocket {
  received = 0;
  /** websocket frames seen (the first header of each; a frame split across reads counts once) */
  frameCount = 0;
  private socket: net.Socket;
  private buffer = Buffer.alloc(0);
  private upgraded = false;
  readonly open: Promise<void>;

  constructor(port: number, target: string) {
    // one buffer per socket, reused for every read (no allocation per read); with LISTENER_READ_MS
    // the socket reads in batches, so 295 listeners do not make the probes wait for the generator
    const readInto = Buffer.alloc(64 * 1024);
    this.socket = net.connect({
      port,
      host: '127.0.0.1',
      onread: {
        buffer: readInto,
        callback: (bytes: number, buf: Uint8Array) => {
          this.onData(Buffer.from(buf.buffer, buf.byteOffset, bytes));
          return true;
        },
      },
    });
    this.socket.setNoDelay(true);
    let resolveOpen!: () => void;
    let rejectOpen!: (err: Error) => void;
    this.open = new Promise((resolve, reject) => {
      resolveOpen = resolve;
      rejectOpen = reject;
    });
    this.socket.on('connect', () => {
      this.socket.write(
        `GET ${target} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
          `Sec-WebSocket-Key: ${randomBytes(16).toString('base64')}\r\nSec-WebSocket-Version: 13\r\n\r\n`,
      );
    });
    this.socket.on('error', (err) => rejectOpen(err));
    this.onData = (chunk: Buffer) => {
      this.received += chunk.length;
      if (!this.upgraded) {
        this.buffer = Buffer.concat([this.buffer, chunk]);
        const end = this.buffer.indexOf('\r\n\r\n');
        if (end < 0) return;
        if (!this.buffer.subarray(0, 12).toString().includes('101')) return rejectOpen(new Error(this.buffer.toString()));
        this.upgraded = true;
        const rest = this.buffer.subarray(end + 4);
        this.buffer = Buffer.alloc(0);
        resolveOpen();
        if (rest.length) this.frames(rest);
        if (LISTENER_READ_MS > 0) this.readInBatches();
        return;
      }
      this.frames(chunk);
    };
  }

  private onData: (chunk: Buffer) => void = () => {};
  private batches: NodeJS.Timeout | null = null;

  /** Reads what has arrived every LISTENER_READ_MS, and nothing in between (the kernel holds it). */
  private readInBatches() {
    this.socket.pause();
    this.batches = setInterval(() => {
      this.socket.resume();
      setImmediate(() => this.socket.pause());
    }, LISTENER_READ_MS);
  }

  // skips payloads without copying them; only ping frames are read, to answer them
  private skip = 0;
  private frames(chunk: Buffer) {
    let data = chunk;
    if (this.skip > 0) {
      const n = Math.min(this.skip, data.length);
      this.skip -= n;
      data = data.subarray(n);
    }
    if (this.buffer.length) data = Buffer.concat([this.buffer, data]);
    this.buffer = Buffer.alloc(0);
    let offset = 0;
    while (offset < data.length) {
      if (data.length - offset < 2) break;
      const opcode = data[offset] & 0x0f;
      let length = data[offset + 1] & 0x7f;
      let header = 2;
      if (length === 126) {
        if (data.length - offset < 4) break;
        length = data.readUInt16BE(offset + 2);
        header = 4;
      } else if (length === 127) {
        if (data.length - offset < 10) break;
        length = Number(data.readBigUInt64BE(offset + 2));
        header = 10;
      }
      if (opcode === 0x9) {
        if (data.length - offset < header + length) break;
        this.sendFrame(0xa, data.subarray(offset + header, offset + header + length));
      }
      const available = data.length - offset - header;
      if (available < length) {
        if (available < 0) break;
        this.skip = length - available;
        this.frameCount++;
        return;
      }
      offset += header + length;
      this.frameCount++;
    }
    if (offset < data.length) this.buffer = Buffer.from(data.subarray(offset));
  }

  sendFrame(opcode: number, payload: Uint8Array) {
    const length = payload.length;
    const header = length < 126 ? Buffer.alloc(2 + 4) : length < 65536 ? Buffer.alloc(4 + 4) : Buffer.alloc(10 + 4);
    header[0] = 0x80 | opcode;
    if (length < 126) header[1] = 0x80 | length;
    else if (length < 65536) {
      header[1] = 0x80 | 126;
      header.writeUInt16BE(length, 2);
    } else {
      header[1] = 0x80 | 127;
      header.writeBigUInt64BE(BigInt(length), 2);
    }
    // a zero mask key: the payload goes as it is
    this.socket.write(Buffer.concat([header, payload]));
  }

  send(payload: Uint8Array) {
    if (this.upgraded && !this.socket.destroyed) this.sendFrame(0x2, payload);
  }

  close() {
    if (this.batches) clearInterval(this.batches);
    this.socket.destroy();
  }
}

// ---------- framing per protocol ----------

function frame(kind: Kind, docName: string, write: (e: encoding.Encoder) => void): Uint8Array {
  const e = encoding.createEncoder();
  // Hocuspocus names the document in every frame
  if (kind === 'hocuspocus') encoding.writeVarString(e, docName);
  write(e);
  return encoding.toUint8Array(e);
}

const updateFrame = (kind: Kind, docName: string, update: Uint8Array) =>
  frame(kind, docName, (e) => {
    encoding.writeVarUint(e, 0); // sync
    encoding.writeVarUint(e, 2); // update
    encoding.writeVarUint8Array(e, update);
  });

/** What a raw socket says first: Hocuspocus wants its auth message, then (like y-websocket) sync step 1. */
function hello(kind: Kind, docName: string): Uint8Array[] {
  const frames: Uint8Array[] = [];
  if (kind === 'hocuspocus') {
    frames.push(
      frame(kind, docName, (e) => {
        encoding.writeVarUint(e, 2); // auth
        encoding.writeVarUint(e, 0); // token
        encoding.writeVarString(e, 'bench');
      }),
    );
  }
  frames.push(
    frame(kind, docName, (e) => {
      encoding.writeVarUint(e, 0); // sync
      encoding.writeVarUint(e, 0); // step 1
      encoding.writeVarUint8Array(e, Y.encodeStateVector(new Y.Doc()));
    }),
  );
  return frames;
}

// ---------- probes: real clients that see every writer's edit ----------

interface Probe {
  doc: Y.Doc;
  synced: Promise<void>;
  destroy(): void;
}

function probe(relay: Relay): Probe {
  const doc = new Y.Doc();
  if (relay.kind === 'hocuspocus') {
    const websocketProvider = new HocuspocusProviderWebsocket({ url: `ws://127.0.0.1:${relay.port}`, WebSocketPolyfill: WebSocket });
    let resolveSynced!: () => void;
    const synced = new Promise<void>((resolve) => (resolveSynced = resolve));
    const provider = new HocuspocusProvider({
      websocketProvider,
      name: relay.docName,
      document: doc,
      token: 'bench',
      onSynced: () => resolveSynced(),
    });
    // a shared websocket provider is not attached by itself
    provider.attach();
    return {
      doc,
      synced,
      destroy() {
        provider.destroy();
        websocketProvider.destroy();
      },
    };
  }
  const serverUrl = relay.kind === 'ours' ? `ws://127.0.0.1:${relay.port}/ws` : `ws://127.0.0.1:${relay.port}`;
  const provider = new WebsocketProvider(serverUrl, relay.docName, doc, {
    params: relay.key ? { key: relay.key } : {},
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
  });
  const synced = new Promise<void>((resolve) => provider.once('sync', () => resolve()));
  return { doc, synced, destroy: () => provider.destroy() };
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

interface RunResult {
  label: string;
  kind: Kind;
  writers: number;
  /** updates per second the writers were asked for, all together */
  rate: number;
  /** (probe, writer) pairs whose last edit the probe did not hold DRAIN_SECONDS after the writers stopped */
  lost: number;
  /** relay CPU seconds per second measured */
  cpuPerSecond: number;
  /** the machine's 1-minute load average at the end of the run */
  load: number;
  samples: number;
  p50: number;
  p95: number;
  p99: number;
  cpuSeconds: number;
  /** of cpuSeconds, the time in the kernel (stime): mostly the writes to the sockets */
  kernelSeconds: number;
  rssMb: number;
  peakRssMb: number;
  generatorCpuSeconds: number;
  edits: number;
  seconds: number;
  /** websocket frames each listener received per second: how much the relay batched */
  framesPerSecond: number;
}

async function connectAll<T extends { open: Promise<void> }>(items: T[], batch = 50) {
  for (let i = 0; i < items.length; i += batch) await Promise.all(items.slice(i, i + batch).map((s) => s.open));
}

/** the relay's kernel time per websocket frame it wrote to a listener (mostly the kernel's send) */
function kernelMicrosPerWrite(r: RunResult): number {
  return (r.kernelSeconds * 1e6) / (r.framesPerSecond * r.seconds * SOCKETS);
}

/** `writers` writers, `rate` updates a second between them, measured for `measureSeconds` */
async function runLoad(label: string, writers: number, rate: number, warmupSeconds: number, measureSeconds: number): Promise<RunResult> {
  const intervalMs = (1000 * writers) / rate;
  const kind = kindOf(label);
  const relay = await startRelay(kind, label.split('@')[1]);
  const raws: RawSocket[] = [];
  const probes: Probe[] = [];
  const timers: NodeJS.Timeout[] = [];
  try {
    for (let i = 0; i < SOCKETS - PROBES; i++) raws.push(new RawSocket(relay.port, relay.rawPath));
    await connectAll(raws);
    for (const socket of raws) for (const f of hello(kind, relay.docName)) socket.send(f);
    for (let i = 0; i < PROBES; i++) probes.push(probe(relay));
    await Promise.race([Promise.all(probes.map((p) => p.synced)), sleep(20_000).then(() => Promise.reject(new Error(`${kind}: probes did not sync`)))]);

    let measuring = false;
    // an edit counts if it was sent in the measured window, whenever it is seen (a relay that falls
    // behind shows its late edits after the window)
    let windowStart = Infinity;
    let windowEnd = Infinity;
    const samples: number[] = [];
    for (const p of probes) {
      const map = p.doc.getMap<number>('bench');
      map.observe((event) => {
        const now = performance.now();
        for (const key of event.keysChanged) {
          const sent = map.get(key);
          if (typeof sent === 'number' && sent >= windowStart && sent <= windowEnd) samples.push(now - sent);
        }
      });
    }
    const last: number[] = new Array(writers).fill(-1);
    // each writer its own small doc and client id: its updates depend only on its own earlier ones
    let edits = 0;
    for (let w = 0; w < writers; w++) {
      const socket = raws[w];
      const doc = new Y.Doc();
      const map = doc.getMap<number>('bench');
      doc.on('update', (update: Uint8Array) => socket.send(updateFrame(kind, relay.docName, update)));
      const start = setTimeout(() => {
        timers.push(
          setInterval(() => {
            const now = performance.now();
            map.set(`w${w}`, now);
            last[w] = now;
            if (measuring) edits++;
          }, intervalMs),
        );
      }, Math.random() * intervalMs);
      timers.push(start);
    }
    await sleep(warmupSeconds * 1000);
    const before = procStats(relay.pid);
    const framesBefore = raws.reduce((sum, r) => sum + r.frameCount, 0);
    const batchesBefore = await relay.batchTimes?.();
    const threadsBefore = THREADS ? threadSeconds(relay.pid) : undefined;
    const generatorBefore = process.cpuUsage();
    measuring = true;
    windowStart = performance.now();
    await sleep(measureSeconds * 1000);
    measuring = false;
    windowEnd = performance.now();
    const after = procStats(relay.pid);
    const load = loadavg()[0];
    const batchesAfter = await relay.batchTimes?.();
    if (batchesBefore && batchesAfter) {
      const n = batchesAfter.batches - batchesBefore.batches;
      const each = (key: 'batchWaitMs' | 'batchStoreMs' | 'batchFanOutMs') => ((batchesAfter[key] - batchesBefore[key]) / n).toFixed(2);
      console.log(
        `  ${label}, ${rate}/s: ${(n / measureSeconds).toFixed(0)} batches/s of ${((batchesAfter.batchedUpdates - batchesBefore.batchedUpdates) / n).toFixed(2)} updates; ` +
          `mean per batch: waited ${each('batchWaitMs')} ms, stored in ${each('batchStoreMs')} ms, written to ${SOCKETS} sockets in ${each('batchFanOutMs')} ms; ${(batchesAfter.heldBatches ?? 0) - (batchesBefore.heldBatches ?? 0)} held for the tick (loop busy)`,
      );
    }
    if (threadsBefore) {
      const parts = [...threadSeconds(relay.pid)].map(([name, s]) => `${name} ${(s - (threadsBefore.get(name) ?? 0)).toFixed(2)} s`);
      console.log(`  ${kind}, ${writers} writers, CPU by thread: ${parts.join(', ')}`);
    }
    const generator = process.cpuUsage(generatorBefore);
    // the writers stop; every probe must come to hold every writer's last edit
    for (const t of timers) clearInterval(t);
    const missing = () => probes.reduce((n, p) => n + last.filter((v, w) => v >= 0 && p.doc.getMap<number>('bench').get(`w${w}`) !== v).length, 0);
    for (let waited = 0; waited < DRAIN_SECONDS * 1000 && missing() > 0; waited += 50) await sleep(50);
    const lost = missing();
    samples.sort((a, b) => a - b);
    return {
      label,
      kind,
      writers,
      rate,
      lost,
      load,
      seconds: measureSeconds,
      cpuPerSecond: (after.cpuSeconds - before.cpuSeconds) / measureSeconds,
      framesPerSecond: (raws.reduce((sum, r) => sum + r.frameCount, 0) - framesBefore) / raws.length / measureSeconds,
      samples: samples.length,
      p50: percentile(samples, 50),
      p95: percentile(samples, 95),
      p99: percentile(samples, 99),
      cpuSeconds: after.cpuSeconds - before.cpuSeconds,
      kernelSeconds: after.kernelSeconds - before.kernelSeconds,
      rssMb: after.rssMb,
      peakRssMb: after.peakRssMb,
      generatorCpuSeconds: (generator.user + generator.system) / 1e6,
      edits,
    };
  } finally {
    for (const t of timers) clearInterval(t);
    for (const p of probes) p.destroy();
    for (const s of raws) s.close();
    await relay.stop();
  }
}

// ---------- awareness: idle phones ----------

interface AwarenessResult {
  kind: Kind;
  /** states the console and the board hold at the end (fewest of the two): phones + 2 when none timed out */
  seenByShown: number;
  messagesPerSecond: number;
  bytesPerSecond: number;
  cpuSeconds: number;
}

async function runAwareness(kind: 'ours' | 'reference'): Promise<AwarenessResult> {
  const relay = await startRelay(kind);
  const providers: WebsocketProvider[] = [];
  let counting = false;
  let messages = 0;
  let bytes = 0;
  // every frame the relay sends a phone, counted where it arrives
  class CountingSocket extends WebSocket {
    constructor(url: string, protocols?: string | string[]) {
      super(url, protocols);
      // y-websocket switches binaryType to arraybuffer after construction
      this.on('message', (data: Buffer | ArrayBuffer) => {
        const view = data instanceof ArrayBuffer ? new Uint8Array(data) : data;
        if (counting && view[0] === 1) {
          messages++;
          bytes += view.byteLength;
        }
      });
    }
  }
  try {
    const keys: { key: string; participantId: string }[] = [];
    if (kind === 'ours') {
      for (let i = 0; i < AWARENESS_PHONES; i++) {
        const res = await fetch(`http://127.0.0.1:${relay.port}/api/meetings/${relay.meetingId}/participants`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ name: `Deltagare ${i}`, organisation: 'Kommun' }),
        });
        const joined = (await res.json()) as { participantId: string; participantKey: string };
        keys.push({ key: joined.participantKey, participantId: joined.participantId });
      }
    }
    const serverUrl = kind === 'ours' ? `ws://127.0.0.1:${relay.port}/ws` : `ws://127.0.0.1:${relay.port}`;
    const synced: Promise<void>[] = [];
    const open = (key: string | undefined, state: Record<string, unknown>) => {
      const provider = new WebsocketProvider(serverUrl, relay.docName, new Y.Doc(), {
        params: kind === 'ours' && key ? { key } : {},
        WebSocketPolyfill: CountingSocket as unknown as typeof globalThis.WebSocket,
        disableBc: true,
      });
      provider.awareness.setLocalState(state);
      synced.push(new Promise((resolve) => provider.once('sync', () => resolve())));
      providers.push(provider);
      return provider;
    };
    // the devices that show presence: the facilitator's console and the projected board
    const shown = [
      open(relay.key, { role: 'facilitator', participantId: null }),
      open(relay.boardKey, { role: 'board', participantId: null }),
    ];
    for (let i = 0; i < AWARENESS_PHONES; i++) {
      // what the app sets on a phone
      open(keys[i]?.key, { role: 'participant', participantId: keys[i]?.participantId ?? `p${i}` });
      if (i % 50 === 49) await sleep(200);
    }
    await Promise.all(synced);
    await sleep(3000);
    const before = procStats(relay.pid);
    counting = true;
    await sleep(AWARENESS_SECONDS * 1000);
    counting = false;
    const after = procStats(relay.pid);
    // the console and the board must still see every phone: none timed out (y-protocols drops a state after 30 s unrenewed)
    const seenByShown = Math.min(...shown.map((p) => p.awareness.getStates().size));
    return {
      kind,
      seenByShown,
      messagesPerSecond: messages / AWARENESS_SECONDS,
      bytesPerSecond: bytes / AWARENESS_SECONDS,
      cpuSeconds: after.cpuSeconds - before.cpuSeconds,
    };
  } finally {
    for (const p of providers) p.destroy();
    await relay.stop();
  }
}

// ---------- report ----------

const ms = (v: number) => `${v.toFixed(1)} ms`;

async function main() {
  // hundreds of providers in this process each add an exit listener
  process.setMaxListeners(0);
  const started = Date.now();
  const deadline = setTimeout(() => {
    console.error('bench: deadline reached');
    process.exit(2);
  }, 40 * 60_000);
  deadline.unref();
  await busyMachine(BUSY);
  console.log(`machine: ${cpus().length} cores, ${cpus()[0]?.model}, Node ${process.version}, load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  if (BUSY > 0) console.log(`busy: ${BUSY} processes spinning beside the relays and this generator`);
  console.log(`relays pinned to core ${RELAY_CORE} (taskset); ${SOCKETS} sockets in one room, ${PROBES} of them probes\n`);
  const line = (r: RunResult) =>
    `${r.label.padEnd(10)} ${String(r.rate).padStart(5)}/s (${r.writers} writers): edit→visible p50 ${ms(r.p50)}, p95 ${ms(r.p95)}, p99 ${ms(r.p99)} ` +
    `(${r.samples} samples of ${r.edits} edits${r.lost ? `, ${r.lost} last edits MISSING ${DRAIN_SECONDS} s after the writers stopped` : ', none lost'}); relay CPU ${r.cpuPerSecond.toFixed(2)} s/s ` +
    `(kernel ${r.kernelSeconds.toFixed(2)} s: ${kernelMicrosPerWrite(r).toFixed(1)} µs per frame written, user ${(((r.cpuSeconds - r.kernelSeconds) * 1e6) / (r.framesPerSecond * r.seconds * SOCKETS)).toFixed(1)} µs), ` +
    `RSS ${r.rssMb.toFixed(0)} MB; generator CPU ${(r.generatorCpuSeconds / r.seconds).toFixed(2)} s/s; ${r.framesPerSecond.toFixed(0)} frames/s per listener; load average ${r.load.toFixed(1)}`;
  const median = (values: number[]) => {
    const sorted = [...values].sort((x, y) => x - y);
    const mid = Math.floor(sorted.length / 2);
    return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  };
  const peerKinds = (['reference', 'hocuspocus'] as Kind[]).filter((k) => RELAYS.includes(k));
  const ourLabels = RELAYS.filter((l) => kindOf(l) === 'ours');

  if (REGIMES.includes('unsaturated')) {
    const rate = WRITERS * 2;
    console.log(`== unsaturated: ${WRITERS} writers at 2/s (${rate} updates/s), ${MEASURE_SECONDS} s measured after ${WARMUP_SECONDS} s, ${ROUNDS} rounds\n`);
    const results: RunResult[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      for (const label of RELAYS) {
        const r = await runLoad(label, WRITERS, rate, WARMUP_SECONDS, MEASURE_SECONDS);
        results.push(r);
        console.log(`round ${round + 1} ${line(r)}`);
      }
    }
    const pick = (label: string) => results.filter((r) => r.label === label);
    console.log(`\nmedians of ${ROUNDS} rounds (load average ${results.map((r) => r.load.toFixed(1)).join(', ')}):`);
    console.log('| relay | p50 | p95 | p99 | relay CPU s/s | frames/s per listener | lost |');
    for (const label of RELAYS) {
      const rs = pick(label);
      console.log(
        `| ${label} | ${ms(median(rs.map((r) => r.p50)))} | ${ms(median(rs.map((r) => r.p95)))} | ${ms(median(rs.map((r) => r.p99)))} | ` +
          `${median(rs.map((r) => r.cpuPerSecond)).toFixed(2)} | ${median(rs.map((r) => r.framesPerSecond)).toFixed(0)} | ${rs.reduce((n, r) => n + r.lost, 0)} |`,
      );
    }
    for (const label of ourLabels) {
      const ours = pick(label);
      if (!peerKinds.length) continue;
      const oursP95 = median(ours.map((r) => r.p95));
      const lowestPeerP95 = Math.min(...peerKinds.map((k) => median(pick(k).map((r) => r.p95))));
      console.log(`  p95 ${label} / lower peer: ${(oursP95 / lowestPeerP95).toFixed(2)} (budget ≤ 0.9)`);
      for (const k of peerKinds) {
        const ratio = median(ours.map((r) => r.cpuPerSecond)) / median(pick(k).map((r) => r.cpuPerSecond));
        console.log(`  CPU ${label} / ${k}: ${ratio.toFixed(2)}${k === 'hocuspocus' ? ' (budget ≤ 0.9)' : ''}`);
      }
      console.log(`  ${label} lost: ${ours.reduce((n, r) => n + r.lost, 0)} (budget 0)`);
    }
    console.log('');
  }

  if (REGIMES.includes('saturated')) {
    console.log(`== saturated: ${SAT_WRITERS} writers, total rate raised ${RATES.join(' → ')} updates/s; a relay leaves at p95 > ${LIMIT_MS} ms or a lost edit; ${SAT_MEASURE_SECONDS} s measured after ${SAT_WARMUP_SECONDS} s, ${ROUNDS} rounds\n`);
    const curve: RunResult[] = [];
    const capacities = new Map<string, number[]>(RELAYS.map((l) => [l, []]));
    for (let round = 0; round < ROUNDS; round++) {
      const passed = new Map<string, number>(RELAYS.map((l) => [l, 0]));
      let going = [...RELAYS];
      for (const rate of RATES) {
        if (going.length === 0) break;
        for (const label of going) {
          const r = await runLoad(label, SAT_WRITERS, rate, SAT_WARMUP_SECONDS, SAT_MEASURE_SECONDS);
          curve.push(r);
          const ok = r.p95 <= LIMIT_MS && r.lost === 0;
          console.log(`round ${round + 1} ${line(r)}${ok ? '' : '  ← over'}`);
          if (ok) passed.set(label, rate);
        }
        going = going.filter((l) => passed.get(l) === rate);
      }
      for (const l of RELAYS) capacities.get(l)!.push(passed.get(l)!);
    }
    console.log('\ncurve (median of the rounds that reached the step; p95 / relay CPU s/s / frames per listener):');
    console.log(`| updates/s | ${RELAYS.join(' | ')} |`);
    for (const rate of RATES) {
      const cells = RELAYS.map((l) => {
        const rs = curve.filter((r) => r.label === l && r.rate === rate);
        if (!rs.length) return '—';
        const over = rs.filter((r) => r.p95 > LIMIT_MS || r.lost > 0).length;
        return `${ms(median(rs.map((r) => r.p95)))} / ${median(rs.map((r) => r.cpuPerSecond)).toFixed(2)} / ${median(rs.map((r) => r.framesPerSecond)).toFixed(0)}${over ? ` (${over} of ${rs.length} over)` : ''}`;
      });
      if (cells.every((c) => c === '—')) continue;
      const loads = curve.filter((r) => r.rate === rate).map((r) => r.load.toFixed(1));
      console.log(`| ${rate} | ${cells.join(' | ')} | load ${loads.join(', ')}`);
    }
    console.log(`\ncapacity (highest rate passed; per round, then the median):`);
    for (const l of RELAYS) console.log(`  ${l}: ${capacities.get(l)!.join(', ')} → ${median(capacities.get(l)!)} updates/s`);
    for (const label of ourLabels) {
      for (const k of peerKinds) {
        const theirs = median(capacities.get(k)!);
        const ours = median(capacities.get(label)!);
        const ratio = theirs > 0 ? (ours / theirs).toFixed(2) : ours > 0 ? `> ${(ours / RATES[0]).toFixed(2)} (${k} passed no step)` : 'none (neither passed the first step)';
        console.log(`  capacity ${label} / ${k}: ${ratio} (budget ≥ 1.5)`);
      }
    }
    const maxed = ourLabels.filter((l) => capacities.get(l)!.some((c) => c === RATES[RATES.length - 1]));
    if (maxed.length) console.log(`  (${maxed.join(', ')} passed the last step in some round: its capacity is at least that, RATES could go higher)`);
    console.log('');
  }
  if (AWARENESS_SECONDS > 0 && RELAYS.includes('ours') && RELAYS.includes('reference')) {
    const aware: AwarenessResult[] = [];
    for (const kind of ['ours', 'reference'] as const) {
      const r = await runAwareness(kind);
      aware.push(r);
      console.log(
        `awareness ${kind.padEnd(10)} ${AWARENESS_PHONES} idle phones, ${AWARENESS_SECONDS} s: ${r.messagesPerSecond.toFixed(0)} messages/s, ` +
          `${(r.bytesPerSecond / 1024).toFixed(1)} KB/s outbound; relay CPU ${r.cpuSeconds.toFixed(2)} s; console and board see ${r.seenByShown} states`,
      );
    }
    const [ours, reference] = aware;
    console.log(
      `  ratio ours / reference: messages ${(ours.messagesPerSecond / reference.messagesPerSecond).toFixed(3)}, bytes ${(ours.bytesPerSecond / reference.bytesPerSecond).toFixed(3)} (budget ≤ 0.10)`,
    );
  }
  console.log(`\ntotal ${((Date.now() - started) / 1000).toFixed(0)} s; load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  process.exit(0);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
