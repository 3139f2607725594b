// The meeting's own endpoints: create, join by code, add and rename a participant, replace the
// board key, and the server's clock and LAN addresses.
import type { IncomingMessage } from 'node:http';
import * as Y from 'yjs';
import { isId, normaliseJoinCode } from '../../common/docNames';
import { ControlRoots } from '../../common/schema';
import { Defaults, TextRules } from '../../common/records';
import { cleanText, parseText, type TextRule } from '../../common/text';
import type { RelayConfig } from '../config';
import type { MeetingRegistry, Role } from '../meetings';
import { SERVER_ORIGIN, type Rooms } from '../relay/rooms';
import { WindowCounter } from '../relay/limits';
import { idPrefix, type Logger } from '../log';
import type { Lifecycle } from '../lifecycle';
import { HttpError } from './answer';
import { readJson } from './body';
import type { MeetingBudget } from './meetingBudget';
import type { Handlers } from './routeTable';

export interface MeetingRoutesContext {
  config: RelayConfig;
  registry: MeetingRegistry;
  rooms: Rooms;
  log: Logger;
  meetingBudget: MeetingBudget;
  clientAddress(req: IncomingMessage): string;
  /** the server's LAN addresses, known once listening */
  lanUrls(): string[];
  /** closes the open sockets of a meeting whose role matches (a replaced key stops at once) */
  closeSockets(meetingId: string, which: (role: Role) => boolean, code: number, reason: string): void;
  /** closed meetings take no new participants or renames */
  lifecycle: Pick<Lifecycle, 'isClosed' | 'replaceBoardKey'>;
  /** several instances: let a meeting made here go once written; resolves when it went (MeetingGate.passOn) */
  passOn?(meetingId: string): Promise<void>;
}

export const TOO_MANY_MEETINGS = 'Too many meetings created from this address; try again later';

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

/** A text field parsed by the shared parser and its field's rule (common/records.ts); absent is undefined unless `required`. */
function textField(body: Record<string, unknown>, field: string, rule: TextRule, required: boolean): string | undefined {
  const raw = body[field];
  if (raw === undefined && !required) return undefined;
  if (raw === undefined) throw new HttpError(400, `${rule.label ?? 'Text'} is required`);
  const result = parseText(raw, rule);
  if (!result.ok) throw new HttpError(400, result.message);
  return result.value;
}

export function meetingRoutes(ctx: MeetingRoutesContext): Handlers {
  const { config, registry, rooms, log } = ctx;
  const joinFailures = new WindowCounter(config.joinFailureWindowMs);
  const withControl = <T>(meetingId: string, fn: (doc: Y.Doc) => T) => rooms.withDoc({ kind: 'control', meetingId }, fn);

  return {
    async createMeeting({ req, answer }) {
      const address = ctx.clientAddress(req);
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
      answer(201, created);
    },

    async resolveJoinCode({ req, params, answer }) {
      const address = ctx.clientAddress(req);
      const failedHere = joinFailures.count(address);
      // a flood of wrong codes from many addresses stops everyone who has guessed wrong, but not
      // the person who types the right code first time: the room can still join during an attack
      if (failedHere >= config.joinFailuresPerAddress || (failedHere > 0 && joinFailures.count('*') >= config.joinFailuresTotal)) {
        throw new HttpError(429, 'Too many attempts; wait a few minutes and try again');
      }
      let decoded = params.code;
      try {
        decoded = decodeURIComponent(params.code);
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
      answer(200, { meetingId });
    },

    async addParticipant({ req, params: { meetingId }, answer }) {
      if (!isId(meetingId) || !(await registry.exists(meetingId))) throw new HttpError(404, 'Unknown meeting');
      if (ctx.lifecycle.isClosed(meetingId)) throw new HttpError(423, 'This meeting is closed');
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
        meeting: encode(await rooms.withDoc({ kind: 'meeting', meetingId }, (doc) => Y.encodeStateAsUpdate(doc))),
        control: encode(await withControl(meetingId, (doc) => Y.encodeStateAsUpdate(doc))),
      };
      answer(201, { ...added, state });
    },

    async replaceBoardKey({ params: { meetingId }, answer }) {
      // on the instance that serves the meeting, which closes the boards the old key opened
      const boardKey = await ctx.lifecycle.replaceBoardKey(meetingId);
      if (!boardKey) throw new HttpError(404, 'Unknown meeting');
      log.info('board key replaced', { meeting: idPrefix(meetingId) });
      answer(200, { boardKey });
    },

    async renameParticipant({ req, params: { meetingId, participantId }, role, answer }) {
      if (role?.kind === 'board') throw new HttpError(403, 'The board key changes nothing');
      if (role?.kind === 'participant' && role.participantId !== participantId) throw new HttpError(403, 'Not your name to change');
      if (!isId(participantId) || !(await registry.hasParticipant(meetingId, participantId))) throw new HttpError(404, 'Unknown participant');
      if (ctx.lifecycle.isClosed(meetingId)) throw new HttpError(423, 'This meeting is closed');
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
      answer(200, result);
    },

    async time({ answer }) {
      answer(200, { now: Date.now() });
    },

    async info({ answer }) {
      answer(200, { lanUrls: ctx.lanUrls() });
    },
  };
}
