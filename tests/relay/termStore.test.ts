// The term's records in the registry (RegistryStore, on the store this project runs: LevelDB by
// default, PostgreSQL in the postgres project): a plan and a carried marker go with their meeting,
// a replaced feed key hash leads nowhere, and the series' feed key goes with its last meeting.
import { afterEach, describe, expect, it } from 'vitest';
import { openStoreAt } from '../../server/store/open';
import type { Store } from '../../server/store/types';
import type { PlannedMeeting } from '../../common/term';
import { freshDatabaseUrl, makeTempDir, removeDir } from './helpers';

const stores: Store[] = [];
const dirs: string[] = [];
afterEach(async () => {
  for (const s of stores.splice(0)) await s.close();
  for (const d of dirs.splice(0)) await removeDir(d);
});

async function open(): Promise<Store> {
  let where: string;
  if (process.env.TEST_STORE === 'postgres') where = await freshDatabaseUrl();
  else {
    where = await makeTempDir();
    dirs.push(where);
  }
  const store = await openStoreAt(where);
  stores.push(store);
  return store;
}

const plan = (title: string): PlannedMeeting => ({ title, date: '2099-03-01', start: '09:00', end: '10:00', place: 'Rådhuset', link: '', sequence: 0, createdAt: 1, updatedAt: 1 });
const meeting = (id: string) => ({ id, facilitatorKeyHash: `f${id}`, joinCode: `code-${id}`, createdAt: 1 });

describe('the term in the registry', () => {
  it('deletes a meeting with its plan and carried marker, and the feed key with the series\' last meeting', async () => {
    const { registry } = await open();
    for (const id of ['a', 'b']) expect(await registry.insertMeeting(meeting(id))).toBe(true);
    await registry.addToSeries([
      { meetingId: 'a', series: 's', n: 0 },
      { meetingId: 'b', series: 's', n: 1 },
    ]);
    await registry.setPlan('b', plan('Vårmötet'));
    await registry.setPlan('b', { ...plan('Vårmötet flyttat'), sequence: 1 });
    await registry.setCarried('a', 'b');
    await registry.setFeedHash('s', 'old');
    await registry.setFeedHash('s', 'new');
    expect(await registry.seriesOfFeedHash('old')).toBeNull();
    expect(await registry.seriesOfFeedHash('new')).toBe('s');
    expect(await registry.planOf('b')).toEqual({ ...plan('Vårmötet flyttat'), sequence: 1 });
    expect(await registry.carriedTo('a')).toBe('b');
    const dump = await registry.dump();
    expect(dump.plans).toEqual([{ meetingId: 'b', plan: { ...plan('Vårmötet flyttat'), sequence: 1 } }]);
    expect(dump.feeds).toEqual([{ series: 's', hash: 'new' }]);
    expect(dump.carried).toEqual([{ meetingId: 'a', to: 'b' }]);

    await registry.deleteMeeting('b');
    expect(await registry.planOf('b')).toBeNull();
    // the series still has a meeting: its feed stays
    expect(await registry.seriesOfFeedHash('new')).toBe('s');
    await registry.deleteMeeting('a');
    expect(await registry.carriedTo('a')).toBeNull();
    expect(await registry.seriesOfFeedHash('new')).toBeNull();
    expect(await registry.feedHashOf('s')).toBeNull();
    expect(await registry.dump()).toMatchObject({ meetings: [], series: [], plans: [], feeds: [], carried: [] });
  });
});
