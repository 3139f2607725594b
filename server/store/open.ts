// Picks the store: PostgreSQL when DATABASE_URL is set, else LevelDB in DATA_DIR.
import { openLevelStore } from './level';
import { openPgStore } from './postgres';
import type { Store } from './types';

type Warn = (message: string, fields: Record<string, unknown>) => void;

export function openStore(where: { databaseUrl?: string; dataDir: string }, warn: Warn = () => {}): Promise<Store> {
  return where.databaseUrl ? openPgStore(where.databaseUrl, warn) : openLevelStore(where.dataDir, warn);
}

/** A store named the way store:copy takes it: a postgres:// URL, or a DATA_DIR path. */
export function openStoreAt(location: string, warn?: Warn): Promise<Store> {
  return /^postgres(ql)?:\/\//.test(location) ? openPgStore(location, warn) : openLevelStore(location, warn);
}
