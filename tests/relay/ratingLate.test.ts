// Check-out ratings given while the distribution is shown, over real sockets: a latecomer's rating
// is counted at once, but goes into the shown distribution only together with two more, so nobody
// in the room can read one person's rating off a bar that moves.
import { describe, expect, it } from 'vitest';
import { controlDocName, privateDocName } from '../../common/docNames';
import { addParticipant, createMeeting, rawDocClient, relayForEachTest, waitFor, type RawDocClient } from './helpers';

const t = relayForEachTest();

describe('a rating given while the distribution is shown', () => {
  it('is counted at once and goes into the distribution with the next two, never alone', async () => {
    const m = await createMeeting(t.relay.url);
    const control = t.connect(t.relay.wsUrl, controlDocName(m.meetingId), m.facilitatorKey);
    await control.synced;
    const raws: RawDocClient[] = [];
    /** a participant joins and rates from a hand-made client: raw y-protocols frames, no y-websocket */
    const joinAndRate = async (name: string, value: number) => {
      const p = await addParticipant(t.relay.url, m.meetingId, name);
      const priv = rawDocClient(t.relay.wsUrl, privateDocName(m.meetingId, p.participantId), p.participantKey);
      raws.push(priv);
      await priv.synced;
      priv.write((doc) => doc.transact(() => {
        doc.getMap('rating').set('value', value);
        doc.getMap('rating').set('at', Date.now());
      }));
    };
    const result = () => control.doc.getMap('ratingResult').toJSON() as { count?: number; distribution?: number[] | null; pending?: number };
    try {
      for (const [name, value] of [['Anna', 4], ['Bo', 5], ['Cleo', 4]] as const) await joinAndRate(name, value);
      await waitFor(() => result().count === 3, { message: 'three counted' });
      control.doc.getMap('rating').set('revealed', true);
      await waitFor(() => Array.isArray(result().distribution), { message: 'distribution shown' });
      expect(result().distribution).toEqual([0, 0, 0, 2, 1]);

      // Dan arrives late and rates 1: counted, waiting, and his 1 is not on the chart
      await joinAndRate('Dan', 1);
      await waitFor(() => result().count === 4, { message: 'Dan counted' });
      expect(result()).toMatchObject({ distribution: [0, 0, 0, 2, 1], pending: 1 });
      await joinAndRate('Eva', 2);
      await waitFor(() => result().count === 5, { message: 'Eva counted' });
      expect(result()).toMatchObject({ distribution: [0, 0, 0, 2, 1], pending: 2 });
      // the third late rating: all three go in together
      await joinAndRate('Filip', 3);
      await waitFor(() => result().pending === 0, { message: 'the three late ratings shown' });
      expect(result()).toEqual({ count: 6, distribution: [1, 1, 1, 2, 1], pending: 0 });
    } finally {
      for (const r of raws) r.raw.ws.close();
    }
  });
});
