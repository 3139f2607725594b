// One budget of new meetings per address and window (CREATE_MEETINGS_PER_ADDRESS), spent alike by
// POST /api/meetings, POST /api/import and "Planera nästa möte"; a facilitator key lifts nothing.
import { describe, expect, it } from 'vitest';
import { ARCHIVE_FORMAT, ARCHIVE_VERSION } from '../../common/archive';
import { api, relayForEachTest } from './helpers';

const ctx = relayForEachTest({ createMeetingsPerAddress: 3, trustProxy: true });
const from = (address: string, extra: Record<string, string> = {}) => ({ headers: { 'x-forwarded-for': address, ...extra } });
const archive = { format: ARCHIVE_FORMAT, version: ARCHIVE_VERSION, exportedAt: '2026-11-28T12:00:00Z', meeting: {}, control: { meeting: { title: 'Arkiv' } } };

describe('the meeting budget per address', () => {
  it('after the 429 on create, the same address gets 429 on import and on plan-next too', async () => {
    const { relay } = ctx;
    const first = await api(relay.url, '/api/meetings', { method: 'POST', body: { title: 'Forum' }, ...from('10.0.0.1') });
    expect(first.status).toBe(201);
    for (let i = 0; i < 2; i++) expect((await api(relay.url, '/api/meetings', { method: 'POST', ...from('10.0.0.1') })).status).toBe(201);
    const refused = await api(relay.url, '/api/meetings', { method: 'POST', ...from('10.0.0.1') });
    expect(refused.status).toBe(429);
    expect(refused.body.error).toMatch(/too many meetings/i);

    expect((await api(relay.url, '/api/import', { method: 'POST', body: archive, ...from('10.0.0.1') })).status).toBe(429);
    const next = await api(relay.url, `/api/meetings/${first.body.meetingId}/next`, {
      method: 'POST',
      ...from('10.0.0.1', { authorization: `Bearer ${first.body.facilitatorKey}` }),
    });
    expect(next.status).toBe(429);
    // another address still has its own budget
    expect((await api(relay.url, '/api/import', { method: 'POST', body: archive, ...from('10.0.0.2') })).status).toBe(201);
  });

  it('imports and next meetings spend the same budget as creating', async () => {
    const { relay } = ctx;
    const first = await api(relay.url, '/api/import', { method: 'POST', body: archive, ...from('10.0.0.3') });
    expect(first.status).toBe(201);
    const bearer = { authorization: `Bearer ${first.body.facilitatorKey}` };
    // each next meeting from the one before (a meeting's open steps go forward once)
    const second = await api(relay.url, `/api/meetings/${first.body.meetingId}/next`, { method: 'POST', ...from('10.0.0.3', bearer) });
    expect(second.status).toBe(201);
    const third = await api(relay.url, `/api/meetings/${second.body.meetingId}/next`, { method: 'POST', ...from('10.0.0.3', { authorization: `Bearer ${second.body.facilitatorKey}` }) });
    expect(third.status).toBe(201);
    expect((await api(relay.url, `/api/meetings/${third.body.meetingId}/next`, { method: 'POST', ...from('10.0.0.3', { authorization: `Bearer ${third.body.facilitatorKey}` }) })).status).toBe(429);
    expect((await api(relay.url, '/api/import', { method: 'POST', body: archive, ...from('10.0.0.3') })).status).toBe(429);
    expect((await api(relay.url, '/api/meetings', { method: 'POST', ...from('10.0.0.3') })).status).toBe(429);
  });

  it('a refused or broken archive spends nothing', async () => {
    const { relay } = ctx;
    for (let i = 0; i < 5; i++) expect((await api(relay.url, '/api/import', { method: 'POST', rawBody: '{nope', ...from('10.0.0.4') })).status).toBe(400);
    expect((await api(relay.url, '/api/import', { method: 'POST', body: archive, ...from('10.0.0.4') })).status).toBe(201);
  });
});
