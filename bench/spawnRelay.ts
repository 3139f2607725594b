// What the relay benchmarks share: the relay as its own process (exactly `npm start`'s server)
// on 127.0.0.1, a deadline that stops a run that hangs, and the relay's CPU, RSS and counters.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BatchTimes } from '../server/relay/rooms';

/** What the relay prints on SIGUSR2 (server/index.ts): counts only. */
export interface RelayStats extends BatchTimes {
  docsInMemory: number;
  sockets: number;
  awarenessEntries: number;
  pendingBytes: number;
  bufferedBytes: number;
  unsentBytes: number;
  /** referenced timers in the process (Node's getActiveResourcesInfo) */
  timers: number;
  rssBytes: number;
  /** V8 heap in use; after a collection when the relay runs with --expose-gc (LaunchOptions.exposeGc) */
  heapUsedBytes: number;
  /** memory V8 knows of outside its heap (buffers); RSS minus heap and this is native (LevelDB, malloc) */
  externalBytes: number;
  /** V8 heap committed (all spaces): what the heap takes of RSS, used or not */
  heapTotalBytes: number;
  /** ArrayBuffers and Buffers (part of external) */
  arrayBuffersBytes: number;
  /** per V8 heap space: committed and used bytes */
  spaces: Record<string, { committedBytes: number; usedBytes: number }>;
  /** private docs no socket holds, kept loaded for their grace period */
  warmDocs?: number;
  /** docs read from the store since start */
  storeLoads?: number;
}

export interface LaunchedRelay {
  process: ChildProcess;
  pid: number;
  port: number;
  base: string;
  wsUrl: string;
  dataDir: string;
  /** resolves with the exit code or signal */
  exited: Promise<number | string | null>;
  /** relay CPU (utime + stime) so far, in ms */
  cpuMs(): Promise<number>;
  /** resident memory now, in MB, from /proc */
  rssMb(): Promise<number>;
  stats(): Promise<RelayStats>;
  /** SIGKILL, no shutdown: what a crash or the OOM killer does */
  kill9(): Promise<void>;
  /** SIGTERM and wait; the data directory stays */
  stop(): Promise<void>;
  /** stop, then remove the data directory */
  dispose(): Promise<void>;
}

export interface LaunchOptions {
  /** a fixed port, so clients reconnect to the same address after a restart; 0 picks one */
  port?: number;
  /** a data directory to reuse (a restart); a fresh temp one otherwise */
  dataDir?: string;
  env?: Record<string, string>;
  /** node --expose-gc: the stats line then collects garbage first (no effect on anything else) */
  exposeGc?: boolean;
}

export async function launchRelay(options: LaunchOptions = {}): Promise<LaunchedRelay> {
  const dataDir = options.dataDir ?? (await mkdtemp(join(tmpdir(), 'svv-bench-')));
  const relay = spawn(process.execPath, [...(options.exposeGc ? ['--expose-gc'] : []), '--import', 'tsx', 'server/index.ts'], {
    env: {
      ...process.env,
      PORT: String(options.port ?? 0),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      DIST_DIR: join(dataDir, 'no-dist'),
      LOG_LEVEL: 'silent',
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise<number | string | null>((resolve) => relay.once('exit', (code, signal) => resolve(code ?? signal)));
  const statsWaiters: ((s: RelayStats) => void)[] = [];
  let out = '';
  const port = await new Promise<number>((resolve, reject) => {
    relay.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      let newline: number;
      while ((newline = out.indexOf('\n')) >= 0) {
        const line = out.slice(0, newline);
        out = out.slice(newline + 1);
        if (line.startsWith('stats ')) statsWaiters.shift()?.(JSON.parse(line.slice(6)) as RelayStats);
        else if (line.startsWith('listening on port')) resolve(Number(line.split(' ').pop()));
      }
    });
    void exited.then((code) => reject(new Error(`relay exited ${code}`)));
  });
  const pid = relay.pid!;
  const stop = async () => {
    if (relay.exitCode === null && relay.signalCode === null) relay.kill('SIGTERM');
    await exited;
  };
  return {
    process: relay,
    pid,
    port,
    base: `http://127.0.0.1:${port}`,
    wsUrl: `ws://127.0.0.1:${port}/ws`,
    dataDir,
    exited,
    cpuMs: () => relayCpuMs(pid),
    rssMb: () => rssMb(pid),
    stats: () =>
      new Promise<RelayStats>((resolve) => {
        statsWaiters.push(resolve);
        relay.kill('SIGUSR2');
      }),
    async kill9() {
      relay.kill('SIGKILL');
      await exited;
    },
    stop,
    async dispose() {
      await stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

export interface BenchRelay extends LaunchedRelay {
  /** stops the relay and removes its data directory */
  stop(): Promise<void>;
}

export async function spawnBenchRelay(sockets: number, deadlineMs: number, env: Record<string, string> = {}): Promise<BenchRelay> {
  const relay = await launchRelay({
    env: {
      MAX_CONNECTIONS_PER_ADDRESS: String(sockets + 10),
      MAX_CONNECTIONS_PER_MEETING: String(sockets + 10),
      ...env,
    },
  });
  const hardStop = setTimeout(() => {
    console.error('bench: deadline reached, stopping');
    relay.process.kill('SIGKILL');
    process.exit(2);
  }, deadlineMs);
  return {
    ...relay,
    async stop() {
      clearTimeout(hardStop);
      await relay.dispose();
    },
  };
}

/** utime + stime of a process from /proc, in ms (Linux; USER_HZ is 100). */
export async function relayCpuMs(pid: number): Promise<number> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
}

/** VmRSS of a process from /proc, in MB. */
export async function rssMb(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}
