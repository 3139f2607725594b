// The shipped HAProxy configuration (deploy/haproxy.cfg) run for real in front of relay processes
// on loopback: only the listening address and the instances' addresses are changed.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { ROOT, waitFor } from './helpers';

export const SHIPPED_CONFIG = path.join(ROOT, 'deploy', 'haproxy.cfg');

/** Fails with what to do when Debian's haproxy is not there (.ci/run installs it). */
export function requireHaproxy(): string {
  const run = spawnSync('haproxy', ['-v'], { encoding: 'utf8' });
  if (run.error || run.status !== 0) {
    throw new Error('haproxy is not installed: run "apt-get install -y haproxy" (Debian 12 gives 2.6; .ci/run installs it)');
  }
  return run.stdout.split('\n')[0];
}

/** A port nobody listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/**
 * The shipped file with `bind :8080` on 127.0.0.1:<listenPort> and its `server app1 app1:8080 …`
 * lines repeated for each instance port. Throws when the file no longer has that shape, so a
 * change to it cannot silently leave the test running something else.
 */
export function configFor(shipped: string, listenPort: number, instancePorts: number[]): string {
  const lines = shipped.split('\n');
  const binds = lines.filter((line) => /^\s*bind :8080\s*$/.test(line));
  if (binds.length !== 1) throw new Error('deploy/haproxy.cfg: expected one "bind :8080" line');
  const out: string[] = [];
  let servers = 0;
  for (const line of lines) {
    if (/^\s*bind :8080\s*$/.test(line)) {
      out.push(line.replace(':8080', `127.0.0.1:${listenPort}`));
      continue;
    }
    const server = /^(\s*)server app(\d+) app\2:8080(.*)$/.exec(line);
    if (!server) {
      out.push(line);
      continue;
    }
    if (server[2] !== '1') continue;
    servers++;
    instancePorts.forEach((port, i) => {
      const rest = server[3].replace(/\/app1\b/g, `/app${i + 1}`);
      out.push(`${server[1]}server app${i + 1} 127.0.0.1:${port}${rest}`);
    });
  }
  if (servers < 3) throw new Error('deploy/haproxy.cfg: expected "server app1 app1:8080" in each of its backends');
  return out.join('\n');
}

export interface RunningHaproxy {
  port: number;
  url: string;
  wsBase: string;
  output(): string;
  stop(): Promise<void>;
}

/** `logTraffic`: the global log line at info, so each request's log line comes to `output()` too. */
export async function startHaproxy(instancePorts: number[], configFile: string, options: { logTraffic?: boolean } = {}): Promise<RunningHaproxy> {
  const port = await freePort();
  let config = configFor(readFileSync(SHIPPED_CONFIG, 'utf8'), port, instancePorts);
  if (options.logTraffic) {
    if (!/^\s*log stdout format raw local0 notice$/m.test(config)) throw new Error('deploy/haproxy.cfg: expected "log stdout format raw local0 notice"');
    config = config.replace(/^(\s*log stdout format raw local0) notice$/m, '$1 info');
  }
  // HAPROXY_LOG=info: one line per request too (which instance, status, timings, termination state)
  if (process.env.HAPROXY_LOG === 'info') config = config.replace(/^(\s*log stdout format raw local0) notice$/m, '$1 info');
  writeFileSync(configFile, config);
  const check = spawnSync('haproxy', ['-c', '-f', configFile], { encoding: 'utf8' });
  if (check.status !== 0) throw new Error(`haproxy rejects the configuration:\n${check.stdout}${check.stderr}`);
  // -db: in the foreground, no daemon; its log lines (and server state changes) come to us
  const child: ChildProcess = spawn('haproxy', ['-db', '-f', configFile], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  await waitFor(
    () =>
      new Promise<boolean>((resolve) => {
        const socket = net.connect(port, '127.0.0.1');
        socket.once('connect', () => {
          socket.destroy();
          resolve(true);
        });
        socket.once('error', () => resolve(false));
      }),
    { timeout: 10_000, message: `haproxy listening on ${port}` },
  ).catch((err: Error) => {
    child.kill('SIGKILL');
    throw new Error(`${err.message}\n${output}`);
  });
  return {
    port,
    url: `http://127.0.0.1:${port}`,
    wsBase: `ws://127.0.0.1:${port}`,
    output: () => output,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        await exited;
      }
    },
  };
}
