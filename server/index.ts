// Entry point: config from env, start, print where to connect, shut down cleanly on signals.
import path from 'node:path';
import v8 from 'node:v8';
import { configFromEnv } from './config';
import { startServer } from './app';
import { createLogger } from './log';
import { redactUrl } from './store/postgres';

const config = configFromEnv();
const log = createLogger(config.logLevel);
// Under steady load V8 lets the heap grow up to 4× what lives in it before a full collection, and
// keeps those pages: the soak's RSS climbed ~10 MB a minute with the heap after GC flat at 40–47 MB
// (bench/RESULTS.md, issue 21). A fixed factor keeps the heap, and RSS, near what is live.
if (config.heapGrowingPercent > 0) v8.setFlagsFromString(`--heap-growing-percent=${config.heapGrowingPercent}`);

// one bad socket must never take the meeting down: log and keep serving
process.on('uncaughtException', (err) => log.error('uncaught exception', { err: String(err?.stack ?? err) }));
process.on('unhandledRejection', (err) =>
  log.error('unhandled rejection', { err: String(err instanceof Error ? err.stack : err) }),
);

const dev = process.argv.includes('--dev');
const server = await startServer(config, log, { dev }).catch((err: unknown) => {
  const cause = err instanceof Error && err.cause instanceof Error ? `: ${err.cause.message}` : '';
  const message = (err instanceof Error ? err.message : String(err)) + cause;
  process.stderr.write(`Could not start the relay: ${message}\n`);
  if (config.databaseUrl) {
    process.stderr.write(`Is PostgreSQL reachable at DATABASE_URL (${redactUrl(config.databaseUrl)}), and may this user create tables there?\n`);
    process.exit(1);
  }
  if (/lock/i.test(message)) process.stderr.write(`Is another relay already using ${path.resolve(config.dataDir)}?\n`);
  const code = (err as { code?: string } | null)?.code ?? (err instanceof Error ? (err.cause as { code?: string } | undefined)?.code : undefined);
  if (code && ['EACCES', 'EPERM', 'ENOTDIR', 'EROFS', 'EEXIST', 'ENOSPC'].includes(code)) {
    process.stderr.write(
      `DATA_DIR must be a directory this user can create and write: ${path.resolve(config.dataDir)} (${code}). ` +
        'Set DATA_DIR to another path or fix its owner and permissions.\n',
    );
  }
  process.exit(1);
});
const out = (line: string) => process.stdout.write(line + '\n');
out(`Samverkansverkstad relay started${dev ? ' (dev: client from the Vite dev server with hot reload)' : ''}`);
out(`listening on port ${server.port}`);
out(`Local: http://localhost:${server.port}`);
const allInterfaces = config.host === '0.0.0.0' || config.host === '::';
for (const url of server.lanUrls) out(`Phones on the same Wi-Fi: ${url}`);
if (server.lanUrls.length === 0) {
  out(allInterfaces ? 'Phones on the same Wi-Fi: no network interface found' : `Phones on the same Wi-Fi: not reachable, HOST=${config.host} binds to that address only`);
}
out(`Bound to ${config.host} (${allInterfaces ? 'all interfaces' : 'this address only'}), port ${server.port}`);
out(config.databaseUrl ? `Store: PostgreSQL at ${redactUrl(config.databaseUrl)} (meetings shared with every instance on it)` : `Data directory: ${path.resolve(config.dataDir)}`);

let stopping = false;
const stop = (signal: string) => {
  if (stopping) return;
  stopping = true;
  log.info(`${signal}: closing sockets and finishing writes`);
  const force = setTimeout(() => {
    log.error('shutdown took too long; exiting');
    process.exit(1);
  }, 10_000);
  force.unref();
  server.close().then(
    () => process.exit(0),
    (err) => {
      log.error('shutdown failed', { err: String(err) });
      process.exit(1);
    },
  );
};
process.on('SIGINT', () => stop('SIGINT'));
// the fault benchmarks ask a running relay what it still holds: counts only, never names or keys
process.on('SIGUSR2', () => {
  // run with --expose-gc, a benchmark can tell memory still held from garbage not yet collected
  (globalThis as { gc?: () => void }).gc?.();
  const timers = process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;
  // external: buffers and other memory V8 knows of outside its heap; the rest of RSS is native
  const { rss, heapUsed, heapTotal, external, arrayBuffers } = process.memoryUsage();
  // what V8 keeps committed per space, beside what lives in it: a heap that holds pages it no longer uses is told from a leak
  const spaces = Object.fromEntries(v8.getHeapSpaceStatistics().map((s) => [s.space_name, { committedBytes: s.physical_space_size, usedBytes: s.space_used_size }]));
  out(
    `stats ${JSON.stringify({ ...server.stats(), timers, rssBytes: rss, heapUsedBytes: heapUsed, heapTotalBytes: heapTotal, externalBytes: external, arrayBuffersBytes: arrayBuffers, spaces })}`,
  );
});
process.on('SIGTERM', () => stop('SIGTERM'));
