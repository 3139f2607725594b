import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import * as Y from 'yjs';
import { JOIN_CODE_PATTERN, controlDocName } from '../../common/docNames';
import { Limits } from '../../common/schema';
import { addParticipant, api, connectDoc, createMeeting, startRelay, waitFor, type TestRelay } from './helpers';

let relay: TestRelay;
afterEach(async () => {
  await relay.dispose();
});

describe('meeting API', () => {
  beforeEach(async () => {
    relay = await startRelay({ joinFailuresPerAddress: 5 });
  });

  it('creating a meeting returns ids, a facilitator key and a six-character join code', async () => {
    const res = await api(relay.url, '/api/meetings', { method: 'POST', body: { title: 'Samverkansforum' } });
    expect(res.status).toBe(201);
    expect(res.body.meetingId).toMatch(/^[A-Za-z0-9_-]{21}$/);
    expect(res.body.facilitatorKey).toMatch(/^[A-Za-z0-9_-]{21}$/);
    expect(res.body.joinCode).toMatch(JOIN_CODE_PATTERN);
  });

  it('creating a meeting needs no body; a title that is not text is 400', async () => {
    expect((await api(relay.url, '/api/meetings', { method: 'POST' })).status).toBe(201);
    expect((await api(relay.url, '/api/meetings', { method: 'POST', body: { title: 7 } })).status).toBe(400);
    expect((await api(relay.url, '/api/meetings', { method: 'POST', rawBody: '[1,2]' })).status).toBe(400);
  });

  it('an over-long title is cut to the limit', async () => {
    const m = await api(relay.url, '/api/meetings', { method: 'POST', body: { title: 'x'.repeat(Limits.titleMax + 50) } });
    expect(m.status).toBe(201);
    const c = connectDoc(relay.wsUrl, controlDocName(m.body.meetingId), m.body.facilitatorKey);
    await c.synced;
    expect(c.doc.getMap('meeting').get('title')).toBe('x'.repeat(Limits.titleMax));
    // any facilitator screen can show the join code, not only the one that created the meeting
    expect(c.doc.getMap('meeting').get('joinCode')).toBe(m.body.joinCode);
    c.destroy();
  });

  it('a join code finds its meeting, also typed in lower case with spaces', async () => {
    const m = await createMeeting(relay.url);
    expect(await api(relay.url, `/api/join/${m.joinCode}`)).toEqual({ status: 200, body: { meetingId: m.meetingId } });
    const typed = `${m.joinCode.slice(0, 3).toLowerCase()}%20${m.joinCode.slice(3).toLowerCase()}`;
    expect((await api(relay.url, `/api/join/${typed}`)).body.meetingId).toBe(m.meetingId);
  });

  it('an unknown join code is 404, and too many failed codes from one address are 429', async () => {
    const m = await createMeeting(relay.url);
    for (let i = 0; i < 5; i++) {
      const res = await api(relay.url, `/api/join/ZZZZZ${i + 2}`);
      expect(res.status).toBe(404);
      expect(typeof res.body.error).toBe('string');
    }
    const blocked = await api(relay.url, `/api/join/${m.joinCode}`);
    expect(blocked.status).toBe(429);
    expect(typeof blocked.body.error).toBe('string');
  });

  it('a flood of wrong codes from many addresses blocks the guessers but not someone with the right code', async () => {
    await relay.dispose();
    relay = await startRelay({ trustProxy: true, joinFailuresPerAddress: 100, joinFailuresTotal: 4 });
    const m = await createMeeting(relay.url);
    const from = (address: string) => ({ headers: { 'x-forwarded-for': address } });
    for (let i = 1; i <= 4; i++) {
      expect((await api(relay.url, `/api/join/ZZZZZ${i + 1}`, from(`10.0.0.${i}`))).status).toBe(404);
    }
    expect((await api(relay.url, `/api/join/${m.joinCode}`, from('10.0.0.1'))).status).toBe(429);
    expect(await api(relay.url, `/api/join/${m.joinCode}`, from('10.0.0.9'))).toEqual({ status: 200, body: { meetingId: m.meetingId } });
  });

  it('joining adds a participant; empty, over-long and malformed input is 400 with a message', async () => {
    const m = await createMeeting(relay.url);
    const ok = await api(relay.url, `/api/meetings/${m.meetingId}/participants`, { body: { name: 'Anna', organisation: 'Region' } });
    expect(ok.status).toBe(201);
    expect(ok.body.participantId).toMatch(/^[A-Za-z0-9_-]{21}$/);
    expect(ok.body.participantKey).toMatch(/^[A-Za-z0-9_-]{21}$/);
    const bad = [
      { body: { name: '', organisation: 'Region' } },
      { body: { name: '   ', organisation: 'Region' } },
      { body: { name: 'Anna', organisation: '' } },
      { body: { name: 'x'.repeat(Limits.nameMax + 1), organisation: 'Region' } },
      { body: { name: 'Anna', organisation: 'x'.repeat(Limits.organisationMax + 1) } },
      { body: { name: 42, organisation: 'Region' } },
      { rawBody: '{"name": "Anna",', headers: { 'content-type': 'application/json' } },
    ];
    for (const init of bad) {
      const res = await api(relay.url, `/api/meetings/${m.meetingId}/participants`, { method: 'POST', ...init });
      expect(res.status).toBe(400);
      expect(res.body.error).toMatch(/\w/);
    }
  });

  it('names of only zero-width or blank characters are 400 with a readable message; bidi overrides are removed', async () => {
    const m = await createMeeting(relay.url);
    const url = `/api/meetings/${m.meetingId}/participants`;
    for (const blank of ['\u200B\u200B', '\u2800', '\u3164', '\u202E\u2066', '\u0301', '\uFE0F']) {
      const res = await api(relay.url, url, { body: { name: blank, organisation: 'Region' } });
      expect(res, JSON.stringify(blank)).toEqual({ status: 400, body: { error: 'Name must contain visible characters' } });
    }
    const long = await api(relay.url, url, { body: { name: 'Anna', organisation: 'a'.repeat(10_000) } });
    expect(long).toEqual({ status: 400, body: { error: `Organisation must be at most ${Limits.organisationMax} characters` } });
    const joined = await api(relay.url, url, { body: { name: '\u202EAnna\u202C ', organisation: 'A\u030Angermanland' } });
    expect(joined.status).toBe(201);
    const c = connectDoc(relay.wsUrl, controlDocName(m.meetingId), m.facilitatorKey);
    await c.synced;
    const entry = c.doc.getMap<Y.Map<unknown>>('participants').get(joined.body.participantId);
    expect(entry?.get('name')).toBe('Anna');
    expect(entry?.get('organisation')).toBe('\u00C5ngermanland');
    const renamed = await api(relay.url, `${url}/${joined.body.participantId}`, {
      method: 'PATCH',
      body: { name: '\u200B' },
      headers: { authorization: `Bearer ${joined.body.participantKey}` },
    });
    expect(renamed).toEqual({ status: 400, body: { error: 'Name must contain visible characters' } });
    c.destroy();
  });

  it('joining a meeting that is full is 409', async () => {
    await relay.dispose();
    relay = await startRelay({ maxParticipantsPerMeeting: 2 });
    const m = await createMeeting(relay.url);
    await addParticipant(relay.url, m.meetingId);
    await addParticipant(relay.url, m.meetingId);
    const res = await api(relay.url, `/api/meetings/${m.meetingId}/participants`, { body: { name: 'C', organisation: 'D' } });
    expect(res.status).toBe(409);
    expect(res.body.error).toMatch(/[a-z]{3,}/i); // a readable message, not just a status
  });

  it('joining an unknown meeting is 404', async () => {
    const res = await api(relay.url, `/api/meetings/${'Q'.repeat(21)}/participants`, { body: { name: 'A', organisation: 'B' } });
    expect(res.status).toBe(404);
    expect(res.body.error).toMatch(/[a-z]{3,}/i); // a readable message, not just a status
  });

  it('a body over the cap is 413', async () => {
    const m = await createMeeting(relay.url);
    const res = await api(relay.url, `/api/meetings/${m.meetingId}/participants`, {
      body: { name: 'A', organisation: 'B', padding: 'x'.repeat(20 * 1024) },
    });
    expect(res.status).toBe(413);
    expect(res.body.error).toMatch(/[a-z]{3,}/i); // a readable message, not just a status
  });

  it('a participant corrects their name with their own key; another participant’s key is refused', async () => {
    const m = await createMeeting(relay.url);
    const a = await addParticipant(relay.url, m.meetingId, 'Anan', 'Region');
    const b = await addParticipant(relay.url, m.meetingId, 'Bo', 'Kommun');
    const url = `/api/meetings/${m.meetingId}/participants/${a.participantId}`;
    const own = await api(relay.url, url, { method: 'PATCH', body: { name: 'Anna' }, headers: { authorization: `Bearer ${a.participantKey}` } });
    expect(own.status).toBe(200);
    const other = await api(relay.url, url, { method: 'PATCH', body: { name: 'X' }, headers: { authorization: `Bearer ${b.participantKey}` } });
    expect(other.status).toBe(403);
    const none = await api(relay.url, url, { method: 'PATCH', body: { name: 'X' } });
    expect(none.status).toBe(401);
    const empty = await api(relay.url, url, { method: 'PATCH', body: { name: '' }, headers: { authorization: `Bearer ${m.facilitatorKey}` } });
    expect(empty.status).toBe(400);
    const fac = await api(relay.url, url, {
      method: 'PATCH',
      body: { organisation: 'Region Öst' },
      headers: { authorization: `Bearer ${m.facilitatorKey}` },
    });
    expect(fac.status).toBe(200);
    const c = connectDoc(relay.wsUrl, controlDocName(m.meetingId), m.facilitatorKey);
    await c.synced;
    const entry = c.doc.getMap<Y.Map<unknown>>('participants').get(a.participantId)!;
    await waitFor(() => entry.get('organisation') === 'Region Öst');
    expect(entry.get('name')).toBe('Anna');
    c.destroy();
  });

  it('time, info and health answer', async () => {
    const time = await api(relay.url, '/api/time');
    expect(time.status).toBe(200);
    expect(typeof time.body.now).toBe('number');
    const info = await api(relay.url, '/api/info');
    expect(Array.isArray(info.body.lanUrls)).toBe(true);
    for (const u of info.body.lanUrls) expect(u).toMatch(/^http:\/\/\d+\.\d+\.\d+\.\d+:\d+$/);
    expect((await api(relay.url, '/healthz')).status).toBe(200);
    const unknown = await api(relay.url, '/api/nothing');
    expect(unknown.status).toBe(404);
    expect(unknown.body.error).toMatch(/[a-z]{3,}/i); // a readable message, not just a status
  });

  it('without a built client every page is a clear 503', async () => {
    const res = await fetch(relay.url + '/m/abc');
    expect(res.status).toBe(503);
    expect(await res.text()).toMatch(/not built/);
  });
});

describe('static client', () => {
  it('serves dist files with their content type and falls back to index.html for app routes', async () => {
    relay = await startRelay();
    const dist = path.join(relay.dataDir, 'no-dist');
    await mkdir(path.join(dist, 'assets'), { recursive: true });
    await writeFile(path.join(dist, 'index.html'), '<!doctype html><title>app</title>');
    await writeFile(path.join(dist, 'assets', 'main-abc.js'), 'console.log(1)');
    await writeFile(path.join(dist, 'assets', 'style.css'), 'body{}');
    const js = await fetch(relay.url + '/assets/main-abc.js');
    expect(js.headers.get('content-type')).toMatch(/javascript/);
    expect(await js.text()).toBe('console.log(1)');
    expect((await fetch(relay.url + '/assets/style.css')).headers.get('content-type')).toMatch(/text\/css/);
    const route = await fetch(relay.url + '/m/some-meeting/board');
    expect(route.status).toBe(200);
    expect(route.headers.get('content-type')).toMatch(/text\/html/);
    expect(await route.text()).toContain('<title>app</title>');
    const traversal = await fetch(relay.url + '/..%2f..%2fetc%2fpasswd');
    expect(await traversal.text()).not.toContain('root:');
    expect((await fetch(relay.url + '/assets/missing-123.js')).status).toBe(404);
    await mkdir(path.join(dist, '.vite'), { recursive: true });
    await writeFile(path.join(dist, '.vite', 'manifest.json'), '{}');
    expect((await fetch(relay.url + '/.vite/manifest.json')).status).toBe(404);
    expect((await fetch(relay.url + '/api/unknown')).status).toBe(404);
  });
});
