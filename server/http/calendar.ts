// The forum's term (issue 22): plan the coming meetings, change one, carry a meeting's open steps
// to the next planned one, each planned meeting's .ics, and the series' subscription feed.
// Everything but the feed takes a facilitator key in Authorization; the feed takes its own key in
// the address (calendar apps cannot send a header), which the relay keeps only as a hash.
import type { IncomingMessage, ServerResponse } from 'node:http';
import * as Y from 'yjs';
import { ControlRoots } from '../../common/schema';
import { nextPlanned, sortKey, TERM_MAX_MEETINGS, type MeetingPlan, type PlannedMeeting } from '../../common/term';
import { parsePlan } from '../../common/plan';
import { calendar, type CalendarEvent } from '../calendar';
import { CALENDAR_LABELS, type CalendarLanguage } from '../../common/calendarLabels';
import type { ApiAnswers, EndpointName } from '../../common/api';
import { initialiseControlDoc } from './meetingRoutes';
import { writeRoots } from './lifecycle';
import { HttpError } from './answer';
import { ALREADY_CARRIED, carriedTarget, carryForward, nextOf } from './carry';
import { readJson } from './body';
import type { Handlers } from './routeTable';
import type { RelayConfig } from '../config';
import type { MeetingRegistry } from '../meetings';
import type { Lifecycle } from '../lifecycle';
import { SERVER_ORIGIN, type Rooms } from '../relay/rooms';
import { WindowCounter } from '../relay/limits';
import type { MeetingBudget } from './meetingBudget';
import { localDate } from '../../common/dates';
import { idPrefix, type Logger } from '../log';

export interface CalendarHttpContext {
  config: RelayConfig;
  registry: MeetingRegistry;
  rooms: Rooms;
  lifecycle: Lifecycle;
  log: Logger;
  clientAddress(req: IncomingMessage): string;
  /** the one per-address budget of new meetings (server/http/meetingBudget.ts): a term takes one per planned meeting */
  meetingBudget: MeetingBudget;
}

const LABELS = CALENDAR_LABELS;
type Lang = CalendarLanguage;
type Answer<N extends EndpointName> = (status: number, body: ApiAnswers[N]) => void;
const langOf = (url: URL): Lang => (url.searchParams.get('lang') === 'en' ? 'en' : 'sv');

function sendCalendar(res: ServerResponse, body: string, filename: string | null, head: boolean): void {
  res.writeHead(200, {
    'Content-Type': 'text/calendar; charset=utf-8',
    'Content-Length': Buffer.byteLength(body),
    'Cache-Control': 'no-store',
    ...(filename ? { 'Content-Disposition': `attachment; filename="${filename}"` } : {}),
  });
  res.end(head ? undefined : body);
}

const HOST = /^(?:[A-Za-z0-9.-]{1,253}|\[[0-9A-Fa-f:.]{2,45}\])(?::\d{1,5})?$/;

/** The address phones open, for the join page in a calendar event: this request's host, checked. */
function originOf(req: IncomingMessage, trustProxy: boolean): string {
  const forwarded = trustProxy ? String(req.headers['x-forwarded-proto'] ?? '').split(',')[0].trim() : '';
  const proto = forwarded === 'https' || forwarded === 'http' ? forwarded : (req.socket as { encrypted?: boolean }).encrypted ? 'https' : 'http';
  const host = req.headers.host ?? '';
  return `${proto}://${HOST.test(host) ? host : 'localhost'}`;
}

const str = (v: unknown) => (typeof v === 'string' ? v : '');

/** The term's and the calendars' handlers (the route table has checked the facilitator key where one is needed). */
export function calendarRoutes(ctx: CalendarHttpContext): Handlers {
  const { config, registry, rooms, lifecycle, log } = ctx;
  const series = lifecycle.series;
  // a wrong feed key counts like a wrong join code: nobody walks the key space
  const feedFailures = new WindowCounter(config.joinFailureWindowMs);

  const withControl = <T>(meetingId: string, fn: (doc: Y.Doc) => T) => rooms.withDoc({ kind: 'control', meetingId }, fn);

  /** A meeting's place in time: its planned start, or the day it was made (any plan that day comes after). */
  async function whenOf(meetingId: string): Promise<string | null> {
    const plan = await series.planOf(meetingId);
    if (plan) return sortKey(plan);
    const created = await registry.createdAt(meetingId);
    return created === null ? null : `${localDate(created)}T23:59`;
  }

  /** The live planned meetings of a series, in date order. */
  async function plansOf(ids: readonly string[]): Promise<(PlannedMeeting & { meetingId: string })[]> {
    const plans: (PlannedMeeting & { meetingId: string })[] = [];
    for (const id of ids) {
      const plan = await series.planOf(id);
      if (plan && (await registry.exists(id))) plans.push({ ...plan, meetingId: id });
    }
    return plans.sort((a, b) => (sortKey(a) < sortKey(b) ? -1 : sortKey(a) > sortKey(b) ? 1 : 0));
  }

  /**
   * Writes ControlRoots.term of every meeting of the series (or only `only`): its own plan and the next
   * planned meeting after it. Best effort: a meeting another instance serves (503 after the lock
   * wait) is logged and left, and refreshed the next time a plan of its series changes; what the
   * caller asked for (the planned meetings, the new plan) is stored already.
   */
  async function refreshTerm(anyMember: string, only?: string): Promise<void> {
    const ids = await series.seriesOf(anyMember);
    const plans = await plansOf(ids);
    for (const id of ids) {
      if (only !== undefined && id !== only) continue;
      if (!(await registry.exists(id))) continue;
      const when = await whenOf(id);
      if (when === null) continue;
      const mine = plans.find((p) => p.meetingId === id);
      const next = nextPlanned(plans, when);
      const fields: Record<string, string> = {
        date: mine?.date ?? '',
        start: mine?.start ?? '',
        end: mine?.end ?? '',
        place: mine?.place ?? '',
        link: mine?.link ?? '',
        nextDate: next?.date ?? '',
        nextStart: next?.start ?? '',
        nextTitle: next?.title ?? '',
      };
      try {
        await withControl(id, (doc) => {
          const map = doc.getMap<unknown>(ControlRoots.term);
          if (Object.entries(fields).every(([k, v]) => map.get(k) === v)) return;
          doc.transact(() => {
            for (const [k, v] of Object.entries(fields)) if (map.get(k) !== v) map.set(k, v);
          }, SERVER_ORIGIN);
        });
      } catch (err) {
        log.error('term not written into a meeting', { meeting: idPrefix(id), error: err instanceof Error ? err.message : String(err) });
      }
    }
  }

  const carryCtx = { registry, rooms, series };

  /** POST /term: creates each planned meeting, in date order, linked into the series. */
  async function planTerm(req: IncomingMessage, meetingId: string, answer: Answer<'planTerm'>): Promise<void> {
    const body = await readJson(req, config.maxBodyBytes);
    const list = body.meetings;
    if (!Array.isArray(list) || list.length === 0) throw new HttpError(400, 'Give "meetings": the meetings to plan', {}, 'invalidPlan');
    if (list.length > TERM_MAX_MEETINGS) throw new HttpError(400, `At most ${TERM_MAX_MEETINGS} meetings at a time`, {}, 'invalidPlan');
    const plans: MeetingPlan[] = [];
    for (const [i, raw] of list.entries()) {
      const parsed = parsePlan(raw);
      if (!parsed.ok) throw new HttpError(400, `Meeting ${i + 1}: ${parsed.message}`, {}, 'invalidPlan');
      plans.push(parsed.value);
    }
    plans.sort((a, b) => (sortKey(a) < sortKey(b) ? -1 : sortKey(a) > sortKey(b) ? 1 : 0));
    if (!ctx.meetingBudget.take(ctx.clientAddress(req), plans.length)) throw new HttpError(429, 'Too many meetings created; try again later', {}, 'tooManyMeetings');

    const now = Date.now();
    const template = await nextOf(carryCtx, meetingId, now);
    const sourceWhen = (await whenOf(meetingId)) ?? '';
    // the open steps and the parking lot go once: to the first planned meeting after this one,
    // unless they already went somewhere (an earlier term or carry)
    const carryTarget = (await carriedTarget(carryCtx, meetingId)) ? -1 : plans.findIndex((p) => sortKey(p) > sourceWhen);
    const created: { meetingId: string; facilitatorKey: string; boardKey: string; joinCode: string; plan: PlannedMeeting }[] = [];
    let previous = meetingId;
    for (const [i, plan] of plans.entries()) {
      const made = await registry.createMeeting();
      const title = plan.title || template.title;
      const info = template.control[ControlRoots.meeting] ?? {};
      const forumName = str(info.forumName);
      const record: PlannedMeeting = { ...plan, title, sequence: 0, createdAt: now, updatedAt: now, ...(forumName ? { forumName } : {}) };
      await withControl(made.meetingId, (doc) => {
        initialiseControlDoc(doc, title, made.joinCode);
        writeRoots(doc, {
          [ControlRoots.meeting]: { ...info, title, previousMeetingId: previous },
          [ControlRoots.expectedOrgs]: template.control[ControlRoots.expectedOrgs] ?? {},
          [ControlRoots.agenda]: template.control[ControlRoots.agenda] ?? {},
        });
      });
      await series.setPlan(made.meetingId, record);
      await series.add(meetingId, made.meetingId);
      if (i === carryTarget) await carryForward(carryCtx, meetingId, made.meetingId, template);
      created.push({ ...made, plan: record });
      previous = made.meetingId;
    }
    await refreshTerm(meetingId);
    log.info('term planned', { meeting: idPrefix(meetingId), count: created.length });
    answer(201, { meetings: created });
  }

  /** PUT /plan: a planned meeting's new day, time, place, link or title; calendars see a new SEQUENCE. */
  async function replan(req: IncomingMessage, meetingId: string, answer: Answer<'replan'>): Promise<void> {
    const parsed = parsePlan(await readJson(req, config.maxBodyBytes));
    if (!parsed.ok) throw new HttpError(400, parsed.message, {}, 'invalidPlan');
    const old = await series.planOf(meetingId);
    const now = Date.now();
    const plan: PlannedMeeting = old
      ? { ...parsed.value, title: parsed.value.title || old.title, sequence: old.sequence + 1, createdAt: old.createdAt, updatedAt: Math.max(now, old.updatedAt + 1000), ...(old.forumName ? { forumName: old.forumName } : {}) }
      : { ...parsed.value, sequence: 0, createdAt: now, updatedAt: now };
    // a meeting planned on its own: the forum's name from its own document (its console has it open)
    if (!old) {
      const forumName = await withControl(meetingId, (doc) => str(doc.getMap(ControlRoots.meeting).get('forumName')));
      if (forumName) plan.forumName = forumName;
    }
    await series.ensureSeries(meetingId);
    await series.setPlan(meetingId, plan);
    if (plan.title) await withControl(meetingId, (doc) => doc.transact(() => doc.getMap(ControlRoots.meeting).set('title', plan.title), SERVER_ORIGIN));
    await refreshTerm(meetingId);
    answer(200, { plan });
  }

  /** POST /carry: this meeting's open steps and parking lot into the next planned meeting. */
  async function carry(meetingId: string, answer: Answer<'carrySteps'>): Promise<void> {
    if (await carriedTarget(carryCtx, meetingId)) throw new HttpError(409, ALREADY_CARRIED, {}, 'alreadyCarried');
    const when = (await whenOf(meetingId)) ?? '';
    const next = nextPlanned(await plansOf(await series.seriesOf(meetingId)), when);
    if (!next) throw new HttpError(409, 'No meeting is planned after this one', {}, 'nothingPlannedAfter');
    const steps = await carryForward(carryCtx, meetingId, next.meetingId);
    log.info('steps carried', { meeting: idPrefix(meetingId), to: idPrefix(next.meetingId) });
    answer(200, { meetingId: next.meetingId, date: next.date, steps });
  }

  function eventOf(id: string, plan: PlannedMeeting, joinCode: string, origin: string, lang: Lang): CalendarEvent {
    return {
      uid: id,
      ...plan,
      joinUrl: `${origin}/j/${encodeURIComponent(joinCode)}`,
      joinLabel: LABELS[lang].join,
      linkLabel: LABELS[lang].link,
    };
  }

  // from the registry: the calendars open no meeting's document (it may be live on another instance)
  const joinCodeOf = async (meetingId: string) => (await registry.joinCodeOf(meetingId)) ?? '';

  async function meetingIcs(req: IncomingMessage, res: ServerResponse, meetingId: string, url: URL, head: boolean): Promise<void> {
    const plan = await series.planOf(meetingId);
    if (!plan) throw new HttpError(404, 'This meeting has no planned date', {}, 'noPlan');
    const event = eventOf(meetingId, plan, await joinCodeOf(meetingId), originOf(req, config.trustProxy), langOf(url));
    sendCalendar(res, calendar(plan.title, [event]), `mote-${plan.date}.ics`, head);
  }

  async function feed(req: IncomingMessage, res: ServerResponse, file: string, url: URL, head: boolean): Promise<void> {
    const address = ctx.clientAddress(req);
    if (feedFailures.count(address) >= config.joinFailuresPerAddress) throw new HttpError(429, 'Too many attempts; try again later');
    const key = file.endsWith('.ics') ? file.slice(0, -4) : file;
    const ids = /^[A-Za-z0-9_-]{21}$/.test(key) ? await series.seriesOfFeedKey(key) : null;
    if (!ids) {
      feedFailures.add(address);
      throw new HttpError(404, 'No calendar has that address', {}, 'notFound');
    }
    const origin = originOf(req, config.trustProxy);
    const lang = langOf(url);
    const plans = await plansOf(ids);
    const events: CalendarEvent[] = [];
    for (const p of plans) events.push(eventOf(p.meetingId, p, await joinCodeOf(p.meetingId), origin, lang));
    // the forum's name as the latest planned meeting recorded it (the registry, no document opened)
    const forum = [...plans].reverse().find((p) => p.forumName)?.forumName ?? '';
    sendCalendar(res, calendar(forum || LABELS[lang].feed, events), null, head);
  }

  return {
    planTerm: ({ req, params: { meetingId }, answer }) => planTerm(req, meetingId, answer),
    replan: ({ req, params: { meetingId }, answer }) => replan(req, meetingId, answer),
    carrySteps: ({ params: { meetingId }, answer }) => carry(meetingId, answer),
    meetingIcs: ({ req, res, params: { meetingId }, url, method }) => meetingIcs(req, res, meetingId, url, method === 'HEAD'),
    calendarFeed: ({ req, res, params: { file }, url, method }) => feed(req, res, file, url, method === 'HEAD'),
    async replaceFeedKey({ params: { meetingId }, answer }) {
      const feedKey = await series.replaceFeedKey(meetingId);
      log.info('calendar feed key replaced', { meeting: idPrefix(meetingId) });
      answer(200, { feedKey, feedPath: `/api/calendar/${feedKey}.ics` });
    },
    async termState({ params: { meetingId }, answer }) {
      // a meeting of the series deleted since: this meeting's "next meeting" is worked out again
      // (only its own document, which its console has open here; never the series' others, which
      // may be live on another instance)
      await refreshTerm(meetingId, meetingId);
      const carriedTo = await series.carriedTo(meetingId);
      const to = carriedTo && (await registry.exists(carriedTo)) ? await series.planOf(carriedTo) : null;
      answer(200, { feed: await series.hasFeed(meetingId), carriedTo: to ? { date: to.date, title: to.title } : null });
    },
  };
}
