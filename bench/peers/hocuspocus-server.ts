// Hocuspocus 4 as a benchmark peer (bench/peers.ts starts it pinned to one core):
// its own persistence through @hocuspocus/extension-database into LevelDB (the SQLite extension
// needs better-sqlite3, a native build this machine cannot fetch). Hocuspocus stores the whole
// document debounced (its defaults: 2 s, at most 10 s), not every update before it is broadcast.
//   PORT, HOST, DATA_DIR
import { Server } from '@hocuspocus/server';
import { Database } from '@hocuspocus/extension-database';
import { Level } from 'level';

if (!process.env.DATA_DIR) throw new Error('DATA_DIR is required (bench/peers.ts passes a temporary directory)');
const db = new Level<string, Uint8Array>(process.env.DATA_DIR, { valueEncoding: 'view' });
await db.open();

const server = new Server({
  port: Number(process.env.PORT ?? 0),
  address: process.env.HOST ?? '127.0.0.1',
  quiet: true,
  // the load generator's listening sockets send nothing: do not drop them as idle
  timeout: 10 * 60_000,
  extensions: [
    new Database({
      // level 8 throws NotFound for a new document
      fetch: async ({ documentName }) => (await db.get(documentName).catch(() => undefined)) ?? null,
      store: async ({ documentName, state }) => db.put(documentName, state),
    }),
  ],
});
await server.listen();
process.stdout.write(`listening on port ${server.address.port}\n`);
const stop = async () => {
  await server.destroy();
  await db.close();
  process.exit(0);
};
process.on('SIGTERM', () => void stop());
process.on('SIGINT', () => void stop());
