// openMeeting against a real in-process relay over real sockets (BroadcastChannel off).
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
