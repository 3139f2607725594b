// Composition: storage, registry, rooms, gathering, HTTP and websocket on one port.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import path from 'node:path';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import { CloseCode, formatDocName, parseDocName } from '../common/docNames';
import { defaultConfig, type RelayConfig } from './config';
import { openStorage } from './relay/storage';
import { MeetingRegistry, type Role } from './meetings';
import { Rooms, type BatchTimes } from './relay/rooms';
import { ActionRunner } from './actions/runner';
import { actions } from './actions/index';
import { Connection } from './relay/protocol';
import { accessFor, socketPolicy } from './access';
import { migrateOnLoad } from './schemaMigration';
import { ControlRoots } from '../common/schema';
import { ConnectionCounter } from './relay/limits';
import { clientAddress, createHttpHandler, lanUrls, parseTarget } from './http/http';
import { createLogger, idPrefix, type Logger } from './log';
import { startKeepalive } from './keepalive';
import { Lifecycle } from './lifecycle';
import { createLifecycleRoutes } from './http/lifecycle';
import { createCalendarRoutes } from './http/calendar';

export interface RunningServer {
  port: number;
  url: string;
  lanUrls: string[];
  close(): Promise<void>;
  /** for tests and benchmarks: resolves when queued gathering work and store writes are done */
  settle(): Promise<void>;
  /** for tests: close, delete, retention sweep and backup */
  lifecycle: Lifecycle;
  /** for tests and benchmarks: documents in memory, open sockets and where update batches spend their time */
  stats(): { docsInMemory: number; sockets: number; awarenessEntries: number; pendingBytes: number; bufferedBytes: number; unsentBytes: number } & BatchTimes;
}

const PING_INTERVAL_MS = 30_000;

function toBytes(data: RawData): Uint8Array {
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data));
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}

export interface StartOptions {
  /** serve the client from a Vite dev server (HMR) on the same port instead of dist/ */
  dev?: boolean;
}

export async function startServer(
  partial: Partial<RelayConfig> = {},
  logger?: Logger,
  options: StartOptions = {},
): Promise<RunningServer> {
  const config: RelayConfig = { ...defaultConfig, ...partial };
  const log = logger ?? createLogger(config.logLevel);
  const storage = await openStorage(config.dataDir, (message, fields) => log.error(message, fields));
  const registry = new MeetingRegistry(storage.registry);
  const rooms = new Rooms(storage, config.relayTickMs, log);
  const runner = new ActionRunner(rooms, registry, actions, log, config.gatheringConcurrency);
  const lifecycle = new Lifecycle({ storage, registry, rooms, log, settle: async () => { await runner.settle(); await rooms.flushAll(); } });
  await lifecycle.init();
  rooms.hooks = {
    onLoad: (room) => {
      // first: every action reads the document in the current schema
      migrateOnLoad(room.doc, room.docName.kind, log);
      runner.onLoad(room);
    },
  };
  /** open sockets per meeting with the role they authenticated as: a replaced key closes its own */
  const byMeeting = new Map<string, Set<{ ws: WebSocket; role: Role }>>();
  const closeSockets = (meetingId: string, which: (role: Role) => boolean, code: number, reason: string) => {
    for (const entry of byMeeting.get(meetingId) ?? []) if (which(entry.role)) entry.ws.close(code, reason);
  };

  const perAddress = new ConnectionCounter();
  const perMeeting = new ConnectionCounter();
  let total = 0;
  const sockets = new Set<WebSocket>();
  const alive = new WeakSet<WebSocket>();
  let closing = false;
  let actualPort = config.port;

  let devFallback: ((req: IncomingMessage, res: ServerResponse) => void) | undefined;
  const httpServer = createServer(
    createHttpHandler({
      config,
      registry,
      rooms,
      log,
      closeSockets,
      port: () => actualPort,
      fallback: options.dev ? (req, res) => devFallback?.(req, res) : undefined,
      lifecycle,
      lifecycleRoutes: createLifecycleRoutes({ config, registry, rooms, lifecycle, log, clientAddress: (req) => clientAddress(req, config.trustProxy) }),
      calendarRoutes: createCalendarRoutes({ config, registry, rooms, lifecycle, log, clientAddress: (req) => clientAddress(req, config.trustProxy) }),
    }),
  );
  let vite: { close(): Promise<void> } | null = null;
  if (options.dev) {
    // loaded only in dev, so production never needs vite
    const { createServer: createVite } = await import('vite');
    const dev = await createVite({
      appType: 'spa',
      server: {
        middlewareMode: true,
        hmr: { server: httpServer },
        // the store writes constantly: keep the file watcher off it
        watch: { ignored: [`${path.resolve(config.dataDir)}/**`] },
      },
    });
    devFallback = (req, res) => dev.middlewares(req, res);
    vite = dev;
  }
  httpServer.headersTimeout = 20_000;
  httpServer.requestTimeout = 30_000;
  const wss = new WebSocketServer({ noServer: true, maxPayload: config.maxMessageBytes, perMessageDeflate: false });

  httpServer.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', () => socket.destroy());
    const target = parseTarget(req.url);
    const urlPath = target?.pathname ?? '';
    // in dev, Vite's HMR socket shares this server and answers its own upgrades
    if (options.dev && !closing && !urlPath.startsWith('/ws/')) return;
    if (closing || !urlPath.startsWith('/ws/')) {
      socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      onConnection(ws, req).catch((err) => {
        log.error('connection setup failed', { err: String(err instanceof Error ? err.stack : err) });
        try {
          ws.close(1011, 'internal error');
        } catch {
          ws.terminate();
        }
      });
    });
  });

  async function onConnection(ws: WebSocket, req: IncomingMessage): Promise<void> {
    sockets.add(ws);
    alive.add(ws);
    const address = clientAddress(req, config.trustProxy);
    let conn: Connection | null = null;
    const early: Uint8Array[] = [];
    let onClose: (() => void)[] = [() => sockets.delete(ws)];
    // an oversized frame makes ws close this socket with 1009 and emit an error here: that is all
    ws.on('error', (err) => log.debug('socket error', { err: String(err) }));
    ws.on('pong', () => alive.add(ws));
    let earlyBytes = 0;
    ws.on('message', (data) => {
      const bytes = toBytes(data);
      if (conn) return conn.receive(bytes);
      // kept while the key is checked and the doc loads: a stock client sends sync step 1 and
      // its awareness here, a few hundred bytes, so one frame's worth is plenty
      earlyBytes += bytes.byteLength;
      if (early.length < 64 && earlyBytes <= config.maxMessageBytes) early.push(bytes);
      else ws.close(CloseCode.policy, 'too many messages before sync');
    });
    let isClosed = false;
    ws.on('close', () => {
      isClosed = true;
      for (const fn of onClose) fn();
      onClose = [];
    });
    // the socket may close while a lookup is awaited: then clean up at once
    const whenClosed = (fn: () => void) => (isClosed ? fn() : void onClose.push(fn));
    const reject = (code: number, reason: string) => ws.close(code, reason);

    if (total >= config.maxConnectionsTotal || perAddress.get(address) >= config.maxConnectionsPerAddress) {
      return reject(CloseCode.tooManyConnections, 'too many connections');
    }
    total++;
    perAddress.increment(address);
    whenClosed(() => {
      total--;
      perAddress.decrement(address);
    });

    const url = parseTarget(req.url);
    if (!url) return reject(CloseCode.badDocName, 'bad document name');
    let rawName: string;
    try {
      rawName = decodeURIComponent(url.pathname.slice('/ws/'.length));
    } catch {
      return reject(CloseCode.badDocName, 'bad document name');
    }
    const docName = parseDocName(rawName);
    if (!docName) return reject(CloseCode.badDocName, 'bad document name');
    const key = url.searchParams.get('key');
    if (!key) return reject(CloseCode.badKey, 'missing key');
    // the key is checked before any document is loaded
    const role = await registry.authenticate(docName.meetingId, key);
    if (role === 'unknownMeeting') return reject(CloseCode.unknownMeeting, 'unknown meeting');
    if (role === null) return reject(CloseCode.badKey, 'wrong key');
    whenClosed(lifecycle.track(docName.meetingId, role.kind, ws));
    const access = accessFor(docName, role);
    if (access === 'forbidden') return reject(CloseCode.forbidden, 'forbidden');
    if (docName.kind === 'private' && !(await registry.hasParticipant(docName.meetingId, docName.participantId))) {
      return reject(CloseCode.forbidden, 'forbidden');
    }
    if (perMeeting.get(docName.meetingId) >= config.maxConnectionsPerMeeting) {
      return reject(CloseCode.tooManyConnections, 'too many connections to this meeting');
    }
    perMeeting.increment(docName.meetingId);
    whenClosed(() => perMeeting.decrement(docName.meetingId));
    const entry = { ws, role };
    const open = byMeeting.get(docName.meetingId) ?? new Set();
    open.add(entry);
    byMeeting.set(docName.meetingId, open);
    whenClosed(() => {
      open.delete(entry);
      if (open.size === 0 && byMeeting.get(docName.meetingId) === open) byMeeting.delete(docName.meetingId);
    });
    if (ws.readyState !== ws.OPEN) return;

    // a group doc's writers are its members now: hold the control doc to ask on every write
    let isMember: (() => boolean) | undefined;
    if (access === 'member' && docName.kind === 'group' && role.kind === 'participant') {
      const control = await rooms.acquire(formatDocName({ kind: 'control', meetingId: docName.meetingId }), {
        kind: 'control',
        meetingId: docName.meetingId,
      });
      whenClosed(() => rooms.release(control));
      const members = control.doc.getMap<unknown>(ControlRoots.groupMembers);
      isMember = () => members.get(role.participantId) === docName.groupId;
    }
    const room = await rooms.acquire(formatDocName(docName), docName);
    if (ws.readyState !== ws.OPEN) {
      rooms.release(room);
      return;
    }
    const connection = new Connection(ws, room, {
      policy: socketPolicy({ doc: docName, role, access, isMember, isOpen: () => !lifecycle.isClosed(docName.meetingId) }),
      ratePerSecond: config.messageRatePerSecond,
      burst: config.messageRateBurst,
      log,
    });
    room.conns.add(connection);
    whenClosed(() => {
      connection.detach();
      rooms.release(room);
    });
    conn = connection;
    log.debug('socket open', { doc: docName.kind, meeting: idPrefix(docName.meetingId), role: role.kind });
    connection.start();
    for (const bytes of early.splice(0)) connection.receive(bytes);
  }

  // phones vanish from flaky Wi-Fi without a close frame: find them and free their awareness
  const pinger = setInterval(() => {
    for (const ws of sockets) {
      if (!alive.has(ws)) {
        ws.terminate();
        continue;
      }
      alive.delete(ws);
      try {
        ws.ping();
      } catch {
        ws.terminate();
      }
    }
  }, PING_INTERVAL_MS);
  pinger.unref();
  const stopKeepalive = startKeepalive(sockets);
  lifecycle.startRetention(config.retentionDays);

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(config.port, config.host, () => {
      httpServer.off('error', reject);
      resolve();
    });
  });
  const address = httpServer.address();
  actualPort = typeof address === 'object' && address ? address.port : config.port;
  const localHost = config.host === '0.0.0.0' || config.host === '::' ? '127.0.0.1' : config.host;

  let closed: Promise<void> | null = null;
  return {
    port: actualPort,
    url: `http://${localHost.includes(':') ? `[${localHost}]` : localHost}:${actualPort}`,
    lanUrls: lanUrls(actualPort, config.host),
    lifecycle,
    stats: () => ({
      docsInMemory: rooms.size,
      sockets: sockets.size,
      bufferedBytes: [...sockets].reduce((sum, ws) => sum + ws.bufferedAmount, 0),
      ...rooms.stats(),
    }),
    settle: async () => {
      await runner.settle();
      await rooms.flushAll();
    },
    close() {
      closed ??= (async () => {
        closing = true;
        clearInterval(pinger);
        stopKeepalive();
        lifecycle.stop();
        const stopped = new Promise<void>((resolve) => httpServer.close(() => resolve()));
        httpServer.closeIdleConnections();
        for (const ws of sockets) ws.close(1001, 'server shutting down');
        // sockets that do not answer the close handshake promptly are cut
        await new Promise((r) => setTimeout(r, 200));
        for (const ws of sockets) ws.terminate();
        httpServer.closeAllConnections();
        await stopped;
        await vite?.close();
        await runner.settle();
        await rooms.flushAll();
        rooms.destroyAll();
        await storage.close();
      })();
      return closed;
    },
  };
}
