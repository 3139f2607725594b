// The API of a meeting's life cycle (facilitator key in Authorization), the archive import, and
// the loopback-only backup endpoint behind `npm run backup`.
import type { IncomingMessage } from 'node:http';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import * as Y from 'yjs';
import { ControlRoots, GroupRoots } from '../../common/schema';
import { ARCHIVE_MAX_BYTES, checkArchive } from '../../common/archive';
import type { JsonRoots } from '../../common/json';
import { writesOf } from '../../common/writes';
import { applyWrites } from '../docWrites';
import { carriedTarget, carryForward, nextOf } from './carry';
import { initialiseControlDoc, TOO_MANY_MEETINGS } from './meetingRoutes';
import { readJson, readText } from './body';
import { HttpError } from './answer';
import { bearerKey } from './auth';
import type { Handlers } from './routeTable';
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

const ANSWER_TEXT = ['text'];

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

/** The life-cycle endpoints' handlers (the route table has checked the facilitator key). */
export function lifecycleRoutes(ctx: LifecycleHttpContext): Handlers {
  const { config, registry, rooms, lifecycle, log } = ctx;
  const token = adminToken(config.dataDir);
  // written in the background at start: a failure is logged here, and answered where the token is needed
  token.catch((err) => log.error('could not write the admin token', { err: String(err) }));

  return {
    async importArchive({ req, answer }) {
      const address = ctx.clientAddress(req);
      if (ctx.meetingBudget.exhausted(address)) throw new HttpError(429, TOO_MANY_MEETINGS);
      const text = await readText(req, ARCHIVE_MAX_BYTES, 'The file is too large');
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch {
        throw new HttpError(400, 'The file is not valid JSON.');
      }
      const checked = checkArchive(value);
      if (!checked.ok) throw new HttpError(400, checked.error);
      if (!ctx.meetingBudget.take(address)) throw new HttpError(429, TOO_MANY_MEETINGS);
      const created = await registry.createMeeting();
      const { archive } = checked;
      await rooms.withDoc({ kind: 'control', meetingId: created.meetingId }, (doc) => {
        writeRoots(doc, archive.control);
        // the new meeting has its own join code and nobody's participant key: it starts in the summary
        doc.transact(() => doc.getMap(ControlRoots.meeting).set('joinCode', created.joinCode), SERVER_ORIGIN);
      });
      await rooms.withDoc({ kind: 'meeting', meetingId: created.meetingId }, (doc) => writeRoots(doc, archive.meeting));
      for (const [groupId, roots] of Object.entries(archive.groups ?? {})) {
        // answers are co-edited as Y.Text: the restored ones stay editable after a reopen
        await rooms.withDoc({ kind: 'group', meetingId: created.meetingId, groupId }, (doc) =>
          writeRoots(doc, { [GroupRoots.answers]: roots[GroupRoots.answers] ?? {} }, ANSWER_TEXT),
        );
      }
      log.info('meeting imported', { meeting: idPrefix(created.meetingId) });
      answer(201, created);
    },

    /** "Planera nästa möte": the forum's next meeting, carrying what planNextMeeting says. */
    async planNextMeeting({ req, params: { meetingId }, answer }) {
      // a facilitator key lifts nothing: the next meeting is one more from this address
      const address = ctx.clientAddress(req);
      if (ctx.meetingBudget.exhausted(address)) throw new HttpError(429, TOO_MANY_MEETINGS);
      // the term already sent this meeting's open steps to a planned meeting: a second next meeting
      // would carry them twice (the console offers the planned one instead)
      const carryCtx = { registry, rooms, series: lifecycle.series };
      if (await carriedTarget(carryCtx, meetingId)) throw new HttpError(409, 'The next meeting is already planned and has the open steps: open that one', {}, 'alreadyCarried');
      const next = await nextOf(carryCtx, meetingId, Date.now());
      if (!ctx.meetingBudget.take(address)) throw new HttpError(429, TOO_MANY_MEETINGS);
      const created = await registry.createMeeting();
      // the meeting as planNextMeeting makes it, then the open steps and parking lot the one way
      // every carry goes (carry.ts), which records that they went here
      const { [ControlRoots.followup]: _steps, ...control } = next.control;
      await rooms.withDoc({ kind: 'control', meetingId: created.meetingId }, (doc) => {
        initialiseControlDoc(doc, next.title, created.joinCode);
        writeRoots(doc, control);
      });
      await lifecycle.series.add(meetingId, created.meetingId);
      await carryForward(carryCtx, meetingId, created.meetingId, next);
      log.info('next meeting planned', { meeting: idPrefix(created.meetingId), from: idPrefix(meetingId) });
      answer(201, created);
    },

    async backup({ req, answer }) {
      // loopback only, straight from the socket (a proxy's X-Forwarded-For is not trusted here)
      const remote = req.socket.remoteAddress ?? '';
      const loopback = remote === '127.0.0.1' || remote === '::1' || remote === '::ffff:127.0.0.1';
      if (!loopback || req.headers['x-forwarded-for'] !== undefined) throw new HttpError(403, 'Backups are taken on the server itself');
      const given = Buffer.from(bearerKey(req) ?? '');
      const expected = Buffer.from(await token);
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw new HttpError(401, 'Wrong admin token');
      const body = await readJson(req, 4096);
      if (typeof body.dir !== 'string' || !path.isAbsolute(body.dir)) throw new HttpError(400, 'Give an absolute "dir" that does not exist yet');
      try {
        answer(200, await lifecycle.backup(body.dir));
      } catch (err) {
        throw new HttpError(409, `Backup failed: ${err instanceof Error ? err.message : String(err)}`);
      }
    },

    async deleteMeeting({ params: { meetingId }, answer }) {
      await lifecycle.deleteMeeting(meetingId);
      answer(204, null);
    },

    async series({ params: { meetingId }, answer }) {
      answer(200, { meetings: await seriesOverview({ registry, rooms, lifecycle }, meetingId) });
    },

    async closeMeeting({ params: { meetingId }, answer }) {
      await lifecycle.close(meetingId);
      answer(200, { closed: true });
    },

    async reopenMeeting({ params: { meetingId }, answer }) {
      await lifecycle.reopen(meetingId);
      answer(200, { closed: false });
    },

    async replaceFacilitatorKey({ params: { meetingId }, answer }) {
      const facilitatorKey = await lifecycle.replaceFacilitatorKey(meetingId);
      if (!facilitatorKey) throw new HttpError(404, 'Unknown meeting');
      answer(200, { facilitatorKey });
    },
  };
}
