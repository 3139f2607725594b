// Relay configuration, read from the environment once at start.
//
// Environment variables (default in brackets):
//   PORT                          [8080]    0 picks a free port; the actual one is printed as "listening on port <n>"
//   HOST                          [0.0.0.0] all interfaces, so phones on the same Wi-Fi can connect
//   DATA_DIR                      [./data]  docs in DATA_DIR/docs (y-leveldb), meeting registry in DATA_DIR/registry (level)
//   DATABASE_URL                  [unset]   postgres://…: docs and registry in PostgreSQL instead, shared by any number of instances
//   MEETING_LOCK_WAIT_MS          [500]     PostgreSQL: how long a socket waits for a meeting another instance holds before close 1013
//   MEETING_RELEASE_MS            [1000]    PostgreSQL: a meeting with nothing in memory keeps its lock this long
//   HEAP_GROWING_PERCENT          [30]      the relay process's V8 heap may grow to (1 + this/100) × what lives in it before a full collection (0: V8's own factor, up to 4×)
//   PRIVATE_DOC_GRACE_MS          [30000]   a phone's private doc stays loaded this long after its last socket closed, so a reconnect reads no store (0: unloaded at once)
//   DIST_DIR                      [./dist]  the built client served as static files
//   MAX_MESSAGE_BYTES             [1048576] ws maxPayload; a larger frame closes only that socket with 1009
//   MAX_BODY_BYTES                [16384]   JSON request bodies; larger → 413
//   MAX_CONNECTIONS_PER_MEETING   [1200]    sockets over all docs of one meeting; over → close 4429
//   MAX_CONNECTIONS_PER_ADDRESS   [256]     sockets from one client address; over → close 4429
//   MAX_CONNECTIONS_TOTAL         [20000]   sockets in the whole process; over → close 4429
//   MESSAGE_RATE_PER_SECOND       [200]     token-bucket refill per socket; an empty bucket closes it with 1008
//   MESSAGE_RATE_BURST            [1000]    token-bucket size per socket
//   JOIN_FAILURES_PER_ADDRESS     [20]      failed join-code lookups per address per window before 429
//   JOIN_FAILURES_TOTAL           [2000]    failed lookups over all addresses per window; past it, addresses that have failed get 429
//   JOIN_FAILURE_WINDOW_MS        [900000]  15 minutes
//   CREATE_MEETINGS_PER_ADDRESS   [100]     meetings one address may create per JOIN_FAILURE_WINDOW_MS
//   MAX_PARTICIPANTS_PER_MEETING  [1000]    joins beyond this are refused with 409 (keeps a join flood off the board)
//   TRUST_PROXY                   [off]     "1"/"true": take the client address from X-Forwarded-For's first hop
//   RELAY_TICK_MS                 [10]      updates per room are batched this long, stored once, broadcast once
//   GATHERING_CONCURRENCY         [32]      private docs loaded in parallel during a reveal
//   LOG_LEVEL                     [info]    "silent" | "info" | "debug"
//   INSTANCE_ID                   [none]    a name for this instance behind a load balancer, sent as X-Instance on every answer
//   ASSET_ARCHIVE_DIR             [DATA_DIR/assets]  every build's hashed files this server has served, kept for tabs still on an older build
//   ASSET_ARCHIVE_BUILDS          [5]       builds kept in the archive (with ASSET_ARCHIVE_DAYS: a build goes when both are passed)
//   ASSET_ARCHIVE_DAYS            [14]      days a build's files are kept after it was last started

export interface RelayConfig {
  port: number;
  host: string;
  dataDir: string;
  /** PostgreSQL instead of LevelDB when set */
  databaseUrl?: string;
  meetingLockWaitMs: number;
  meetingReleaseMs: number;
  /** a private doc no socket holds stays in memory this long, so a reconnect needs no store read */
  privateDocGraceMs: number;
  /** V8 heap growing factor in percent for the relay process (server/index.ts applies it); 0: V8 decides */
  heapGrowingPercent: number;
  distDir: string;
  maxMessageBytes: number;
  maxBodyBytes: number;
  maxConnectionsPerMeeting: number;
  maxConnectionsPerAddress: number;
  maxConnectionsTotal: number;
  messageRatePerSecond: number;
  messageRateBurst: number;
  joinFailuresPerAddress: number;
  joinFailuresTotal: number;
  joinFailureWindowMs: number;
  createMeetingsPerAddress: number;
  maxParticipantsPerMeeting: number;
  trustProxy: boolean;
  relayTickMs: number;
  gatheringConcurrency: number;
  logLevel: 'silent' | 'info' | 'debug';
  /** meetings untouched this many days are deleted; 0 = never */
  retentionDays: number;
  /** sent as X-Instance: which instance behind the load balancer answered */
  instanceId: string | null;
  /** older builds' hashed assets; null = DATA_DIR/assets */
  assetArchiveDir: string | null;
  assetArchiveBuilds: number;
  assetArchiveDays: number;
}

export const defaultConfig: RelayConfig = {
  port: 8080,
  host: '0.0.0.0',
  dataDir: './data',
  meetingLockWaitMs: 500,
  meetingReleaseMs: 1000,
  privateDocGraceMs: 30_000,
  heapGrowingPercent: 30,
  distDir: './dist',
  maxMessageBytes: 1024 * 1024,
  maxBodyBytes: 16 * 1024,
  maxConnectionsPerMeeting: 1200,
  maxConnectionsPerAddress: 256,
  maxConnectionsTotal: 20000,
  messageRatePerSecond: 200,
  messageRateBurst: 1000,
  joinFailuresPerAddress: 20,
  joinFailuresTotal: 2000,
  joinFailureWindowMs: 15 * 60 * 1000,
  createMeetingsPerAddress: 100,
  maxParticipantsPerMeeting: 1000,
  trustProxy: false,
  relayTickMs: 10,
  gatheringConcurrency: 32,
  logLevel: 'info',
  retentionDays: 0,
  instanceId: null,
  assetArchiveDir: null,
  assetArchiveBuilds: 5,
  assetArchiveDays: 14,
};

function int(env: NodeJS.ProcessEnv, name: string, fallback: number, min = 0): number {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min) {
    throw new Error(`${name} must be an integer ≥ ${min}, got "${raw}"`);
  }
  return value;
}

function bool(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const raw = env[name]?.trim().toLowerCase();
  if (!raw) return fallback;
  return raw === '1' || raw === 'true' || raw === 'yes' || raw === 'on';
}

/** a header value: letters, digits and . _ - only */
function instanceId(raw: string | undefined): string | null {
  const value = raw?.trim();
  if (!value) return null;
  if (!/^[A-Za-z0-9._-]{1,64}$/.test(value)) throw new Error(`INSTANCE_ID must be 1–64 letters, digits, ".", "_" or "-", got "${raw}"`);
  return value;
}

export function configFromEnv(env: NodeJS.ProcessEnv = process.env): RelayConfig {
  const d = defaultConfig;
  const logLevel = env.LOG_LEVEL?.trim();
  return {
    port: int(env, 'PORT', d.port),
    host: env.HOST?.trim() || d.host,
    dataDir: env.DATA_DIR?.trim() || d.dataDir,
    databaseUrl: env.DATABASE_URL?.trim() || undefined,
    meetingLockWaitMs: int(env, 'MEETING_LOCK_WAIT_MS', d.meetingLockWaitMs, 0),
    meetingReleaseMs: int(env, 'MEETING_RELEASE_MS', d.meetingReleaseMs, 0),
    privateDocGraceMs: int(env, 'PRIVATE_DOC_GRACE_MS', d.privateDocGraceMs, 0),
    heapGrowingPercent: int(env, 'HEAP_GROWING_PERCENT', d.heapGrowingPercent, 0),
    distDir: env.DIST_DIR?.trim() || d.distDir,
    maxMessageBytes: int(env, 'MAX_MESSAGE_BYTES', d.maxMessageBytes, 1024),
    maxBodyBytes: int(env, 'MAX_BODY_BYTES', d.maxBodyBytes, 256),
    maxConnectionsPerMeeting: int(env, 'MAX_CONNECTIONS_PER_MEETING', d.maxConnectionsPerMeeting, 1),
    maxConnectionsPerAddress: int(env, 'MAX_CONNECTIONS_PER_ADDRESS', d.maxConnectionsPerAddress, 1),
    maxConnectionsTotal: int(env, 'MAX_CONNECTIONS_TOTAL', d.maxConnectionsTotal, 1),
    messageRatePerSecond: int(env, 'MESSAGE_RATE_PER_SECOND', d.messageRatePerSecond, 1),
    messageRateBurst: int(env, 'MESSAGE_RATE_BURST', d.messageRateBurst, 1),
    joinFailuresPerAddress: int(env, 'JOIN_FAILURES_PER_ADDRESS', d.joinFailuresPerAddress, 1),
    joinFailuresTotal: int(env, 'JOIN_FAILURES_TOTAL', d.joinFailuresTotal, 1),
    joinFailureWindowMs: int(env, 'JOIN_FAILURE_WINDOW_MS', d.joinFailureWindowMs, 1000),
    createMeetingsPerAddress: int(env, 'CREATE_MEETINGS_PER_ADDRESS', d.createMeetingsPerAddress, 1),
    maxParticipantsPerMeeting: int(env, 'MAX_PARTICIPANTS_PER_MEETING', d.maxParticipantsPerMeeting, 1),
    trustProxy: bool(env, 'TRUST_PROXY', d.trustProxy),
    relayTickMs: int(env, 'RELAY_TICK_MS', d.relayTickMs, 0),
    gatheringConcurrency: int(env, 'GATHERING_CONCURRENCY', d.gatheringConcurrency, 1),
    retentionDays: int(env, 'RETENTION_DAYS', d.retentionDays, 0),
    instanceId: instanceId(env.INSTANCE_ID),
    assetArchiveDir: env.ASSET_ARCHIVE_DIR?.trim() || d.assetArchiveDir,
    assetArchiveBuilds: int(env, 'ASSET_ARCHIVE_BUILDS', d.assetArchiveBuilds, 1),
    assetArchiveDays: int(env, 'ASSET_ARCHIVE_DAYS', d.assetArchiveDays, 0),
    logLevel: logLevel === 'silent' || logLevel === 'debug' ? logLevel : d.logLevel,
  };
}
