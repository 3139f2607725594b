// Every build's hashed files this server has served, kept after the build is replaced: a tab opened
// on the previous build (a phone in the middle of a meeting) still loads the view of a phase it has
// not shown yet. Lives under DATA_DIR (or ASSET_ARCHIVE_DIR, which instances may share), because a
// new container image holds only its own build.
//
//   <dir>/files/<name>          a hashed file (and its .br/.gz), linked or copied from dist/assets
//   <dir>/builds/<id>.json      which files a build has and when a server last started serving it
//
// A build goes when it is both older than `keepBuilds` newer builds and not started for `keepDays`;
// a file goes when no build kept names it.
import { createHash, randomBytes } from 'node:crypto';
import { copyFile, link, mkdir, readdir, readFile, rename, rm, stat, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';

export interface AssetArchiveOptions {
  dir: string;
  keepBuilds: number;
  keepDays: number;
}

interface BuildRecord {
  started: number;
  files: string[];
}

const DAY_MS = 24 * 60 * 60 * 1000;
/** a hashed file's name as Vite writes it: no directories, no dotfiles */
const FILE_NAME = /^[\w-][\w.-]*$/;

/** The archived file for a name under /assets/, or null when the name cannot be one. */
export function archivedFile(dir: string, name: string): string | null {
  return FILE_NAME.test(name) ? path.join(dir, 'files', name) : null;
}

async function place(from: string, to: string): Promise<void> {
  if (await stat(to).then(() => true, () => false)) return;
  // written under a temporary name and renamed: another instance sharing the archive never reads half a file
  const temporary = path.join(path.dirname(to), `.${path.basename(to)}.${randomBytes(6).toString('hex')}`);
  try {
    await link(from, temporary);
  } catch {
    await copyFile(from, temporary);
  }
  await rename(temporary, to);
}

/** Archives the build in `distDir` and prunes old ones; returns the build's id (null: no build there). */
export async function archiveBuild(distDir: string, options: AssetArchiveOptions, now = Date.now()): Promise<string | null> {
  const assetsDir = path.join(distDir, 'assets');
  const names = (await readdir(assetsDir).catch(() => [] as string[])).filter((name) => FILE_NAME.test(name)).sort();
  if (names.length === 0) return null;
  const id = createHash('sha256').update(names.join('\n')).digest('hex').slice(0, 16);
  const filesDir = path.join(options.dir, 'files');
  const buildsDir = path.join(options.dir, 'builds');
  await mkdir(filesDir, { recursive: true });
  await mkdir(buildsDir, { recursive: true });
  // the record first: an instance pruning at the same moment then keeps these files
  const record: BuildRecord = { started: now, files: names };
  await writeFile(path.join(buildsDir, `${id}.json`), JSON.stringify(record));
  for (const name of names) await place(path.join(assetsDir, name), path.join(filesDir, name));

  const builds: { id: string; record: BuildRecord }[] = [];
  for (const file of await readdir(buildsDir)) {
    if (!file.endsWith('.json')) continue;
    const parsed = await readFile(path.join(buildsDir, file), 'utf8')
      .then((text) => JSON.parse(text) as BuildRecord)
      .catch(() => null);
    if (parsed && Array.isArray(parsed.files) && typeof parsed.started === 'number') builds.push({ id: file.slice(0, -5), record: parsed });
  }
  builds.sort((a, b) => b.record.started - a.record.started);
  const kept = builds.filter(
    (build, index) => build.id === id || index < options.keepBuilds || now - build.record.started < options.keepDays * DAY_MS,
  );
  const needed = new Set(kept.flatMap((build) => build.record.files));
  for (const build of builds) if (!kept.includes(build)) await rm(path.join(buildsDir, `${build.id}.json`), { force: true });
  for (const name of await readdir(filesDir)) {
    // dotfiles are another instance's copies in flight
    if (!name.startsWith('.') && !needed.has(name)) await unlink(path.join(filesDir, name)).catch(() => undefined);
  }
  return id;
}
