// The JSON API and the built client, on the same port as the websocket.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { networkInterfaces } from 'node:os';
import path from 'node:path';
import * as Y from 'yjs';
import { CloseCode, controlDocName, isId, meetingDocName, normaliseJoinCode } from '../../common/docNames';
import { ControlRoots } from '../../common/schema';
import { Defaults, TextRules } from '../../common/records';
import { cleanText, parseText, type TextRule } from '../../common/text';
import type { RelayConfig } from '../config';
import type { MeetingRegistry, Role } from '../meetings';
import { SERVER_ORIGIN, type Rooms } from '../relay/rooms';
import { WindowCounter } from '../relay/limits';
import { idPrefix, type Logger } from '../log';
import { NotOwnerError } from '../relay/docStore';
import { createStaticHandler } from './static';
import { BodyTooLarge, discardRest, readBody } from './body';
import type { MeetingBudget } from './meetingBudget';

export interface HttpContext {
  config: RelayConfig;
  registry: MeetingRegistry;
  rooms: Rooms;
  log: Logger;
  /** new meetings per address and window, shared with import and plan-next (server/http/meetingBudget.ts) */
  meetingBudget: MeetingBudget;
  /** the actual port, known once listening */
  port(): number;
  /** closes the open sockets of a meeting whose role matches (a replaced key stops at once) */
  closeSockets(meetingId: string, which: (role: Role) => boolean, code: number, reason: string): void;
  /** serves everything that is not /api, /ws or /healthz instead of dist/ (the Vite dev server) */
  fallback?(req: IncomingMessage, res: ServerResponse): void;
  /** closed meetings take no new participants or renames */
  lifecycle?: { isClosed(meetingId: string): boolean };
  /** false when this instance cannot serve (its database is unreachable): /healthz answers 503 and the balancer takes it out */
  health?(): Promise<boolean>;
  /** several instances: let a meeting made here go once written; resolves when it went (MeetingGate.passOn) */
  passOn?(meetingId: string): Promise<void>;
  /** close/reopen/delete/key/import/backup (server/http/lifecycle.ts); true when it answered */
  lifecycleRoutes?(req: IncomingMessage, res: ServerResponse, parts: string[], method: string): Promise<boolean>;
  /** the forum's term, .ics files and the calendar feed (server/http/calendar.ts); true when it answered */
  calendarRoutes?(req: IncomingMessage, res: ServerResponse, parts: string[], method: string, url: URL): Promise<boolean>;
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export function clientAddress(req: IncomingMessage, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = req.headers['x-forwarded-for'];
    const first = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(',')[0]?.trim();
    if (first) return first;
  }
  return req.socket.remoteAddress ?? 'unknown';
}

/** URLs phones on the same network can open: every non-internal IPv4 address when bound to all interfaces. */
export function lanUrls(port: number, host = '0.0.0.0'): string[] {
  if (host !== '0.0.0.0' && host !== '::') {
    const loopback = host === 'localhost' || host.startsWith('127.') || host === '::1';
    return loopback || host.includes(':') ? [] : [`http://${host}:${port}`];
  }
  const urls: string[] = [];
  for (const addresses of Object.values(networkInterfaces())) {
    for (const a of addresses ?? []) {
      if (a.family === 'IPv4' && !a.internal) urls.push(`http://${a.address}:${port}`);
    }
  }
  return urls;
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
  });
  res.end(text);
}

async function readJson(req: IncomingMessage, maxBytes: number): Promise<Record<string, unknown>> {
  let bytes: Buffer;
  try {
    bytes = await readBody(req, maxBytes);
  } catch (err) {
    if (err instanceof BodyTooLarge) throw new HttpError(413, 'Request body too large');
    throw err;
  }
  const text = bytes.toString('utf8').trim();
  if (text === '') return {};
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new HttpError(400, 'Body is not valid JSON');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new HttpError(400, 'Body must be a JSON object');
  }
  return value as Record<string, unknown>;
}

/** A text field parsed by the shared parser and its field's rule (common/records.ts); absent is undefined unless `required`. */
function textField(body: Record<string, unknown>, field: string, rule: TextRule, required: boolean): string | undefined {
  const raw = body[field];
  if (raw === undefined && !required) return undefined;
  if (raw === undefined) throw new HttpError(400, `${rule.label ?? 'Text'} is required`);
  const result = parseText(raw, rule);
  if (!result.ok) throw new HttpError(400, result.message);
  return result.value;
}

/**
 * The path and query of a request target, or null when it is not one a browser sends.
 * Origin-form is read relative to this server, so `//host:99999/` is a path, not an authority.
 */
export function parseTarget(target: string | undefined): URL | null {
  const raw = target ?? '/';
  try {
    if (raw.startsWith('/')) return new URL('http://relay.invalid' + raw);
    // absolute-form (proxies may send it): only its path and query matter here
    if (/^https?:\/\//i.test(raw)) return new URL(raw);
    if (raw === '*') return new URL('http://relay.invalid/*');
  } catch {
    return null;
  }
  return null;
}

/** A new meeting's control doc: the shared defaults (common/records.ts), the title and the join code. */
export function initialiseControlDoc(doc: Y.Doc, title: string, joinCode: string): void {
  const initial: [string, object][] = [
    [ControlRoots.meeting, { ...Defaults.meetingInfo, title, joinCode }],
    [ControlRoots.phase, Defaults.phase],
    [ControlRoots.gathering, Defaults.gathering],
    [ControlRoots.clustering, Defaults.clustering],
    [ControlRoots.board, Defaults.board],
    [ControlRoots.timer, Defaults.timer],
    [ControlRoots.checkin, Defaults.checkin],
  ];
  doc.transact(() => {
    for (const [root, fields] of initial) {
      const map = doc.getMap(root);
      // copies, so the shared defaults' arrays are never handed to the doc
      for (const [key, value] of Object.entries(fields)) map.set(key, Array.isArray(value) ? [...value] : value);
    }
  }, SERVER_ORIGIN);
}

export const TOO_MANY_MEETINGS = 'Too many meetings created from this address; try again later';

export function createHttpHandler(ctx: HttpContext): (req: IncomingMessage, res: ServerResponse) => void {
  const { config, registry, rooms, log } = ctx;
  const joinFailures = new WindowCounter(config.joinFailureWindowMs);
  const serveStatic = createStaticHandler(config.distDir, {
    archive: { dir: config.assetArchiveDir ?? path.join(config.dataDir, 'assets'), keepBuilds: config.assetArchiveBuilds, keepDays: config.assetArchiveDays },
    onError: (message, fields) => log.error(message, fields),
  });

  const withControl = <T>(meetingId: string, fn: (doc: Y.Doc) => T) =>
    rooms.withRoom(controlDocName(meetingId), { kind: 'control', meetingId }, (room) => fn(room.doc));

  async function createMeeting(req: IncomingMessage, res: ServerResponse) {
    const address = clientAddress(req, config.trustProxy);
    if (ctx.meetingBudget.exhausted(address)) throw new HttpError(429, TOO_MANY_MEETINGS);
    const body = await readJson(req, config.maxBodyBytes);
    const rawTitle = body.title;
    if (rawTitle !== undefined && typeof rawTitle !== 'string') throw new HttpError(400, 'Title must be text');
    // an over-long title is cut rather than refused: creating a meeting should not fail on it
    const title = cleanText(rawTitle ?? '', TextRules.title);
    if (!ctx.meetingBudget.take(address)) throw new HttpError(429, TOO_MANY_MEETINGS);
    const created = await registry.createMeeting();
    // create goes to any instance; the meeting is then served by the one the balancer hashes it to
    // (answered once it went, so the instance that serves it never waits for us)
    await withControl(created.meetingId, (doc) => initialiseControlDoc(doc, title, created.joinCode));
    // after the actions its first load woke have run (they hold the meeting again for a moment)
    await ctx.passOn?.(created.meetingId);
    log.info('meeting created', { meeting: idPrefix(created.meetingId) });
    sendJson(res, 201, created);
  }

  async function join(req: IncomingMessage, res: ServerResponse, rawCode: string) {
    const address = clientAddress(req, config.trustProxy);
    const failedHere = joinFailures.count(address);
    // a flood of wrong codes from many addresses stops everyone who has guessed wrong, but not
    // the person who types the right code first time: the room can still join during an attack
    if (
      failedHere >= config.joinFailuresPerAddress ||
      (failedHere > 0 && joinFailures.count('*') >= config.joinFailuresTotal)
    ) {
      throw new HttpError(429, 'Too many attempts; wait a few minutes and try again');
    }
    let decoded = rawCode;
    try {
      decoded = decodeURIComponent(rawCode);
    } catch {
      // keep the raw text; it will not match
    }
    const code = normaliseJoinCode(decoded);
    const meetingId = code ? await registry.meetingIdForCode(code) : null;
    if (!meetingId) {
      joinFailures.add(address);
      joinFailures.add('*');
      throw new HttpError(404, 'No meeting has that code');
    }
    sendJson(res, 200, { meetingId });
  }

  async function addParticipant(req: IncomingMessage, res: ServerResponse, meetingId: string) {
    if (!isId(meetingId) || !(await registry.exists(meetingId))) throw new HttpError(404, 'Unknown meeting');
    if (ctx.lifecycle?.isClosed(meetingId)) throw new HttpError(423, 'This meeting is closed');
    const body = await readJson(req, config.maxBodyBytes);
    const name = textField(body, 'name', TextRules.name, true)!;
    const organisation = textField(body, 'organisation', TextRules.organisation, true)!;
    // the meeting is held here before anyone is added (another instance serving it: 503, nothing written)
    const added = await withControl(meetingId, async (doc) => {
      if ((await registry.participantIds(meetingId)).length >= config.maxParticipantsPerMeeting) {
        throw new HttpError(409, 'This meeting is full');
      }
      const added = await registry.addParticipant(meetingId);
      if (!added) throw new HttpError(404, 'Unknown meeting');
      doc.transact(() => {
        const entry = new Y.Map<unknown>();
        entry.set('id', added.participantId);
        entry.set('name', name);
        entry.set('organisation', organisation);
        entry.set('joinedAt', Date.now());
        doc.getMap(ControlRoots.participants).set(added.participantId, entry);
      }, SERVER_ORIGIN);
      return added;
    });
    // the two documents every participant reads, as they are now: the phone shows the meeting at
    // once and its sockets only sync what changed since (never the private, inbox or relay docs)
    const encode = (update: Uint8Array) => Buffer.from(update).toString('base64');
    const state = {
      meeting: encode(await rooms.withRoom(meetingDocName(meetingId), { kind: 'meeting', meetingId }, (room) => Y.encodeStateAsUpdate(room.doc))),
      control: encode(await withControl(meetingId, (doc) => Y.encodeStateAsUpdate(doc))),
    };
    sendJson(res, 201, { ...added, state });
  }

  /** The role a request's `Authorization: Bearer <key>` grants in this meeting; 401/404 otherwise. */
  async function authorise(req: IncomingMessage, meetingId: string): Promise<Role> {
    if (!isId(meetingId) || !(await registry.exists(meetingId))) throw new HttpError(404, 'Unknown meeting');
    const auth = req.headers.authorization ?? '';
    const key = /^Bearer\s+(\S+)$/i.exec(auth)?.[1];
    if (!key) throw new HttpError(401, 'Missing key');
    const role = await registry.authenticate(meetingId, key);
    if (role === 'unknownMeeting') throw new HttpError(404, 'Unknown meeting');
    if (role === null) throw new HttpError(401, 'Wrong key');
    return role;
  }

  async function replaceBoardKey(req: IncomingMessage, res: ServerResponse, meetingId: string) {
    const role = await authorise(req, meetingId);
    if (role.kind !== 'facilitator') throw new HttpError(403, 'Only the facilitator can replace the board key');
    const boardKey = await registry.replaceBoardKey(meetingId);
    if (!boardKey) throw new HttpError(404, 'Unknown meeting');
    ctx.closeSockets(meetingId, (r) => r.kind === 'board', CloseCode.revoked, 'board key replaced');
    log.info('board key replaced', { meeting: idPrefix(meetingId) });
    sendJson(res, 200, { boardKey });
  }

  async function renameParticipant(req: IncomingMessage, res: ServerResponse, meetingId: string, participantId: string) {
    const role = await authorise(req, meetingId);
    if (role.kind === 'board') throw new HttpError(403, 'The board key changes nothing');
    if (role.kind === 'participant' && role.participantId !== participantId) throw new HttpError(403, 'Not your name to change');
    if (!isId(participantId) || !(await registry.hasParticipant(meetingId, participantId))) throw new HttpError(404, 'Unknown participant');
    if (ctx.lifecycle?.isClosed(meetingId)) throw new HttpError(423, 'This meeting is closed');
    const body = await readJson(req, config.maxBodyBytes);
    const name = textField(body, 'name', TextRules.name, false);
    const organisation = textField(body, 'organisation', TextRules.organisation, false);
    if (name === undefined && organisation === undefined) throw new HttpError(400, 'Give a name or an organisation');
    const result = await withControl(meetingId, (doc) => {
      const participants = doc.getMap<Y.Map<unknown>>(ControlRoots.participants);
      let entry = participants.get(participantId);
      doc.transact(() => {
        if (!(entry instanceof Y.Map)) {
          entry = new Y.Map<unknown>();
          entry.set('id', participantId);
          entry.set('joinedAt', Date.now());
          participants.set(participantId, entry);
        }
        if (name !== undefined && entry.get('name') !== name) entry.set('name', name);
        if (organisation !== undefined && entry.get('organisation') !== organisation) entry.set('organisation', organisation);
      }, SERVER_ORIGIN);
      return { participantId, name: entry!.get('name'), organisation: entry!.get('organisation') };
    });
    sendJson(res, 200, result);
  }

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const method = req.method ?? 'GET';
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'no-referrer');
    // nothing here is meant to be framed or read by another site (no CORS headers are ever sent)
    res.setHeader('X-Frame-Options', 'DENY');
    res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
    // JSON and error answers render nothing; the app page replaces this with its own policy
    res.setHeader('Content-Security-Policy', "default-src 'none'; frame-ancestors 'none'; base-uri 'none'");
    const url = parseTarget(req.url);
    if (!url) throw new HttpError(400, 'Bad request target');
    const pathname = url.pathname;

    if (pathname === '/healthz') {
      const healthy = (await ctx.health?.()) ?? true;
      return sendJson(res, healthy ? 200 : 503, { status: healthy ? 'ok' : 'unavailable' });
    }
    if (pathname === '/api' || pathname.startsWith('/api/')) {
      const parts = pathname.split('/').slice(2);
      const allow = (...methods: string[]) => {
        if (!methods.includes(method)) {
          res.setHeader('Allow', methods.join(', '));
          throw new HttpError(405, 'Method not allowed');
        }
      };
      if (parts.length === 1 && parts[0] === 'meetings') {
        allow('POST');
        return createMeeting(req, res);
      }
      if (parts.length === 2 && parts[0] === 'join') {
        allow('GET');
        return join(req, res, parts[1]);
      }
      if (parts.length === 3 && parts[0] === 'meetings' && parts[2] === 'participants') {
        allow('POST');
        return addParticipant(req, res, parts[1]);
      }
      if (parts.length === 3 && parts[0] === 'meetings' && parts[2] === 'board-key') {
        allow('POST');
        return replaceBoardKey(req, res, parts[1]);
      }
      if (parts.length === 4 && parts[0] === 'meetings' && parts[2] === 'participants') {
        allow('PATCH');
        return renameParticipant(req, res, parts[1], parts[3]);
      }
      if (parts.length === 1 && parts[0] === 'time') {
        allow('GET');
        return sendJson(res, 200, { now: Date.now() });
      }
      if (parts.length === 1 && parts[0] === 'info') {
        allow('GET');
        return sendJson(res, 200, { lanUrls: lanUrls(ctx.port(), config.host) });
      }
      if (await ctx.lifecycleRoutes?.(req, res, parts, method)) return;
      if (await ctx.calendarRoutes?.(req, res, parts, method, url)) return;
      throw new HttpError(404, 'Not found');
    }
    if (pathname === '/ws' || pathname.startsWith('/ws/')) throw new HttpError(426, 'Use a websocket');
    if (ctx.fallback) {
      // the Vite dev server's pages need its inline scripts
      res.removeHeader('Content-Security-Policy');
      return ctx.fallback(req, res);
    }
    if (method !== 'GET' && method !== 'HEAD') throw new HttpError(405, 'Method not allowed');
    return serveStatic(req, res, pathname);
  }

  return (req, res) => {
    if (config.instanceId) res.setHeader('X-Instance', config.instanceId);
    route(req, res).catch(async (err) => {
      if (err instanceof HttpError) {
        // refused before the body was read: read the rest first, so the client still writing it gets the answer
        await discardRest(req);
        if (!res.headersSent && !res.destroyed) sendJson(res, err.status, { error: err.message });
        else res.destroy();
        return;
      }
      // another relay instance serves this meeting (PostgreSQL): the balancer sends the retry there
      if (err instanceof NotOwnerError) {
        if (!res.headersSent) {
          res.setHeader('Retry-After', '1');
          sendJson(res, 503, { error: 'The meeting is served by another instance; try again' });
        } else res.destroy();
        return;
      }
      // the client went away mid-body: nobody is left to answer, and nothing here failed
      if (req.destroyed || res.destroyed || (err as { code?: string })?.code === 'ECONNRESET') {
        log.debug('request aborted', { method: req.method });
        res.destroy();
        return;
      }
      log.error('request failed', { method: req.method, err: String(err instanceof Error ? err.stack : err) });
      if (!res.headersSent) sendJson(res, 500, { error: 'Internal error' });
      else res.destroy();
    });
  };
}
