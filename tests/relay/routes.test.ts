// The HTTP API's one route table, over real HTTP against a real relay: every endpoint common/api.ts
// names is served, a wrong method on any of them is 405 with the methods its path takes in Allow,
// an unknown path is 404, and the key checks answer as they did before the table (401 missing or
// wrong key, 403 a key of the wrong kind, 404 an unknown meeting) before any handler runs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Api, type Endpoint, type Method } from '../../common/api';
import { addParticipant, api, createMeeting, startRelay, type CreatedMeeting, type TestRelay } from './helpers';

const endpoints = Object.entries(Api) as [keyof typeof Api, Endpoint][];
const bearer = (key: string) => ({ authorization: `Bearer ${key}` });
const METHODS: Method[] = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];

/** Every method the path of an endpoint takes (endpoints may share a path: GET and POST /term). */
function methodsOf(path: string): Method[] {
  return endpoints.flatMap(([, e]) => (e.path === path ? [e.method, ...(e.head ? ['HEAD' as const] : [])] : []));
}

let relay: TestRelay;
let m: CreatedMeeting;
let other: CreatedMeeting;
let participant: { participantId: string; participantKey: string };

/** The endpoint's path for our meeting (a participant's own id, a feed file that is nobody's). */
function pathFor(e: Endpoint, meetingId = m.meetingId): string {
  return e.path
    .replace(':meetingId', meetingId)
    .replace(':participantId', participant.participantId)
    .replace(':code', 'ZZZZZZ')
    .replace(':file', 'nobody.ics');
}

beforeAll(async () => {
  relay = await startRelay();
  m = await createMeeting(relay.url, 'Rutter');
  other = await createMeeting(relay.url, 'Annat möte');
  participant = await addParticipant(relay.url, m.meetingId);
});
afterAll(() => relay?.dispose());

describe('the route table', () => {
  it('answers every endpoint of common/api.ts: with its own method no path is a 404 "Not found"', async () => {
    for (const [name, e] of endpoints) {
      // the facilitator check runs first for these: a board key gets 403, which proves the route is there
      const headers = e.caller === 'facilitator' ? bearer(m.boardKey) : {};
      const res = await api(relay.url, pathFor(e), { method: e.method, headers });
      expect(res.body?.error, `${name}: ${e.method} ${e.path}`).not.toBe('Not found');
      expect(res.status, `${name}: ${e.method} ${e.path}`).not.toBe(405);
    }
  });

  it('a wrong method on any route is 405 with the methods its path takes in Allow', async () => {
    for (const [name, e] of endpoints) {
      const allowed = methodsOf(e.path);
      for (const method of METHODS.filter((x) => !allowed.includes(x))) {
        const res = await fetch(relay.url + pathFor(e), { method, headers: bearer(m.facilitatorKey) });
        expect(res.status, `${name}: ${method} ${e.path}`).toBe(405);
        expect(res.headers.get('allow')?.split(', ').sort(), `${name}: ${method} ${e.path}`).toEqual([...allowed].sort());
        expect(((await res.json()) as { error: string }).error).toMatch(/method/i);
      }
    }
  });

  it('a HEAD where only GET is served is 405 too; the calendar files answer HEAD', async () => {
    const time = await fetch(relay.url + '/api/time', { method: 'HEAD' });
    expect(time.status).toBe(405);
    expect(time.headers.get('allow')).toBe('GET');
    // the feed answers HEAD as it answers GET: a key that is nobody's is 404, not 405
    expect((await fetch(relay.url + '/api/calendar/nobody.ics', { method: 'HEAD' })).status).toBe(404);
  });

  it('an unknown path is 404 with a readable message', async () => {
    for (const path of ['/api', '/api/', '/api/nothing', `/api/meetings/${m.meetingId}/nothing`, `/api/meetings/${m.meetingId}/participants/a/b`, '/api/meetings//close']) {
      const res = await api(relay.url, path, { method: 'POST', headers: bearer(m.facilitatorKey) });
      expect(res.status, path).toBe(404);
      expect(res.body.error, path).toMatch(/[a-z]{3,}/i);
    }
  });

  it('a facilitator endpoint refuses a missing or wrong key (401), a board or participant key (403), and answers an unknown meeting 404', async () => {
    for (const [name, e] of endpoints.filter(([, x]) => x.caller === 'facilitator')) {
      const tries: [Record<string, string>, number][] = [
        [{}, 401],
        [bearer('x'.repeat(21)), 401],
        [bearer(other.facilitatorKey), 401],
        [{ authorization: m.facilitatorKey }, 401],
        [bearer(m.boardKey), 403],
        [bearer(participant.participantKey), 403],
      ];
      for (const [headers, status] of tries) {
        const res = await api(relay.url, pathFor(e), { method: e.method, headers });
        expect(res.status, `${name} ${JSON.stringify(headers)}`).toBe(status);
      }
      const unknown = await api(relay.url, pathFor(e, 'V1StGXR8_Z5jdHi6B-myT'), { method: e.method, headers: bearer(m.facilitatorKey) });
      expect(unknown.status, `${name} unknown meeting`).toBe(404);
    }
  });

  it("renaming takes any of the meeting's keys but not a missing or wrong one, nor the board's", async () => {
    const path = pathFor(Api.renameParticipant);
    const body = { name: 'Anna' };
    expect((await api(relay.url, path, { method: 'PATCH', body })).status).toBe(401);
    expect((await api(relay.url, path, { method: 'PATCH', body, headers: bearer(other.facilitatorKey) })).status).toBe(401);
    expect((await api(relay.url, path, { method: 'PATCH', body, headers: bearer(m.boardKey) })).status).toBe(403);
    expect((await api(relay.url, path, { method: 'PATCH', body, headers: bearer(participant.participantKey) })).status).toBe(200);
  });

  it('the backup takes only the admin token, even with the facilitator key', async () => {
    const res = await api(relay.url, Api.backup.path, { method: 'POST', body: { dir: '/nowhere' }, headers: bearer(m.facilitatorKey) });
    expect(res.status).toBe(401);
  });
});
