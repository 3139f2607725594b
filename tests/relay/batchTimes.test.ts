// The relay's batch counters (the SIGUSR2 stats line, read by bench/peers.ts), driven by hand-made
// clients sending raw frames: every update the relay accepts is counted once, in a batch that
// was stored and then written to the room's sockets; what it refuses is not counted.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { meetingDocName } from '../../common/docNames';
import { addParticipant, createMeeting, rawDocClient, relayForEachTest, sleep, updateFrame, waitFor } from './helpers';

const t = relayForEachTest();

describe('batch counters', () => {
  it('count each accepted update once, in batches stored before they are written out; a participant’s refused write counts nothing', async () => {
    const m = await createMeeting(t.relay.url);
    const p = await addParticipant(t.relay.url, m.meetingId);
    const name = meetingDocName(m.meetingId);
    const writer = rawDocClient(t.relay.wsUrl, name, m.facilitatorKey);
    const listener = rawDocClient(t.relay.wsUrl, name, p.participantKey);
    await Promise.all([writer.synced, listener.synced]);
    await t.relay.server.settle();
    const before = t.relay.server.stats();

    // five edits sent back to back as raw frames: the relay may batch them, never count one twice
    for (let i = 0; i < 5; i++) writer.write((doc) => doc.getMap('clusters').set(`k${i}`, i));
    await waitFor(() => listener.doc.getMap('clusters').get('k4') === 4, { message: 'the listener got every edit' });
    await t.relay.server.settle();
    const after = t.relay.server.stats();
    const batches = after.batches - before.batches;
    expect(after.batchedUpdates - before.batchedUpdates).toBe(5);
    expect(batches).toBeGreaterThanOrEqual(1);
    expect(batches).toBeLessThanOrEqual(5);
    for (const key of ['batchWaitMs', 'batchStoreMs', 'batchFanOutMs'] as const) {
      expect(after[key] - before[key], key).toBeGreaterThanOrEqual(0);
      expect(Number.isFinite(after[key]), key).toBe(true);
    }

    // a participant never writes the shared doc: the relay drops the frame, no batch, no update
    const forged = new Y.Doc();
    forged.getMap('clusters').set('forged', true);
    listener.send(updateFrame(Y.encodeStateAsUpdate(forged)));
    await sleep(200);
    await t.relay.server.settle();
    const refused = t.relay.server.stats();
    expect(refused.batches).toBe(after.batches);
    expect(refused.batchedUpdates).toBe(after.batchedUpdates);
    expect(writer.doc.getMap('clusters').get('forged')).toBeUndefined();
    writer.raw.ws.close();
    listener.raw.ws.close();
  });
});
