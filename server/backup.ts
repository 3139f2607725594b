// `npm run backup -- <dir>`: asks the running server (on this machine) for a consistent copy of
// DATA_DIR in <dir>. `npm run restore -- <dir>`: with the server stopped, puts a backup in
// place of DATA_DIR (the old one is kept beside it). See README "Backup and restore".
import { cp, readFile, rename, stat } from 'node:fs/promises';
import path from 'node:path';
import { Level } from 'level';
import { configFromEnv } from './config';

async function backup(dir: string): Promise<void> {
  const config = configFromEnv();
  const token = (await readFile(path.join(config.dataDir, 'admin-token'), 'utf8').catch(() => '')).trim();
  if (!token) throw new Error(`no admin-token in DATA_DIR (${path.resolve(config.dataDir)}): is the server running with this DATA_DIR?`);
  const res = await fetch(`http://127.0.0.1:${config.port}/api/admin/backup`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ dir: path.resolve(dir) }),
  }).catch(() => null);
  if (!res) throw new Error(`no server answers on 127.0.0.1:${config.port}; set PORT to the server's port`);
  const body = (await res.json().catch(() => ({}))) as { error?: string; docs?: number; registry?: number };
  if (!res.ok) throw new Error(body.error ?? `the server answered ${res.status}`);
  console.log(`Backup written to ${path.resolve(dir)} (${body.docs} document entries, ${body.registry} registry entries).`);
}

async function restore(dir: string): Promise<void> {
  const config = configFromEnv();
  const source = path.resolve(dir);
  const target = path.resolve(config.dataDir);
  if (!(await stat(path.join(source, 'registry')).catch(() => null))) throw new Error(`${source} is not a backup (no registry/ inside)`);
  // a running server holds LevelDB's lock: refuse rather than pull the data from under it
  if (await stat(target).catch(() => null)) {
    const probe = new Level(path.join(target, 'registry'));
    try {
      await probe.open();
      await probe.close();
    } catch {
      throw new Error(`DATA_DIR (${target}) is in use: stop the server first`);
    }
    const aside = `${target}.before-restore-${new Date().toISOString().replace(/[:.]/g, '-')}`;
    await rename(target, aside);
    console.log(`The current DATA_DIR was moved to ${aside}.`);
  }
  await cp(source, target, { recursive: true });
  console.log(`Restored ${source} into ${target}. Start the server.`);
}

const [command, dir] = process.argv.slice(2);
if ((command !== 'backup' && command !== 'restore') || !dir) {
  console.error('usage: npm run backup -- <new directory>   |   npm run restore -- <backup directory>');
  process.exit(2);
}
(command === 'backup' ? backup(dir) : restore(dir)).catch((err: unknown) => {
  console.error(`${command} failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
