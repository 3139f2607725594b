// A forum's series over a real relay: "Planera nästa möte" chains meetings; any of their
// facilitator keys lists the series in order, nobody else's key does, and a rating appears only
// where the meeting revealed it.
import { describe, expect, it } from 'vitest';
import { controlDocName, privateDocName } from '../../common/docNames';
import type { SeriesMeeting } from '../../common/series';
import { addParticipant, api, createMeeting, relayForEachTest, waitFor, type CreatedMeeting } from './helpers';

const ctx = relayForEachTest();
const bearer = (key: string) => ({ authorization: `Bearer ${key}` });

async function planNext(from: CreatedMeeting): Promise<CreatedMeeting> {
  const res = await api(ctx.relay.url, `/api/meetings/${from.meetingId}/next`, { method: 'POST', headers: bearer(from.facilitatorKey) });
  expect(res.status).toBe(201);
  return res.body;
}

const series = (m: CreatedMeeting, key = m.facilitatorKey) => api<{ meetings: SeriesMeeting[] }>(ctx.relay.url, `/api/meetings/${m.meetingId}/series`, { headers: bearer(key) });

/** Three participants rate; the facilitator reveals the rating or not. */
async function rate(m: CreatedMeeting, values: number[], reveal: boolean): Promise<void> {
  const { relay } = ctx;
  const control = ctx.connect(relay.wsUrl, controlDocName(m.meetingId), m.facilitatorKey);
  await control.synced;
  for (const [i, value] of values.entries()) {
    const p = await addParticipant(relay.url, m.meetingId, `P${i}`, 'Region');
    const own = ctx.connect(relay.wsUrl, privateDocName(m.meetingId, p.participantId), p.participantKey);
    await own.synced;
    own.doc.getMap('rating').set('value', value);
  }
  await waitFor(() => control.doc.getMap('ratingResult').get('count') === values.length, { message: 'ratings counted' });
  if (reveal) {
    control.doc.getMap('rating').set('revealed', true);
    await waitFor(() => Array.isArray(control.doc.getMap('ratingResult').get('distribution')), { message: 'distribution published' });
  }
  await relay.server.settle();
}

describe('the series of a forum', () => {
  it('lists the meetings planned from one another in order, for the facilitator key of any of them', async () => {
    const first = await createMeeting(ctx.relay.url, 'Forum Norr vår');
    const second = await planNext(first);
    const third = await planNext(second);
    for (const m of [first, second, third]) {
      const res = await series(m);
      expect(res.status).toBe(200);
      expect(res.body.meetings.map((x) => x.meetingId)).toEqual([first.meetingId, second.meetingId, third.meetingId]);
      expect(res.body.meetings.filter((x) => x.current).map((x) => x.meetingId)).toEqual([m.meetingId]);
      expect(res.body.meetings.map((x) => x.title)).toEqual(['Forum Norr vår', 'Forum Norr vår', 'Forum Norr vår']);
      expect(res.body.meetings[0].date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
    // a second next meeting from an earlier one is refused: its open steps went to the second
    const again = await api(ctx.relay.url, `/api/meetings/${first.meetingId}/next`, { method: 'POST', headers: { authorization: `Bearer ${first.facilitatorKey}` } });
    expect(again.status).toBe(409);
    const fourth = await planNext(third);
    expect((await series(third)).body.meetings.map((x) => x.meetingId)).toEqual([first, second, third, fourth].map((m) => m.meetingId));
    // no key of any meeting travels in the answer
    const text = JSON.stringify((await series(first)).body);
    for (const m of [first, second, third, fourth]) {
      expect(text).not.toContain(m.facilitatorKey);
      expect(text).not.toContain(m.boardKey);
      expect(text).not.toContain(m.joinCode);
    }
  });

  it('refuses a wrong key, a board or participant key, and another series’ facilitator key', async () => {
    const first = await createMeeting(ctx.relay.url);
    const second = await planNext(first);
    const other = await createMeeting(ctx.relay.url, 'Annat forum');
    const participant = await addParticipant(ctx.relay.url, first.meetingId);
    expect((await series(first, 'x'.repeat(21))).status).toBe(401);
    expect((await series(first, other.facilitatorKey)).status).toBe(401);
    expect((await series(first, second.facilitatorKey)).status).toBe(401);
    expect((await series(first, first.boardKey)).status).toBe(403);
    expect((await series(first, participant.participantKey)).status).toBe(403);
    expect((await api(ctx.relay.url, `/api/meetings/${first.meetingId}/series`)).status).toBe(401);
    // a meeting never planned from another is a series of one
    expect((await series(other)).body.meetings.map((x) => x.meetingId)).toEqual([other.meetingId]);
  });

  it('a series is what the relay recorded, never what a control document claims', async () => {
    const victim = await createMeeting(ctx.relay.url, 'Hemligt forum');
    await planNext(victim);
    const intruder = await createMeeting(ctx.relay.url, 'Inkräktare');
    const control = ctx.connect(ctx.relay.wsUrl, controlDocName(intruder.meetingId), intruder.facilitatorKey);
    await control.synced;
    control.doc.getMap('meeting').set('seriesId', victim.meetingId);
    control.doc.getMap('meeting').set('previousMeetingId', victim.meetingId);
    await ctx.relay.server.settle();
    const mine = await planNext(intruder);
    const res = await series(mine);
    expect(res.body.meetings.map((x) => x.meetingId)).toEqual([intruder.meetingId, mine.meetingId]);
    expect(JSON.stringify(res.body)).not.toContain('Hemligt');
  });

  it('gives the rating distribution only of meetings that revealed it', async () => {
    const first = await createMeeting(ctx.relay.url);
    await rate(first, [4, 5, 3], true);
    const second = await planNext(first);
    await rate(second, [1, 1, 2], false);
    const third = await planNext(second);
    const res = await series(third);
    expect(res.body.meetings.map((x) => x.rating)).toEqual([{ distribution: [0, 0, 1, 1, 1], count: 3, mean: 4 }, null, null]);
    expect(res.body.meetings.map((x) => x.closed)).toEqual([false, false, false]);
  });

  it('shows which meetings are closed, and leaves a deleted meeting out', async () => {
    const first = await createMeeting(ctx.relay.url);
    const second = await planNext(first);
    const third = await planNext(second);
    expect((await api(ctx.relay.url, `/api/meetings/${first.meetingId}/close`, { method: 'POST', headers: bearer(first.facilitatorKey) })).status).toBe(200);
    expect((await series(third)).body.meetings.map((x) => x.closed)).toEqual([true, false, false]);
    expect((await api(ctx.relay.url, `/api/meetings/${second.meetingId}`, { method: 'DELETE', headers: bearer(second.facilitatorKey) })).status).toBe(204);
    expect((await series(third)).body.meetings.map((x) => x.meetingId)).toEqual([first.meetingId, third.meetingId]);
  });
});
