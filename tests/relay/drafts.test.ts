// What one participant can make the relay write into the inbox and the meeting doc.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CloseCode, controlDocName, inboxDocName, meetingDocName, privateDocName } from '../../common/docNames';
import { Limits } from '../../common/schema';
import { addParticipant, createMeeting, sleep, waitFor, relayForEachTest } from './helpers';

const t = relayForEachTest();
const connect = t.connect;

let seq = 0;
function writeNotes(doc: Y.Doc, count: number, text: (i: number) => string): void {
  doc.transact(() => {
    for (let i = 0; i < count; i++) {
      const id = `flood${String(++seq).padStart(8, '0')}${'z'.repeat(8)}`;
      const note = new Y.Map<unknown>();
      const now = Date.now() + i;
      for (const [k, v] of Object.entries({ id, text: text(i), color: 'yellow', tag: '', group: 0, createdAt: now, updatedAt: now, state: 'draft' })) {
        note.set(k, v);
      }
      doc.getMap('notes').set(id, note);
    }
  });
}

describe('what one participant can make the relay write', () => {
  it('drafts per participant are capped in the inbox and on reveal; text is capped at noteMax', async () => {
    const m = await createMeeting(t.relay.url);
    const p = await addParticipant(t.relay.url, m.meetingId);
    const priv = connect(t.relay.wsUrl, privateDocName(m.meetingId, p.participantId), p.participantKey);
    const inbox = connect(t.relay.wsUrl, inboxDocName(m.meetingId), m.facilitatorKey);
    const control = connect(t.relay.wsUrl, controlDocName(m.meetingId), m.facilitatorKey);
    const meeting = connect(t.relay.wsUrl, meetingDocName(m.meetingId), m.facilitatorKey);
    await Promise.all([priv.synced, inbox.synced, control.synced, meeting.synced]);
    const over = Limits.draftsPerParticipant + 50;
    writeNotes(priv.doc, over, (i) => `lapp ${i} ` + 'å'.repeat(2000));
    await t.relay.server.settle();
    await waitFor(() => inbox.doc.getMap('notes').size === Limits.draftsPerParticipant, { message: 'inbox capped' });
    for (const entry of inbox.doc.getMap<Y.Map<unknown>>('notes').values()) {
      expect((entry.get('text') as string).length).toBeLessThanOrEqual(Limits.noteMax);
    }
    control.doc.getMap('gathering').set('revealed', true);
    await waitFor(() => meeting.doc.getMap('notes').size === Limits.draftsPerParticipant, { message: 'reveal capped' });
    // writing more after the reveal does not get past the cap either
    writeNotes(priv.doc, 20, (i) => `sen ${i}`);
    await sleep(100);
    await t.relay.server.settle();
    expect(meeting.doc.getMap('notes').size).toBe(Limits.draftsPerParticipant);
  });
});

describe('document size', () => {
  it('a participant cannot grow their private doc past its cap; the socket is closed and the doc keeps what came before', async () => {
    const m = await createMeeting(t.relay.url);
    const p = await addParticipant(t.relay.url, m.meetingId);
    const name = privateDocName(m.meetingId, p.participantId);
    const priv = connect(t.relay.wsUrl, name, p.participantKey);
    await priv.synced;
    const closed = priv.closed;
    // 40 updates of 200 KB: 8 MB, far past what a phone's notes need
    for (let i = 0; i < 40; i++) {
      priv.doc.getMap('junk').set(`k${i}`, 'x'.repeat(200 * 1024));
      await sleep(5);
    }
    expect(await closed).toBe(CloseCode.policy);
    priv.destroy();
    await t.relay.server.settle();
    // the participant's next device gets back what was kept, and no more
    const again = connect(t.relay.wsUrl, name, p.participantKey);
    await again.synced;
    const size = Y.encodeStateAsUpdate(again.doc).byteLength;
    expect(size).toBeLessThanOrEqual(2 * 1024 * 1024);
    expect(size).toBeGreaterThan(1024 * 1024);
  });
});
