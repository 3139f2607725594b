// The API of a meeting's life cycle (facilitator key in Authorization), the archive import, and
// the loopback-only backup endpoint behind `npm run backup`.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import * as Y from 'yjs';
import { controlDocName, groupDocName, isId, meetingDocName } from '../../common/docNames';
import { ControlRoots, GroupRoots } from '../../common/schema';
import { ARCHIVE_MAX_BYTES, checkArchive } from '../../common/archive';
import { rootsOf, type JsonRoots } from '../../common/json';
import { writesOf } from '../../common/writes';
import { applyWrites } from '../docWrites';
import { planNextMeeting } from '../../common/followup';
import { initialiseControlDoc, TOO_MANY_MEETINGS } from './http';
import { BodyTooLarge, discardRest, readBody } from './body';
import type { MeetingBudget } from './meetingBudget';
import { seriesOverview } from './series';
import type { RelayConfig } from '../config';
import type { MeetingRegistry } from '../meetings';
import type { Lifecycle } from '../lifecycle';
import { SERVER_ORIGIN, type Rooms } from '../relay/rooms';
import { idPrefix, type Logger } from '../log';

export interface LifecycleHttpContext {
  config: RelayConfig;
  registry: MeetingRegistry;
  rooms: Rooms;
  lifecycle: Lifecycle;
  log: Logger;
  clientAddress(req: IncomingMessage): string;
  /** the same budget POST /api/meetings spends: import and plan-next make meetings too */
  meetingBudget: MeetingBudget;
}

class Answer extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

function send(res: ServerResponse, status: number, body?: unknown): void {
  if (body === undefined) {
    res.writeHead(status, { 'Cache-Control': 'no-store' });
    res.end();
    return;
  }
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(text), 'Cache-Control': 'no-store' });
  res.end(text);
}

async function readText(req: IncomingMessage, maxBytes: number): Promise<string> {
  try {
    return (await readBody(req, maxBytes)).toString('utf8');
  } catch (err) {
    if (err instanceof BodyTooLarge) throw new Answer(413, 'The file is too large');
    throw err;
  }
}

const ANSWER_TEXT = ['text'];

const bearer = (req: IncomingMessage) => /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1];

/** Writes whole roots (an archive's, or what plan-next carries): one nested Y.Map per item, flat maps as fields. */
export function writeRoots(doc: Y.Doc, roots: JsonRoots, texts?: readonly string[]): void {
  applyWrites(doc, writesOf(roots, texts));
}

/** The admin token `npm run backup` reads from DATA_DIR: proof the caller can read the data itself. */
export async function adminToken(dataDir: string): Promise<string> {
  const file = path.join(dataDir, 'admin-token');
  const existing = await readFile(file, 'utf8').catch(() => '');
  if (existing.trim().length >= 32) return existing.trim();
  const token = randomBytes(32).toString('hex');
  await writeFile(file, token + '\n', { mode: 0o600 });
  return token;
}

/** Returns a handler that answers the life-cycle routes and says false for any other request. */
export function createLifecycleRoutes(ctx: LifecycleHttpContext) {
  const { config, registry, rooms, lifecycle, log } = ctx;
  const token = adminToken(config.dataDir);
  // written in the background at start: a failure is logged here, and answered where the token is needed
  token.catch((err) => log.error('could not write the admin token', { err: String(err) }));

  async function facilitatorOf(req: IncomingMessage, meetingId: string): Promise<void> {
    if (!isId(meetingId)) throw new Answer(404, 'Unknown meeting');
    const key = bearer(req);
    if (!key) throw new Answer(401, 'Missing key');
    const role = await registry.authenticate(meetingId, key);
    if (role === 'unknownMeeting') throw new Answer(404, 'Unknown meeting');
    if (role === null) throw new Answer(401, 'Wrong key');
    if (role.kind !== 'facilitator') throw new Answer(403, 'Only the facilitator may do this');
  }

  async function importArchive(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const address = ctx.clientAddress(req);
    if (ctx.meetingBudget.exhausted(address)) throw new Answer(429, TOO_MANY_MEETINGS);
    const text = await readText(req, ARCHIVE_MAX_BYTES);
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      throw new Answer(400, 'The file is not valid JSON.');
    }
    const checked = checkArchive(value);
    if (!checked.ok) throw new Answer(400, checked.error);
    if (!ctx.meetingBudget.take(address)) throw new Answer(429, TOO_MANY_MEETINGS);
    const created = await registry.createMeeting();
    const { archive } = checked;
    await rooms.withRoom(controlDocName(created.meetingId), { kind: 'control', meetingId: created.meetingId }, (room) => {
      writeRoots(room.doc, archive.control);
      // the new meeting has its own join code and nobody's participant key: it starts in the summary
      room.doc.transact(() => room.doc.getMap(ControlRoots.meeting).set('joinCode', created.joinCode), SERVER_ORIGIN);
    });
    await rooms.withRoom(meetingDocName(created.meetingId), { kind: 'meeting', meetingId: created.meetingId }, (room) => writeRoots(room.doc, archive.meeting));
    for (const [groupId, roots] of Object.entries(archive.groups ?? {})) {
      // answers are co-edited as Y.Text: the restored ones stay editable after a reopen
      await rooms.withRoom(groupDocName(created.meetingId, groupId), { kind: 'group', meetingId: created.meetingId, groupId }, (room) =>
        writeRoots(room.doc, { [GroupRoots.answers]: roots[GroupRoots.answers] ?? {} }, ANSWER_TEXT),
      );
    }
    log.info('meeting imported', { meeting: idPrefix(created.meetingId) });
    send(res, 201, created);
  }

  /** "Planera nästa möte": the forum's next meeting, carrying what planNextMeeting says. */
  async function planNext(req: IncomingMessage, res: ServerResponse, meetingId: string): Promise<void> {
    await facilitatorOf(req, meetingId);
    // a facilitator key lifts nothing: the next meeting is one more from this address
    const address = ctx.clientAddress(req);
    if (ctx.meetingBudget.exhausted(address)) throw new Answer(429, TOO_MANY_MEETINGS);
    // the term already sent this meeting's open steps to a planned meeting: a second next meeting
    // would carry them twice (the console offers the planned one instead)
    const carriedTo = await lifecycle.series.carriedTo(meetingId);
    if (carriedTo && (await registry.exists(carriedTo))) throw new Answer(409, 'The next meeting is already planned and has the open steps: open that one');
    const read = (name: string, kind: 'control' | 'meeting') =>
      rooms.withRoom(name, { kind, meetingId } as never, (room) => rootsOf(room.doc));
    const control = await read(controlDocName(meetingId), 'control');
    const meeting = await read(meetingDocName(meetingId), 'meeting');
    const next = planNextMeeting({ meetingId, meeting, control }, Date.now());
    if (!ctx.meetingBudget.take(address)) throw new Answer(429, TOO_MANY_MEETINGS);
    const created = await registry.createMeeting();
    await rooms.withRoom(controlDocName(created.meetingId), { kind: 'control', meetingId: created.meetingId }, (room) => {
      initialiseControlDoc(room.doc, next.title, created.joinCode);
      writeRoots(room.doc, next.control);
    });
    await rooms.withRoom(meetingDocName(created.meetingId), { kind: 'meeting', meetingId: created.meetingId }, (room) => writeRoots(room.doc, next.meeting));
    await lifecycle.series.add(meetingId, created.meetingId);
    log.info('next meeting planned', { meeting: idPrefix(created.meetingId), from: idPrefix(meetingId) });
    send(res, 201, created);
  }

  async function backup(req: IncomingMessage, res: ServerResponse): Promise<void> {
    // loopback only, straight from the socket (a proxy's X-Forwarded-For is not trusted here)
    const remote = req.socket.remoteAddress ?? '';
    const loopback = remote === '127.0.0.1' || remote === '::1' || remote === '::ffff:127.0.0.1';
    if (!loopback || req.headers['x-forwarded-for'] !== undefined) throw new Answer(403, 'Backups are taken on the server itself');
    const given = Buffer.from(bearer(req) ?? '');
    const expected = Buffer.from(await token);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw new Answer(401, 'Wrong admin token');
    let body: { dir?: unknown };
    try {
      body = JSON.parse((await readText(req, 4096)) || '{}');
    } catch {
      throw new Answer(400, 'Body is not valid JSON');
    }
    if (typeof body.dir !== 'string' || !path.isAbsolute(body.dir)) throw new Answer(400, 'Give an absolute "dir" that does not exist yet');
    try {
      send(res, 200, await lifecycle.backup(body.dir));
    } catch (err) {
      throw new Answer(409, `Backup failed: ${err instanceof Error ? err.message : String(err)}`);
    }
  }

  async function route(req: IncomingMessage, res: ServerResponse, parts: string[], method: string): Promise<boolean> {
    if (parts.length === 1 && parts[0] === 'import' && method === 'POST') {
      await importArchive(req, res);
      return true;
    }
    if (parts.length === 2 && parts[0] === 'admin' && parts[1] === 'backup' && method === 'POST') {
      await backup(req, res);
      return true;
    }
    if (parts[0] !== 'meetings') return false;
    const meetingId = parts[1] ?? '';
    if (parts.length === 2 && method === 'DELETE') {
      await facilitatorOf(req, meetingId);
      await lifecycle.deleteMeeting(meetingId);
      send(res, 204);
      return true;
    }
    if (parts.length === 3 && parts[2] === 'series' && method === 'GET') {
      await facilitatorOf(req, meetingId);
      send(res, 200, { meetings: await seriesOverview({ registry, rooms, lifecycle }, meetingId) });
      return true;
    }
    if (parts.length !== 3 || method !== 'POST') return false;
    const action = parts[2];
    if (action === 'close' || action === 'reopen') {
      await facilitatorOf(req, meetingId);
      if (action === 'close') await lifecycle.close(meetingId);
      else await lifecycle.reopen(meetingId);
      send(res, 200, { closed: action === 'close' });
      return true;
    }
    if (action === 'next') {
      await planNext(req, res, meetingId);
      return true;
    }
    if (action === 'facilitator-key') {
      await facilitatorOf(req, meetingId);
      const facilitatorKey = await lifecycle.replaceFacilitatorKey(meetingId);
      if (!facilitatorKey) throw new Answer(404, 'Unknown meeting');
      send(res, 200, { facilitatorKey });
      return true;
    }
    return false;
  }

  return async (req: IncomingMessage, res: ServerResponse, parts: string[], method: string): Promise<boolean> => {
    try {
      return await route(req, res, parts, method);
    } catch (err) {
      if (!(err instanceof Answer)) throw err;
      // refused before the body was read: read the rest first, so the client still writing it gets the answer
      await discardRest(req);
      if (!res.headersSent && !res.destroyed) send(res, err.status, { error: err.message });
      return true;
    }
  };
}
