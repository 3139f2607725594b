// Composition: storage, registry, rooms, gathering, HTTP and websocket on one port.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import path from 'node:path';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { CloseCode } from '../common/docNames';
import { defaultConfig, type RelayConfig } from './config';
import { openStore } from './store/open';
import type { Store } from './store/types';
import { MeetingRegistry } from './meetings';
import { MeetingSockets } from './meetingSockets';
import { MeetingGate } from './relay/meetingGate';
import { Rooms, type BatchTimes } from './relay/rooms';
import { ActionRunner } from './actions/runner';
import { actions } from './actions/index';
import { migrateOnLoad } from './schemaMigration';
import { Admission } from './admission';
import { clientAddress, createHttpHandler, lanUrls, parseTarget } from './http/http';
import { createLogger, type Logger } from './log';
import { startKeepalive } from './keepalive';
import { Lifecycle } from './lifecycle';
import { lifecycleRoutes } from './http/lifecycle';
import { meetingRoutes } from './http/meetingRoutes';
import { MeetingBudget } from './http/meetingBudget';
import { calendarRoutes } from './http/calendar';

export interface RunningServer {
  port: number;
  url: string;
  lanUrls: string[];
  close(): Promise<void>;
  /** for tests and benchmarks: resolves when queued gathering work and store writes are done */
  settle(): Promise<void>;
  /** for tests: close, delete, retention sweep and backup */
  lifecycle: Lifecycle;
  /** the store it runs on (tests: the PostgreSQL lock connection, copies) */
  store: Store;
  /** ids of the meetings this instance serves now */
  meetingsServed(): string[];
  /** for tests and benchmarks: documents in memory, open sockets and where update batches spend their time */
  stats(): { docsInMemory: number; warmDocs: number; storeLoads: number; sockets: number; awarenessEntries: number; pendingBytes: number; bufferedBytes: number; unsentBytes: number } & BatchTimes;
}

const PING_INTERVAL_MS = 30_000;
/** /healthz waits this long for the store; HAProxy's check waits 10 s (deploy/haproxy.cfg) */
const HEALTH_STORE_TIMEOUT_MS = 5_000;

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
  const store = await openStore(config, (message, fields) => log.error(message, fields));
  const gate = new MeetingGate(store.locks, {
    waitMs: config.meetingLockWaitMs,
    retryMs: Math.min(50, config.meetingLockWaitMs),
    releaseMs: config.meetingReleaseMs,
  });
  const registry = new MeetingRegistry(store.registry, store.locks);
  const rooms = new Rooms(store.docs, config.relayTickMs, log, gate, config.privateDocGraceMs);
  const runner = new ActionRunner(rooms, registry, actions, log, config.gatheringConcurrency);
  /** the one registry of open sockets per meeting, with the role each authenticated as */
  const meetingSockets = new MeetingSockets();
  const closeSockets = meetingSockets.close.bind(meetingSockets);
  const lifecycle = new Lifecycle({
    store,
    registry,
    rooms,
    sockets: meetingSockets,
    gate,
    log,
    settle: async () => {
      await runner.settle();
      await rooms.flushAll();
    },
  });
  await lifecycle.init();
  rooms.hooks = {
    onLoad: (room) => {
      // first: every action reads the document in the current schema
      migrateOnLoad(room.doc, room.docName.kind, log);
      runner.onLoad(room);
    },
  };
  gate.hooks = {
    // the meeting may have been served elsewhere since: keys, participants, the closed flag and
    // the actions' recovery are read afresh
    onAcquire: async (meetingId) => {
      if (!gate.shared) return;
      registry.forget(meetingId);
      runner.forgetMeeting(meetingId);
      await lifecycle.refresh(meetingId);
    },
    // the lock connection is gone, so another instance may take these meetings at any moment:
    // stop serving them now (nothing more stored or sent) and send their clients elsewhere
    onLost: (meetingIds) => {
      log.error('lost the database lock connection: no longer serving its meetings', { meetings: meetingIds.length });
      rooms.dropMeetings(meetingIds, CloseCode.tryAgainLater, 'meeting moved');
      for (const id of meetingIds) meetingSockets.close(id, () => true, CloseCode.tryAgainLater, 'meeting moved');
    },
  };
  const admission = new Admission({ config, registry, rooms, lifecycle, sockets: meetingSockets, log });

  const sockets = new Set<WebSocket>();
  const alive = new WeakSet<WebSocket>();
  let closing = false;
  let actualPort = config.port;

  let devFallback: ((req: IncomingMessage, res: ServerResponse) => void) | undefined;
  const meetingBudget = new MeetingBudget(config.createMeetingsPerAddress, config.joinFailureWindowMs);
  const api = { config, registry, rooms, lifecycle, log, meetingBudget, clientAddress: (req: IncomingMessage) => clientAddress(req, config.trustProxy) };
  const httpServer = createServer(
    createHttpHandler({
      config,
      registry,
      log,
      health: () =>
        new Promise<boolean>((resolve) => {
          const timer = setTimeout(() => resolve(false), HEALTH_STORE_TIMEOUT_MS);
          store.ping().then(
            () => resolve(true),
            () => resolve(false),
          ).finally(() => clearTimeout(timer));
        }),
      fallback: options.dev ? (req, res) => devFallback?.(req, res) : undefined,
      routes: [
        meetingRoutes({
          ...api,
          passOn: async (meetingId) => {
            // the actions the control doc's first load woke hold the meeting again while they run
            await Promise.race([runner.settle(), new Promise((resolve) => setTimeout(resolve, 2000).unref())]);
            await gate.passOn(meetingId);
          },
          closeSockets,
          lanUrls: () => lanUrls(actualPort, config.host),
        }),
        lifecycleRoutes(api),
        calendarRoutes(api),
      ],
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
  if (config.instanceId) wss.on('headers', (headers) => headers.push(`X-Instance: ${config.instanceId}`));

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
      sockets.add(ws);
      alive.add(ws);
      ws.on('close', () => sockets.delete(ws));
      // an oversized frame makes ws close this socket with 1009 and emit an error here: that is all
      ws.on('error', (err) => log.debug('socket error', { err: String(err) }));
      ws.on('pong', () => alive.add(ws));
      admission.admit(ws, req).catch((err) => {
        log.error('connection setup failed', { err: String(err instanceof Error ? err.stack : err) });
        try {
          ws.close(1011, 'internal error');
        } catch {
          ws.terminate();
        }
      });
    });
  });

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
    store,
    meetingsServed: () => gate.meetings(),
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
        // sockets that do not answer the close handshake promptly (200 ms) are cut; once every
        // one has answered there is nothing left to wait for
        await untilClosed(sockets, 200);
        for (const ws of sockets) ws.terminate();
        httpServer.closeAllConnections();
        await stopped;
        await vite?.close();
        await runner.settle();
        await rooms.flushAll();
        rooms.destroyAll();
        await gate.releaseAll();
        await store.close();
      })();
      return closed;
    },
  };
}

/** Resolves once every socket in `sockets` has closed, or after `ms` at the latest. */
function untilClosed(sockets: Set<WebSocket>, ms: number): Promise<void> {
  if (sockets.size === 0) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    const check = () => {
      // the relay's own close listener (added first) has removed this socket from the set by now
      if (sockets.size > 0) return;
      clearTimeout(timer);
      resolve();
    };
    for (const ws of sockets) ws.once('close', check);
  });
}
