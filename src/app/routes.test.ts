import { describe, expect, it } from 'vitest';
import { consolePath } from '@/sync/addresses';
import { boardPath, parseRoute } from './routes';

const id = 'V1StGXR8_Z5jdHi6B-myT';

describe('routes', () => {
  it('read the facilitator key from the fragment only', () => {
    expect(parseRoute(`/m/${id}/f`, '#key=secret')).toEqual({ name: 'console', meetingId: id, key: 'secret', joinCode: null });
    expect(parseRoute(`/m/${id}/f`, '#key=secret&code=ABC234')).toMatchObject({ joinCode: 'ABC234' });
    expect(parseRoute(consolePath(id, 'k-1').split('#')[0], '#' + consolePath(id, 'k-1').split('#')[1])).toMatchObject({ key: 'k-1' });
  });

  it('tell the board whether to show the join screen', () => {
    const [path, hash] = boardPath(id, 'k', 'ABC234', true).split('#');
    expect(parseRoute(path, '#' + hash)).toEqual({ name: 'board', meetingId: id, key: 'k', joinCode: 'ABC234', joinScreen: true });
  });

  it('send join links, phone views and unknown paths to the right place', () => {
    expect(parseRoute('/', '')).toEqual({ name: 'landing' });
    expect(parseRoute('/j/ABC234', '')).toEqual({ name: 'join', code: 'ABC234' });
    expect(parseRoute(`/m/${id}/p`, '')).toEqual({ name: 'phone', meetingId: id });
    expect(parseRoute('/m/short/p', '')).toEqual({ name: 'notFound' });
    expect(parseRoute('/nothing/here', '')).toEqual({ name: 'notFound' });
  });
});
