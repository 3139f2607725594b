// A throw-away PostgreSQL cluster for tests: initdb in a temp dir (as the `postgres` user when we
// are root, since initdb refuses root), started on a free loopback port, stopped and removed at the
// end. Needs Debian's postgresql package (PG_BIN, default /usr/lib/postgresql/15/bin).
import { execFile } from 'node:child_process';
import { chown, mkdtemp, readdir, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';

const run = promisify(execFile);

/**
 * The test cluster's free list of relay schemas: migrated, used by a test relay, then emptied
 * (tests/relay/helpers.ts hands them to the next relay instead of a new schema and migrations).
 */
export const FREE_SCHEMAS = 'public.test_free_schemas';

/** Makes the free list (once per run, before any test). */
export async function prepareTestCluster(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`CREATE TABLE IF NOT EXISTS ${FREE_SCHEMAS} (name text PRIMARY KEY)`);
  } finally {
    await client.end();
  }
}

export interface PgCluster {
  /** postgres://app@127.0.0.1:<port>/postgres */
  url: string;
  port: number;
  stop(): Promise<void>;
}

async function pgBin(): Promise<string> {
  if (process.env.PG_BIN) return process.env.PG_BIN;
  const versions = (await readdir('/usr/lib/postgresql').catch(() => [] as string[])).sort((a, b) => Number(b) - Number(a));
  if (versions.length === 0) throw new Error('PostgreSQL is not installed (apt-get install postgresql), or set PG_BIN');
  return `/usr/lib/postgresql/${versions[0]}/bin`;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export async function startPgCluster(): Promise<PgCluster> {
  const bin = await pgBin();
  const dir = await mkdtemp(path.join(tmpdir(), 'svv-pg-'));
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    const { stdout } = await run('id', ['-u', 'postgres']);
    const { stdout: gid } = await run('id', ['-g', 'postgres']);
    await chown(dir, Number(stdout.trim()), Number(gid.trim()));
  }
  const sh = (command: string) => (asRoot ? run('su', ['postgres', '-s', '/bin/sh', '-c', command]) : run('/bin/sh', ['-c', command]));
  const data = `${dir}/data`;
  await sh(`${bin}/initdb -D ${data} -A trust -U app -E UTF8 --no-sync >${dir}/initdb.log 2>&1`);
  for (let attempt = 0; ; attempt++) {
    const port = await freePort();
    // a test cluster: durability is the relay's business, not this disk's (fsync off keeps it quick)
    const options = `-k ${dir} -p ${port} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off -c max_connections=300`;
    try {
      await sh(`${bin}/pg_ctl -D ${data} -o '${options}' -l ${dir}/log -w -t 30 start >/dev/null`);
    } catch (err) {
      if (attempt < 3) continue;
      throw err;
    }
    let stopped = false;
    return {
      port,
      url: `postgres://app@127.0.0.1:${port}/postgres`,
      async stop() {
        if (stopped) return;
        stopped = true;
        await sh(`${bin}/pg_ctl -D ${data} -m immediate -w stop >/dev/null`).catch(() => {});
        await rm(dir, { recursive: true, force: true });
      },
    };
  }
}
