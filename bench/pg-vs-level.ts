// PostgreSQL against LevelDB, and one instance against two (issue 18). Starts a throw-away
// PostgreSQL and, on loopback only:
// 1. edit→visible at the 100-writer load: bench/peers.ts's load (300 sockets, 100 writing) on our
//    relay with LevelDB, then the same with DATABASE_URL (PEERS_SECONDS of measuring each);
// 2. meetings × phones: SIZES (meetings×phones, e.g. 20x20) behind HAProxy (the shipped config)
//    with one instance and with two sharing PostgreSQL; each phone a y-websocket client on its
//    meeting doc, each facilitator writing every WRITE_MS; edit→visible p50/p95 over every phone,
//    and whether p95 ≤ 50 ms.
//
//   npx tsx bench/pg-vs-level.ts       # PEERS_SECONDS=15 SIZES=20x20,40x20,80x20 WRITE_MS=1000 MEASURE_SECONDS=10
//
// Bounded (a deadline stops it), and every process it starts is stopped at the end.
import { spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { meetingDocName } from '../common/docNames';
import { startPgCluster } from '../tests/postgres/cluster';
import { connect, proxyApi, startCluster, type Client } from '../tests/postgres/clusterKit';
import { ROOT, freshDatabaseUrl, sleep, waitFor } from '../tests/relay/helpers';

const PEERS_SECONDS = Number(process.env.PEERS_SECONDS ?? 15);
const SIZES = (process.env.SIZES ?? '20x20,40x20,80x20').split(',').map((s) => s.split('x').map(Number) as [number, number]);
const WRITE_MS = Number(process.env.WRITE_MS ?? 1000);
const MEASURE_SECONDS = Number(process.env.MEASURE_SECONDS ?? 10);

process.setMaxListeners(0);

function peers(extraEnv: Record<string, string>): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'bench/peers.ts'], {
      cwd: ROOT,
      env: {
        ...process.env,
        WRITER_COUNTS: '100',
        ROUNDS: '1',
        MEASURE_SECONDS: String(PEERS_SECONDS),
        AWARENESS_SECONDS: '0',
        RELAYS: 'ours',
        ...extraEnv,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (out += c.toString()));
    child.once('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`peers.ts exited ${code}:\n${out}`))));
  });
}

const pct = (list: number[], p: number) => {
  const sorted = [...list].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
};

async function capacity(pgBase: string, instances: number, meetings: number, phones: number) {
  process.env.TEST_PG_URL = pgBase;
  const cluster = await startCluster(await freshDatabaseUrl(), instances);
  const clients: Client[] = [];
  try {
    const rooms: { fac: Client; phones: Client[] }[] = [];
    for (let m = 0; m < meetings; m++) {
      const created = await proxyApi(cluster, '/api/meetings', { title: `Kapacitet ${m}` });
      const keys: string[] = [];
      for (let p = 0; p < phones; p++) {
        for (let attempt = 0; ; attempt++) {
          const j = await proxyApi(cluster, `/api/meetings/${created.body.meetingId}/participants`, { name: `D ${p}`, organisation: 'Kommun' });
          if (j.status === 201) {
            keys.push(j.body.participantKey);
            break;
          }
          if (attempt > 5) throw new Error(`join ${j.status}`);
          await sleep(300);
        }
      }
      const name = meetingDocName(created.body.meetingId);
      const fac = connect(cluster, name, created.body.facilitatorKey);
      const ph = keys.map((k) => connect(cluster, name, k));
      clients.push(fac, ...ph);
      rooms.push({ fac, phones: ph });
    }
    await waitFor(async () => (await Promise.all(clients.map((c) => c.synced())), true), { timeout: 120_000, message: 'all synced' });
    const latencies: number[] = [];
    for (const r of rooms) {
      for (const p of r.phones) {
        p.doc.getMap('clusters').observe((e) => {
          const now = performance.now();
          for (const k of e.keysChanged) {
            const sent = Number(k.split(':')[1]);
            if (sent) latencies.push(now - sent);
          }
        });
      }
    }
    const end = performance.now() + MEASURE_SECONDS * 1000;
    let n = 0;
    // each meeting's facilitator writes every WRITE_MS, the meetings spread over the interval
    await Promise.all(
      rooms.map(async (r, i) => {
        await sleep((i * WRITE_MS) / rooms.length);
        while (performance.now() < end) {
          r.fac.doc.getMap('clusters').set(`e${n++}:${performance.now()}`, 1);
          await sleep(WRITE_MS);
        }
      }),
    );
    await sleep(1000);
    return { p50: pct(latencies, 50), p95: pct(latencies, 95), samples: latencies.length, sockets: clients.length };
  } finally {
    for (const c of clients) c.provider.destroy();
    await cluster.stop();
  }
}

async function main() {
  const pg = await startPgCluster();
  const deadline = setTimeout(() => {
    console.error('pg-vs-level: deadline passed');
    void pg.stop().finally(() => process.exit(2));
  }, 20 * 60_000);
  try {
    console.log(`100-writer load (bench/peers.ts: 300 sockets, 100 writing, ${PEERS_SECONDS} s measured):`);
    for (const [label, env] of [
      ['LevelDB   ', {}],
      ['PostgreSQL', { DATABASE_URL: pg.url }],
    ] as const) {
      const out = await peers(env);
      const line = out.split('\n').find((l) => /writers: edit→visible/.test(l)) ?? out;
      console.log(`  ${label} ${line.trim()}`);
    }
    console.log(`\nmeetings × phones behind HAProxy, PostgreSQL, one edit per meeting every ${WRITE_MS} ms, ${MEASURE_SECONDS} s measured:`);
    for (const instances of [1, 2]) {
      for (const [meetings, phones] of SIZES) {
        const r = await capacity(pg.url, instances, meetings, phones);
        console.log(
          `  ${instances} instance${instances > 1 ? 's' : ' '} ${meetings} × ${phones} (${r.sockets} sockets): edit→visible p50 ${r.p50.toFixed(1)} ms, p95 ${r.p95.toFixed(1)} ms over ${r.samples} ${r.p95 <= 50 ? '✓ ≤ 50 ms' : '✗ > 50 ms'}`,
        );
      }
    }
  } finally {
    clearTimeout(deadline);
    await pg.stop();
  }
}

main().then(
  // the clients' timers may still be winding down: everything started is stopped, so end here
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
