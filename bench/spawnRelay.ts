// What the relay benchmarks share: the relay as its own process (exactly `npm start`'s server)
// on 127.0.0.1, a deadline that stops a run that hangs, and the relay's CPU from /proc.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface BenchRelay {
  process: ChildProcess;
  port: number;
  base: string;
  wsUrl: string;
  /** relay CPU (utime + stime) so far, in ms */
  cpuMs(): Promise<number>;
  stop(): Promise<void>;
}

export async function spawnBenchRelay(sockets: number, deadlineMs: number, env: Record<string, string> = {}): Promise<BenchRelay> {
  const dataDir = await mkdtemp(join(tmpdir(), 'svv-bench-'));
  const relay = spawn(process.execPath, ['--import', 'tsx', 'server/index.ts'], {
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      LOG_LEVEL: 'silent',
      MAX_CONNECTIONS_PER_ADDRESS: String(sockets + 10),
      MAX_CONNECTIONS_PER_MEETING: String(sockets + 10),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const hardStop = setTimeout(() => {
    console.error('bench: deadline reached, stopping');
    relay.kill('SIGKILL');
    process.exit(2);
  }, deadlineMs);
  const port = await new Promise<number>((resolve, reject) => {
    let out = '';
    relay.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      const m = /listening on port (\d+)/.exec(out);
      if (m) resolve(Number(m[1]));
    });
    relay.once('exit', (code) => reject(new Error(`relay exited ${code}`)));
  });
  return {
    process: relay,
    port,
    base: `http://127.0.0.1:${port}`,
    wsUrl: `ws://127.0.0.1:${port}/ws`,
    cpuMs: () => relayCpuMs(relay.pid!),
    async stop() {
      clearTimeout(hardStop);
      relay.kill('SIGTERM');
      await new Promise((r) => relay.once('exit', r));
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** utime + stime of a process from /proc, in ms (Linux; USER_HZ is 100). */
export async function relayCpuMs(pid: number): Promise<number> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
}
