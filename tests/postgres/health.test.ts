// /healthz says whether this instance can serve: with PostgreSQL, whether the database answers.
// HAProxy's check (deploy/haproxy.cfg) asks it, so an instance that lost its database is taken out
// of the balancer and comes back when the database does. The relay reaches PostgreSQL through a
// TCP proxy this test controls: cutting it is the database going away (connections refused).
import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { freshDatabaseUrl, startRelay, waitFor, type TestRelay } from '../relay/helpers';

/** A TCP proxy to PostgreSQL on a fixed port that can be cut (everything closed, connects refused) and restored. */
async function cuttableProxy(target: URL) {
  const open = new Set<net.Socket>();
  const listen = () =>
    new Promise<net.Server>((resolve, reject) => {
      const server = net.createServer((client) => {
        const upstream = net.connect(Number(target.port), target.hostname);
        for (const [a, b] of [[client, upstream], [upstream, client]] as const) {
          open.add(a);
          a.on('error', () => b.destroy());
          a.on('close', () => (open.delete(a), b.destroy()));
          a.pipe(b);
        }
      });
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => resolve(server));
    });
  let port = 0;
  let server = await listen();
  port = (server.address() as net.AddressInfo).port;
  return {
    port,
    async cut() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const s of open) s.destroy();
      });
    },
    async restore() {
      server = await listen();
    },
    close() {
      server.close();
      for (const s of open) s.destroy();
    },
  };
}

const cleanup: (() => unknown)[] = [];
afterEach(async () => {
  for (const fn of cleanup.splice(0).reverse()) await fn();
});

const health = (relay: TestRelay) => fetch(relay.url + '/healthz').then(async (r) => ({ status: r.status, body: await r.json() }));

describe('/healthz with PostgreSQL', () => {
  it('answers 503 while the database is unreachable and 200 again once it is back', async () => {
    const real = new URL(await freshDatabaseUrl());
    const proxy = await cuttableProxy(real);
    cleanup.push(() => proxy.close());
    const viaProxy = new URL(real);
    viaProxy.port = String(proxy.port);
    const relay = await startRelay({ databaseUrl: viaProxy.toString() });
    cleanup.push(() => relay.stop());

    expect(await health(relay)).toEqual({ status: 200, body: { status: 'ok' } });

    await proxy.cut();
    // the pool's idle connections die with the cut; a new one is refused
    await waitFor(async () => (await health(relay)).status === 503, { timeout: 10_000, message: '/healthz 503 without the database' });
    expect((await health(relay)).body).toEqual({ status: 'unavailable' });

    await proxy.restore();
    await waitFor(async () => (await health(relay)).status === 200, { timeout: 10_000, message: '/healthz 200 with the database back' });
  }, 30_000);
});
