// The term and the calendars with two relays on one PostgreSQL: a meeting of the forum's series
// live on the other instance does not make the term's routes or the feed wait and fail, nor do
// they take that meeting from the instance serving it.
import { afterEach, describe, expect, it } from 'vitest';
import { controlDocName } from '../../common/docNames';
import { api, connectDoc, createMeeting, freshDatabaseUrl, startRelay, type DocClient, type TestRelay } from '../relay/helpers';

const relays: TestRelay[] = [];
const clients: DocClient[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy();
  for (const r of relays.splice(0)) await r.dispose();
});

const bearer = (key: string) => ({ authorization: `Bearer ${key}` });
const TERM = [
  { title: 'Första', date: '2027-02-14', start: '13:00', end: '15:00', place: 'Sal 1' },
  { title: 'Andra', date: '2027-03-25', start: '09:00', end: '10:30', place: 'Sal 2' },
];

describe('the term while a meeting of the series is live on another instance', () => {
  it('the term, a new term and the feed answer at once; the live meeting stays where it is served', async () => {
    const databaseUrl = await freshDatabaseUrl();
    const a = await startRelay({ databaseUrl, meetingLockWaitMs: 300, meetingReleaseMs: 200, createMeetingsPerAddress: 8 });
    const b = await startRelay({ databaseUrl, meetingLockWaitMs: 300, meetingReleaseMs: 200 });
    relays.push(a, b);
    const m = await createMeeting(a.url, 'Forum');
    const source = connectDoc(a.wsUrl, controlDocName(m.meetingId), m.facilitatorKey);
    clients.push(source);
    await source.synced;
    source.doc.getMap('meeting').set('forumName', 'Samverkan Nord');
    await a.server.settle();
    const planned = await api<{ meetings: { meetingId: string; facilitatorKey: string }[] }>(a.url, `/api/meetings/${m.meetingId}/term`, { method: 'POST', headers: bearer(m.facilitatorKey), body: { meetings: TERM } });
    expect(planned.status).toBe(201);
    // the last planned meeting is the one held elsewhere: the feed's name and join codes come from the registry
    const first = planned.body.meetings[1];
    // let a's hold on the planned meetings go
    await new Promise((r) => setTimeout(r, 600));

    // the first planned meeting is held on b, as during that meeting
    const live = connectDoc(b.wsUrl, controlDocName(first.meetingId), first.facilitatorKey);
    clients.push(live);
    await live.synced;
    expect(b.server.meetingsServed()).toContain(first.meetingId);
    let closedWith: number | null = null;
    void live.closed.then((code) => (closedWith = code));

    const state = await api(a.url, `/api/meetings/${m.meetingId}/term`, { headers: bearer(m.facilitatorKey) });
    expect(state.status).toBe(200);

    const feed = await api<{ feedPath: string }>(a.url, `/api/meetings/${m.meetingId}/feed-key`, { method: 'POST', headers: bearer(m.facilitatorKey) });
    expect(feed.status).toBe(200);
    const ics = await fetch(a.url + feed.body.feedPath);
    expect(ics.status).toBe(200);
    const text = await ics.text();
    expect(text).toContain('SUMMARY:Första');
    expect(text).toContain('X-WR-CALNAME:Samverkan Nord');

    // more meetings planned: the facilitator gets every new key even though one meeting of the
    // series could not be told about them
    const more = await api<{ meetings: { meetingId: string }[] }>(a.url, `/api/meetings/${m.meetingId}/term`, {
      method: 'POST',
      headers: bearer(m.facilitatorKey),
      body: { meetings: [{ title: 'Tredje', date: '2027-04-01', start: '09:00', end: '11:00', place: 'Sal 3' }] },
    });
    expect(more.status).toBe(201);
    expect(more.body.meetings).toHaveLength(1);
    const made = more.body.meetings[0] as { meetingId: string; facilitatorKey: string };
    expect((await api(a.url, `/api/meetings/${made.meetingId}/term`, { headers: bearer(made.facilitatorKey) })).status).toBe(200);

    // the live meeting was never taken from b: its socket is open and a new one there syncs
    expect(a.server.meetingsServed()).not.toContain(first.meetingId);
    const again = connectDoc(b.wsUrl, controlDocName(first.meetingId), first.facilitatorKey);
    clients.push(again);
    await again.synced;
    expect(closedWith).toBeNull();
  });
});
