import { describe, expect, it } from 'vitest';
import { combineConnection } from './connectionState';

const connecting = { status: 'connecting' } as const;

describe('combined connection state', () => {
  it('is connecting until every document has connected once', () => {
    expect(combineConnection({ online: true, statuses: ['connected', 'connecting'], everConnected: false }, connecting, 1)).toEqual(connecting);
    expect(combineConnection({ online: true, statuses: ['connected', 'connected'], everConnected: true }, connecting, 1)).toEqual({ status: 'connected' });
  });

  it('is reconnecting after a lost connection, keeping when it started', () => {
    const first = combineConnection({ online: true, statuses: ['disconnected', 'connected'], everConnected: true }, { status: 'connected' }, 10);
    expect(first).toEqual({ status: 'reconnecting', since: 10 });
    expect(combineConnection({ online: true, statuses: ['connecting', 'connected'], everConnected: true }, first, 20)).toBe(first);
  });

  it('is offline whenever the browser says so', () => {
    expect(combineConnection({ online: false, statuses: ['connected'], everConnected: true }, { status: 'connected' }, 5)).toEqual({ status: 'offline', since: 5 });
  });
});
