// openMeeting against a real in-process relay over real sockets (BroadcastChannel off).
import net, { type AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { setMeetingInfo } from '@/doc/facilitator/meeting';
import { setCheckinAnswer } from '@/doc/checkin';
import type { MeetingSession } from './session';
import { startRelay, type TestRelay } from '../../tests/relay/helpers';
import { openMeeting, type OpenMeetingOptions } from './openMeeting';
import { keepJoinSnapshot, type JoinState } from './joinSnapshot';

let relay: TestRelay;
const sessions: MeetingSession[] = [];

beforeAll(async () => {
  relay = await startRelay();
});
afterAll(async () => {
  sessions.forEach((s) => s.close());
  await relay.dispose();
});

function open(options: Omit<OpenMeetingOptions, 'serverUrl'>) {
  const session = openMeeting({ ...options, serverUrl: relay.wsUrl, apiBase: relay.url, WebSocketPolyfill: WebSocket });
  sessions.push(session);
  return session;
}

async function until(check: () => boolean, ms = 5000) {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
}

async function post<T>(path: string, body: unknown): Promise<T> {
  const res = await fetch(relay.url + path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return (await res.json()) as T;
}

describe('openMeeting', () => {
  it('facilitator and participant sessions connect, sync through the relay and learn the server clock', async () => {
    const meeting = await post<{ meetingId: string; facilitatorKey: string }>('/api/meetings', { title: 'Test' });
    const joined = await post<{ participantId: string; participantKey: string }>(`/api/meetings/${meeting.meetingId}/participants`, {
      name: 'Anna',
      organisation: 'Primärvård',
    });
    const facilitator = open({ meetingId: meeting.meetingId, role: 'facilitator', key: meeting.facilitatorKey });
    const phone = open({ meetingId: meeting.meetingId, role: 'participant', key: joined.participantKey, participantId: joined.participantId });
    await until(() => facilitator.local.getState().connection.status === 'connected' && facilitator.local.getState().loaded);
    await until(() => phone.local.getState().connection.status === 'connected' && phone.local.getState().loaded);
    expect(phone.docs.private).toBeDefined();
    expect(facilitator.docs.inbox).toBeDefined();

    setMeetingInfo(facilitator.docs.control, { purpose: 'Utskrivning' });
    await until(() => phone.docs.control.getMap('meeting').get('purpose') === 'Utskrivning');
    setCheckinAnswer(phone.docs.private!, 'Hej');
    await until(() => facilitator.docs.meeting.getMap('checkin').has(joined.participantId));
    await until(() => [...facilitator.awareness.getStates().values()].some((s) => s.participantId === joined.participantId));
    expect(Math.abs(facilitator.local.getState().clockOffsetMs)).toBeLessThan(1000);
  });

  it('a phone that just joined shows the meeting from the join answer before any socket has synced', async () => {
    const meeting = await post<{ meetingId: string; facilitatorKey: string }>('/api/meetings', { title: 'Vårdplanering' });
    const facilitator = open({ meetingId: meeting.meetingId, role: 'facilitator', key: meeting.facilitatorKey });
    await until(() => facilitator.local.getState().loaded);
    setMeetingInfo(facilitator.docs.control, { purpose: 'Trygg hemgång' });
    const joined = await post<{ participantId: string; participantKey: string; state: JoinState }>(
      `/api/meetings/${meeting.meetingId}/participants`,
      { name: 'Bo', organisation: 'Kommun' },
    );
    keepJoinSnapshot(meeting.meetingId, joined.state);
    // a relay that answers nobody: only the join answer can make this session loaded
    const openDeaf = () => {
      const session = openMeeting({
        meetingId: meeting.meetingId,
        role: 'participant',
        key: joined.participantKey,
        participantId: joined.participantId,
        serverUrl: 'ws://127.0.0.1:9/ws',
        apiBase: relay.url,
        WebSocketPolyfill: WebSocket,
      });
      sessions.push(session);
      return session;
    };
    const deaf = openDeaf();
    expect(deaf.local.getState().loaded).toBe(true);
    expect(deaf.docs.control.getMap('meeting').get('purpose')).toBe('Trygg hemgång');
    expect(deaf.docs.control.getMap('participants').has(joined.participantId)).toBe(true);
    // the meeting document came too (the relay stamps its schema version when it loads it)
    expect(deaf.docs.meeting.getMap('schema').get('version')).toBeTypeOf('number');
    // once only: opening again waits for the relay (or this device's copy) as before
    const again = openDeaf();
    expect(again.local.getState().loaded).toBe(false);
  });

  it('a socket whose handshake is never answered is given up after the sync timeout and retried', async () => {
    const meeting = await post<{ meetingId: string; facilitatorKey: string }>('/api/meetings', {});
    // a real TCP hop in front of the relay: the first socket of each of the facilitator's three
    // documents is read and never answered (a dead Wi-Fi path, an instance too busy to upgrade it);
    // every later one goes through to the relay
    const target = new URL(relay.url);
    const swallowed: net.Socket[] = [];
    const all: net.Socket[] = [];
    let connects = 0;
    const hop = net.createServer((client) => {
      all.push(client);
      client.on('error', () => {});
      if (++connects <= 3) {
        // the handshake is read and dropped
        swallowed.push(client);
        client.resume();
        return;
      }
      const upstream = net.connect(Number(target.port), target.hostname);
      upstream.on('error', () => client.destroy());
      client.on('close', () => upstream.destroy());
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((resolve) => hop.listen(0, '127.0.0.1', resolve));
    let session: MeetingSession | null = null;
    try {
      session = openMeeting({
        meetingId: meeting.meetingId,
        role: 'facilitator',
        key: meeting.facilitatorKey,
        serverUrl: `ws://127.0.0.1:${(hop.address() as AddressInfo).port}/ws`,
        apiBase: relay.url,
        WebSocketPolyfill: WebSocket,
        syncTimeoutMs: 1000,
      });
      const s = session;
      await until(() => s.local.getState().connection.status === 'connected' && s.local.getState().loaded, 10_000).catch((err) => {
        throw new Error(`${err.message}: ${connects} connects, ${JSON.stringify(s.local.getState().connection)}`);
      });
      expect(connects).toBeGreaterThan(3);
      // the swallowed sockets were closed by the client, not left hanging
      await until(() => swallowed.length === 3 && swallowed.every((c) => c.closed));
    } finally {
      session?.close();
      all.forEach((c) => c.destroy());
      await new Promise((resolve) => hop.close(resolve));
    }
  });

  it('a meeting that does not exist is refused for good with 4404', async () => {
    const session = open({ meetingId: 'AAAAAAAAAAAAAAAAAAAAAA', role: 'facilitator', key: 'BBBBBBBBBBBBBBBBBBBBBBBBB' });
    await until(() => session.local.getState().closedCode !== null);
    expect(session.local.getState().closedCode).toBe(4404);
  });

  it('a wrong key is refused with 4401', async () => {
    const meeting = await post<{ meetingId: string }>('/api/meetings', {});
    const session = open({ meetingId: meeting.meetingId, role: 'facilitator', key: 'not-the-key-xxxxxxxxxxxxx' });
    await until(() => session.local.getState().closedCode !== null);
    expect(session.local.getState().closedCode).toBe(4401);
  });
});
