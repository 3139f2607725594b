// A forum's term over a real relay: the facilitator plans the coming meetings, each one is a real
// meeting in the series with the forum's organisations and agenda, the open steps go once to the
// first of them, every planned meeting has an .ics and the series a feed with its own key; only
// the facilitator key plans, downloads or makes a feed key.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import ICAL from 'ical.js';
import { controlDocName, meetingDocName } from '../../common/docNames';
import type { SeriesMeeting } from '../../common/series';
import { addParticipant, api, createMeeting, relayForEachTest, roundTrip, type CreatedMeeting } from './helpers';

const ctx = relayForEachTest({ createMeetingsPerAddress: 8 });
const bearer = (key: string) => ({ authorization: `Bearer ${key}` });

interface Planned extends CreatedMeeting {
  plan: { title: string; date: string; start: string; end: string; place: string; link: string; sequence: number };
}

const TERM = [
  { title: 'Vårens tredje', date: '2027-04-01', start: '09:00', end: '11:00', place: 'Kommunhuset, sal 3' },
  { title: 'Vårens första', date: '2027-02-14', start: '13:00', end: '15:00', link: 'https://video.example/forum-norr' },
  { title: 'Vårens andra', date: '2027-03-25', start: '09:00', end: '10:30', place: 'Vårdcentralen' },
];

function put(doc: Y.Doc, root: string, id: string, fields: Record<string, unknown>) {
  const item = new Y.Map<unknown>();
  doc.getMap(root).set(id, item);
  for (const [k, v] of Object.entries(fields)) item.set(k, v);
}

async function forumWithSteps(): Promise<CreatedMeeting> {
  const { relay } = ctx;
  const m = await createMeeting(relay.url, 'Forum Norr');
  const control = ctx.connect(relay.wsUrl, controlDocName(m.meetingId), m.facilitatorKey);
  const meeting = ctx.connect(relay.wsUrl, meetingDocName(m.meetingId), m.facilitatorKey);
  await Promise.all([control.synced, meeting.synced]);
  control.doc.getMap('meeting').set('forumName', 'Samverkan Nord');
  put(control.doc, 'expectedOrgs', 'o1', { id: 'o1', name: 'Primärvården', order: 'a0' });
  put(control.doc, 'agenda', 'a1', { id: 'a1', text: 'Uppföljning', order: 'a0', proposalId: null });
  put(meeting.doc, 'notes', 'n1', { id: 'n1', text: 'Lokalfrågan', parked: true, handOverTo: 'Fastighet', clusterId: null, order: 'a0' });
  put(meeting.doc, 'nextSteps', 's1', { id: 's1', what: 'Kartlägg', ownerKind: 'text', ownerText: 'Åsa', due: 'next', mandate: 'decide', status: 'notStarted', order: 'a0' });
  // every field written has reached the relay (each was its own update on the wire), then its actions ran
  await Promise.all([roundTrip(control), roundTrip(meeting)]);
  await relay.server.settle();
  return m;
}

async function planTerm(m: CreatedMeeting, meetings: unknown[] = TERM): Promise<Planned[]> {
  const res = await api<{ meetings: Planned[] }>(ctx.relay.url, `/api/meetings/${m.meetingId}/term`, { method: 'POST', headers: bearer(m.facilitatorKey), body: { meetings } });
  expect(res.status).toBe(201);
  return res.body.meetings;
}

async function ics(path: string, key?: string): Promise<{ status: number; type: string | null; text: string }> {
  const res = await fetch(ctx.relay.url + path, { headers: key ? bearer(key) : {} });
  return { status: res.status, type: res.headers.get('content-type'), text: await res.text() };
}

function events(text: string) {
  const comp = new ICAL.Component(ICAL.parse(text));
  for (const tz of comp.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(tz);
  return comp.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
}

describe('the term of a forum', () => {
  it('plans three meetings in date order, each with the forum, its organisations and agenda, the open steps only in the first', async () => {
    const { relay } = ctx;
    const m = await forumWithSteps();
    const planned = await planTerm(m);
    expect(planned.map((p) => p.plan.title)).toEqual(['Vårens första', 'Vårens andra', 'Vårens tredje']);
    expect(planned[1].plan.end).toBe('10:30');
    for (const [i, p] of planned.entries()) {
      const control = ctx.connect(relay.wsUrl, controlDocName(p.meetingId), p.facilitatorKey);
      const meeting = ctx.connect(relay.wsUrl, meetingDocName(p.meetingId), p.facilitatorKey);
      await Promise.all([control.synced, meeting.synced]);
      expect(control.doc.getMap('meeting').toJSON()).toMatchObject({ title: p.plan.title, forumName: 'Samverkan Nord', joinCode: p.joinCode });
      expect(control.doc.getMap('expectedOrgs').toJSON()).toEqual({ o1: { id: 'o1', name: 'Primärvården', order: 'a0' } });
      expect(Object.values(control.doc.getMap('agenda').toJSON()).map((a) => (a as { text: string }).text)).toEqual(['Uppföljning']);
      expect(control.doc.getMap('term').toJSON()).toMatchObject({ date: p.plan.date, start: p.plan.start, nextDate: planned[i + 1]?.plan.date ?? '' });
      const followup = control.doc.getMap('followup').toJSON() as Record<string, { what: string; when: string }>;
      const notes = Object.values(meeting.doc.getMap('notes').toJSON()) as { text: string }[];
      if (i === 0) {
        // "före nästa möte" now belongs to this meeting: due before the one after it
        expect(Object.values(followup)).toEqual([expect.objectContaining({ what: 'Kartlägg', when: 'next' })]);
        expect((control.doc.getMap('phase').get('phases') as string[]).slice(0, 3)).toEqual(['setup', 'checkin', 'followup']);
        expect(notes.map((n) => n.text)).toEqual(['Lokalfrågan']);
      } else {
        expect(followup).toEqual({});
        expect(notes).toEqual([]);
      }
    }
    // the meeting it was planned from knows its next meeting too
    const source = ctx.connect(relay.wsUrl, controlDocName(m.meetingId), m.facilitatorKey);
    await source.synced;
    expect(source.doc.getMap('term').toJSON()).toMatchObject({ date: '', nextDate: '2027-02-14', nextStart: '13:00', nextTitle: 'Vårens första' });
    // the series lists them by date, planned ones with their time and place
    const series = await api<{ meetings: SeriesMeeting[] }>(relay.url, `/api/meetings/${planned[2].meetingId}/series`, { headers: bearer(planned[2].facilitatorKey) });
    expect(series.body.meetings.map((x) => x.meetingId)).toEqual([m, ...planned].map((x) => x.meetingId));
    expect(series.body.meetings[3].planned).toMatchObject({ start: '09:00', end: '11:00', place: 'Kommunhuset, sal 3', sequence: 0 });
    expect(series.body.meetings[0].planned).toBeNull();
  });

  it('carries a planned meeting’s open steps to the next planned one once', async () => {
    const { relay } = ctx;
    const m = await createMeeting(relay.url, 'Forum');
    const [first, second] = await planTerm(m, TERM.slice(1));
    const meeting = ctx.connect(relay.wsUrl, meetingDocName(first.meetingId), first.facilitatorKey);
    await meeting.synced;
    put(meeting.doc, 'nextSteps', 's9', { id: 's9', what: 'Bjud in hemtjänsten', ownerKind: 'forum', due: '2027-03-01', mandate: 'decide', status: 'ongoing', order: 'a0' });
    await relay.server.settle();
    const res = await api(relay.url, `/api/meetings/${first.meetingId}/carry`, { method: 'POST', headers: bearer(first.facilitatorKey) });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ meetingId: second.meetingId, date: '2027-03-25', steps: 1 });
    const control = ctx.connect(relay.wsUrl, controlDocName(second.meetingId), second.facilitatorKey);
    await control.synced;
    expect(Object.values(control.doc.getMap('followup').toJSON())).toEqual([expect.objectContaining({ what: 'Bjud in hemtjänsten', status: 'carried' })]);
    expect(control.doc.getMap('phase').get('phases')).toContain('followup');
    const again = await api(relay.url, `/api/meetings/${first.meetingId}/carry`, { method: 'POST', headers: bearer(first.facilitatorKey) });
    expect(again.status).toBe(409);
    // a code beside the English text, for the console to say in its own language
    expect(again.body.code).toBe('alreadyCarried');
    // nor does "Planera nästa möte" make another meeting to carry them to a second time
    const nextAgain = await api(relay.url, `/api/meetings/${first.meetingId}/next`, { method: 'POST', headers: bearer(first.facilitatorKey), body: {} });
    expect(nextAgain.status).toBe(409);
    expect(nextAgain.body.code).toBe('alreadyCarried');
    // the last planned meeting has nothing after it
    const last = await api(relay.url, `/api/meetings/${second.meetingId}/carry`, { method: 'POST', headers: bearer(second.facilitatorKey) });
    expect(last.status).toBe(409);
    expect(last.body.code).toBe('nothingPlannedAfter');
  });

  it('carries open steps once: after "Planera nästa möte" a term or a carry takes nothing again, and every way names the notes alike', async () => {
    const { relay } = ctx;
    const m = await forumWithSteps();
    const next = await api<CreatedMeeting>(relay.url, `/api/meetings/${m.meetingId}/next`, { method: 'POST', headers: bearer(m.facilitatorKey) });
    expect(next.status).toBe(201);
    const viaNext = ctx.connect(relay.wsUrl, controlDocName(next.body.meetingId), next.body.facilitatorKey);
    const viaNextNotes = ctx.connect(relay.wsUrl, meetingDocName(next.body.meetingId), next.body.facilitatorKey);
    await Promise.all([viaNext.synced, viaNextNotes.synced]);
    expect(Object.values(viaNext.doc.getMap('followup').toJSON())).toEqual([expect.objectContaining({ what: 'Kartlägg', when: 'next' })]);
    expect(Object.keys(viaNextNotes.doc.getMap('notes').toJSON())).toEqual([`parked-${m.meetingId.slice(0, 8)}-0`]);
    // a term planned afterwards carries nothing into its first meeting
    const planned = await planTerm(m, TERM.slice(1));
    for (const p of planned) {
      const control = ctx.connect(relay.wsUrl, controlDocName(p.meetingId), p.facilitatorKey);
      const meeting = ctx.connect(relay.wsUrl, meetingDocName(p.meetingId), p.facilitatorKey);
      await Promise.all([control.synced, meeting.synced]);
      expect(control.doc.getMap('followup').toJSON()).toEqual({});
      expect(meeting.doc.getMap('notes').toJSON()).toEqual({});
    }
    // nor does a carry
    const carry = await api(relay.url, `/api/meetings/${m.meetingId}/carry`, { method: 'POST', headers: bearer(m.facilitatorKey) });
    expect(carry.status).toBe(409);
  });

  it('gives each planned meeting an .ics with Stockholm time, the place or link and the join page, never a key', async () => {
    const m = await createMeeting(ctx.relay.url, 'Forum');
    const planned = await planTerm(m);
    for (const p of planned) {
      const res = await ics(`/api/meetings/${p.meetingId}/calendar.ics`, p.facilitatorKey);
      expect(res.status).toBe(200);
      expect(res.type).toBe('text/calendar; charset=utf-8');
      expect(res.text).toContain('BEGIN:VTIMEZONE\r\nTZID:Europe/Stockholm');
      const [e] = events(res.text);
      expect(events(res.text)).toHaveLength(1);
      expect(e.uid).toBe(`${p.meetingId}@samverkansverkstad`);
      expect(e.summary).toBe(p.plan.title);
      expect(e.description).toContain(`${ctx.relay.url}/j/${p.joinCode}`);
      for (const secret of [p.facilitatorKey, p.boardKey, m.facilitatorKey]) expect(res.text).not.toContain(secret);
    }
    const [first, second, third] = planned.map((p) => p.meetingId);
    const byId = Object.fromEntries(await Promise.all(planned.map(async (p) => [p.meetingId, events((await ics(`/api/meetings/${p.meetingId}/calendar.ics`, p.facilitatorKey)).text)[0]] as const)));
    // 13:00 in February (CET), 09:00 on 25 March (still CET), 09:00 on 1 April (CEST)
    expect(byId[first].startDate.toJSDate().toISOString()).toBe('2027-02-14T12:00:00.000Z');
    expect(byId[second].startDate.toJSDate().toISOString()).toBe('2027-03-25T08:00:00.000Z');
    expect(byId[third].startDate.toJSDate().toISOString()).toBe('2027-04-01T07:00:00.000Z');
    expect(byId[first].location).toBe('https://video.example/forum-norr');
    expect(byId[third].location).toBe('Kommunhuset, sal 3');
    // a meeting nobody planned has no calendar file
    expect((await ics(`/api/meetings/${m.meetingId}/calendar.ics`, m.facilitatorKey)).status).toBe(404);
  });

  it('takes the facilitator key only: board, participant, wrong and missing keys are refused everywhere', async () => {
    const { relay } = ctx;
    const m = await createMeeting(relay.url, 'Forum');
    const [p] = await planTerm(m, TERM.slice(0, 1));
    const participant = await addParticipant(relay.url, p.meetingId, 'Åsa', 'Region');
    const body = { meetings: TERM.slice(0, 1) };
    const tries: [string, string, unknown?][] = [
      ['POST', `/api/meetings/${p.meetingId}/term`, body],
      ['PUT', `/api/meetings/${p.meetingId}/plan`, TERM[0]],
      ['POST', `/api/meetings/${p.meetingId}/carry`],
      ['GET', `/api/meetings/${p.meetingId}/calendar.ics`],
      ['POST', `/api/meetings/${p.meetingId}/feed-key`],
      ['GET', `/api/meetings/${p.meetingId}/term`],
    ];
    for (const [method, path, payload] of tries) {
      for (const [key, status] of [
        [p.boardKey, 403],
        [participant.participantKey, 403],
        [m.facilitatorKey, 401],
        ['x'.repeat(21), 401],
      ] as const) {
        const res = await api(relay.url, path, { method, headers: bearer(key), ...(payload ? { body: payload } : {}) });
        expect(res.status, `${method} ${path}`).toBe(status);
      }
      expect((await api(relay.url, path, { method, ...(payload ? { body: payload } : {}) })).status).toBe(401);
    }
  });

  it('serves the whole term as a feed at its own key, which a new key replaces at once', async () => {
    const { relay } = ctx;
    const m = await createMeeting(relay.url, 'Forum');
    const planned = await planTerm(m);
    const made = await api<{ feedKey: string; feedPath: string }>(relay.url, `/api/meetings/${planned[1].meetingId}/feed-key`, { method: 'POST', headers: bearer(planned[1].facilitatorKey) });
    expect(made.status).toBe(200);
    expect(made.body.feedPath).toBe(`/api/calendar/${made.body.feedKey}.ics`);
    const feed = await ics(made.body.feedPath);
    expect(feed.status).toBe(200);
    expect(feed.type).toBe('text/calendar; charset=utf-8');
    const list = events(feed.text);
    expect(list.map((e) => e.uid)).toEqual(planned.map((p) => `${p.meetingId}@samverkansverkstad`));
    expect(list.map((e) => e.startDate.toJSDate().toISOString())).toEqual(['2027-02-14T12:00:00.000Z', '2027-03-25T08:00:00.000Z', '2027-04-01T07:00:00.000Z']);
    for (const p of [m, ...planned]) for (const secret of [p.facilitatorKey, p.boardKey]) expect(feed.text).not.toContain(secret);
    expect(feed.text).not.toContain(made.body.feedKey);

    // a change to one meeting reaches the feed with a higher SEQUENCE and a new LAST-MODIFIED
    const moved = await api(relay.url, `/api/meetings/${planned[1].meetingId}/plan`, {
      method: 'PUT',
      headers: bearer(planned[1].facilitatorKey),
      body: { ...TERM[2], date: '2027-03-26', start: '10:00', end: '11:00' },
    });
    expect(moved.status).toBe(200);
    const after = events((await ics(made.body.feedPath)).text).find((e) => e.uid.startsWith(planned[1].meetingId))!;
    expect(after.sequence).toBe(1);
    expect(after.startDate.toJSDate().toISOString()).toBe('2027-03-26T09:00:00.000Z');
    const before = events(feed.text).find((e) => e.uid.startsWith(planned[1].meetingId))!;
    expect(after.component.getFirstPropertyValue('last-modified')!.toString() > before.component.getFirstPropertyValue('last-modified')!.toString()).toBe(true);

    // any meeting of the series makes a new key; the old one stops at once
    const replaced = await api<{ feedKey: string; feedPath: string }>(relay.url, `/api/meetings/${m.meetingId}/feed-key`, { method: 'POST', headers: bearer(m.facilitatorKey) });
    expect(replaced.body.feedKey).not.toBe(made.body.feedKey);
    expect((await ics(made.body.feedPath)).status).toBe(404);
    expect(events((await ics(replaced.body.feedPath)).text)).toHaveLength(3);
    // no key of a meeting opens the feed, and nothing else does either
    for (const wrong of [m.facilitatorKey, planned[0].boardKey, 'x'.repeat(21), '../../etc']) {
      expect((await ics(`/api/calendar/${encodeURIComponent(wrong)}.ics`)).status).toBe(404);
    }
  });

  it('parses every text of a plan with the one parser and refuses what is not a plan', async () => {
    const { relay } = ctx;
    const m = await createMeeting(relay.url, 'Forum');
    const [p] = await planTerm(m, [{ title: 'Möte\r\nBEGIN:VEVENT\r\nSUMMARY:x;y,z\u202E', date: '2027-05-01', start: '09:00', place: 'Sal\nEND:VCALENDAR' }]);
    expect(p.plan).toMatchObject({ title: 'Möte BEGIN:VEVENT SUMMARY:x;y,z', place: 'Sal END:VCALENDAR', end: '10:00' });
    const list = events((await ics(`/api/meetings/${p.meetingId}/calendar.ics`, p.facilitatorKey)).text);
    expect(list).toHaveLength(1);
    expect(list[0].summary).toBe('Möte BEGIN:VEVENT SUMMARY:x;y,z');
    const bad = [
      { ...TERM[0], date: '2027-02-30' },
      { ...TERM[0], start: '25:00' },
      { ...TERM[0], end: '08:00' },
      { ...TERM[0], link: 'javascript:alert(1)' },
      { ...TERM[0], title: 'x'.repeat(121) },
    ];
    for (const plan of bad) {
      const res = await api(relay.url, `/api/meetings/${m.meetingId}/term`, { method: 'POST', headers: bearer(m.facilitatorKey), body: { meetings: [plan] } });
      expect(res.status, JSON.stringify(plan)).toBe(400);
      expect(res.body.error).toMatch(/^Meeting 1: /);
      expect(res.body.code).toBe('invalidPlan');
    }
    const many = await api(relay.url, `/api/meetings/${m.meetingId}/term`, { method: 'POST', headers: bearer(m.facilitatorKey), body: { meetings: Array(13).fill(TERM[0]) } });
    expect(many.status).toBe(400);
  });

  it('counts every planned meeting against the address’s budget of new meetings', async () => {
    const m = await createMeeting(ctx.relay.url, 'Forum');
    const planned = await planTerm(m, [...TERM, ...TERM]);
    // 1 created + 6 planned of 8: three more do not fit
    const res = await api(ctx.relay.url, `/api/meetings/${m.meetingId}/term`, { method: 'POST', headers: bearer(m.facilitatorKey), body: { meetings: TERM } });
    expect(res.status).toBe(429);
    // the same budget as create and "Planera nästa möte": one more fits, then none
    const last = planned[planned.length - 1];
    const next = () => api(ctx.relay.url, `/api/meetings/${last.meetingId}/next`, { method: 'POST', headers: bearer(last.facilitatorKey), body: {} });
    expect((await next()).status).toBe(201);
    expect((await next()).status).toBe(429);
  });
});

describe('a deleted planned meeting', () => {
  it('leaves the term: the next meeting before it becomes the next one again when a summary asks', async () => {
    const { relay } = ctx;
    const m = await createMeeting(relay.url, 'Forum');
    const [first, second] = await planTerm(m, TERM.slice(1));
    expect((await api(relay.url, `/api/meetings/${first.meetingId}`, { method: 'DELETE', headers: bearer(first.facilitatorKey) })).status).toBe(204);
    const state = await api(relay.url, `/api/meetings/${m.meetingId}/term`, { headers: bearer(m.facilitatorKey) });
    expect(state.body).toEqual({ feed: false, carriedTo: null });
    const control = ctx.connect(relay.wsUrl, controlDocName(m.meetingId), m.facilitatorKey);
    await control.synced;
    expect(control.doc.getMap('term').get('nextDate')).toBe(second.plan.date);
  });
});
