// A group typing together over real sockets: members' Y.Text edits to their group's answers pass
// the relay's checks and converge; "who types where" (the group doc's presence) reaches the other
// members and the facilitator, never another group's member; a phone still gets no one's presence
// on the meeting doc.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { controlDocName, groupDocName, meetingDocName } from '../../common/docNames';
import { addParticipant, awarenessFrame, createMeeting, openRaw, relayForEachTest, sleep, waitFor } from './helpers';
import { syncStep1Frame } from './frames';

const t = relayForEachTest();

async function groupOfTwo() {
  const m = await createMeeting(t.relay.url);
  const anna = await addParticipant(t.relay.url, m.meetingId, 'Anna');
  const bo = await addParticipant(t.relay.url, m.meetingId, 'Bo');
  const cia = await addParticipant(t.relay.url, m.meetingId, 'Cia');
  const control = t.connect(t.relay.wsUrl, controlDocName(m.meetingId), m.facilitatorKey);
  await control.synced;
  control.doc.transact(() => {
    const members = control.doc.getMap('groupMembers');
    members.set(anna.participantId, 'g1');
    members.set(bo.participantId, 'g1');
    members.set(cia.participantId, 'g2');
  });
  // the relay has the membership before anyone opens the group's doc
  const board = t.connect(t.relay.wsUrl, controlDocName(m.meetingId), m.boardKey);
  await board.synced;
  await waitFor(() => board.doc.getMap('groupMembers').size === 3, { message: 'the members at the relay' });
  return { m, anna, bo, cia };
}

describe('a group typing together through the relay', () => {
  it('two members typing in one answer at once: both edits pass and every word is kept', async () => {
    const { m, anna, bo, cia } = await groupOfTwo();
    const name = groupDocName(m.meetingId, 'g1');
    const a = t.connect(t.relay.wsUrl, name, anna.participantKey);
    const b = t.connect(t.relay.wsUrl, name, bo.participantKey);
    const outsider = t.connect(t.relay.wsUrl, name, cia.participantKey);
    const fac = t.connect(t.relay.wsUrl, name, m.facilitatorKey);
    await Promise.all([a.synced, b.synced, outsider.synced, fac.synced]);
    a.doc.transact(() => {
      const answer = new Y.Map<unknown>();
      answer.set('id', 'x1');
      answer.set('question', 'why');
      answer.set('order', 'a0');
      answer.set('text', new Y.Text('Remisser '));
      a.doc.getMap('answers').set('x1', answer);
    });
    const textOf = (doc: Y.Doc) => ((doc.getMap('answers').get('x1') as Y.Map<unknown> | undefined)?.get('text') as Y.Text | undefined) ?? null;
    await waitFor(() => textOf(b.doc) && textOf(outsider.doc), { message: 'the answer reaches everyone' });
    const typeInto = async (doc: Y.Doc, at: (typed: number) => number, words: string) => {
      for (const [i, ch] of [...words].entries()) {
        textOf(doc)!.insert(at(i), ch);
        await sleep(2);
      }
    };
    // Anna at the end, Bo at the start, letter by letter and at the same time
    await Promise.all([typeInto(a.doc, () => textOf(a.doc)!.length, 'tappas bort.'), typeInto(b.doc, (typed) => typed, 'Alla ')]);
    textOf(outsider.doc)!.insert(0, 'INTRÅNG ');
    // then a sync step 1 on the outsider's own socket: the relay answers it after it has handled the intrusion
    await new Promise<void>((resolve) => {
      const ws = outsider.provider.ws!;
      const onMessage = (event: { data: unknown }) => {
        const bytes = new Uint8Array(event.data as ArrayBuffer);
        // messageSync (0), syncStep2 (1)
        if (bytes[0] === 0 && bytes[1] === 1) {
          ws.removeEventListener('message', onMessage as never);
          resolve();
        }
      };
      ws.addEventListener('message', onMessage as never);
      ws.send(syncStep1Frame(Y.encodeStateVector(outsider.doc)));
    });
    const expected = 'Alla Remisser tappas bort.';
    await waitFor(() => textOf(fac.doc)?.toString() === expected && textOf(a.doc)?.toString() === expected && textOf(b.doc)?.toString() === expected, {
      message: 'every word on every device',
    });
    // the relay's whole copy, as a fresh client's first sync gets it
    const fresh = t.connect(t.relay.wsUrl, name, m.facilitatorKey);
    await fresh.synced;
    expect(textOf(fresh.doc)!.toString()).toBe(expected);
    expect(textOf(fac.doc)!.toString()).toBe(expected);
  });

  it('who types in which answer reaches the other members and the facilitator, not another group or the meeting doc', async () => {
    const { m, anna, bo, cia } = await groupOfTwo();
    const name = groupDocName(m.meetingId, 'g1');
    const a = t.connect(t.relay.wsUrl, name, anna.participantKey);
    const b = t.connect(t.relay.wsUrl, name, bo.participantKey);
    const outsider = t.connect(t.relay.wsUrl, name, cia.participantKey);
    const fac = t.connect(t.relay.wsUrl, name, m.facilitatorKey);
    const boMeeting = t.connect(t.relay.wsUrl, meetingDocName(m.meetingId), bo.participantKey);
    const annaMeeting = t.connect(t.relay.wsUrl, meetingDocName(m.meetingId), anna.participantKey);
    await Promise.all([a.synced, b.synced, outsider.synced, fac.synced, boMeeting.synced, annaMeeting.synced]);
    for (const c of [b, outsider, fac, boMeeting]) c.provider.awareness.setLocalState(null);
    annaMeeting.provider.awareness.setLocalState({ role: 'participant', participantId: anna.participantId });
    a.provider.awareness.setLocalState({ role: 'participant', participantId: anna.participantId, typing: 'x1' });
    const annaId = a.doc.clientID;
    await waitFor(() => (b.provider.awareness.getStates().get(annaId) as { typing?: string } | undefined)?.typing === 'x1', { message: 'Bo sees Anna typing' });
    await waitFor(() => (fac.provider.awareness.getStates().get(annaId) as { typing?: string } | undefined)?.typing === 'x1', { message: 'the facilitator sees it' });

    // a hand-made client of Anna's cannot say Bo is typing
    const raw = openRaw(t.relay.wsUrl, name, anna.participantKey);
    await raw.opened;
    raw.ws.send(awarenessFrame([[9001, 1, { role: 'participant', participantId: bo.participantId, typing: 'x1' }]]));
    raw.ws.send(awarenessFrame([[9002, 1, { role: 'participant', participantId: anna.participantId, typing: 'x2' }]]));
    await waitFor(() => b.provider.awareness.getStates().has(9002), { message: 'the honest state arrives' });
    await sleep(100);
    expect(b.provider.awareness.getStates().has(9001)).toBe(false);
    raw.ws.close();

    // another group's member may read the doc but not say they type in it
    outsider.provider.awareness.setLocalState({ role: 'participant', participantId: cia.participantId, typing: 'x1' });
    const marker = openRaw(t.relay.wsUrl, name, anna.participantKey);
    await marker.opened;
    marker.ws.send(awarenessFrame([[9003, 1, { role: 'participant', participantId: anna.participantId }]]));
    await waitFor(() => b.provider.awareness.getStates().has(9003), { message: 'a later state arrives' });
    await sleep(100);
    expect(b.provider.awareness.getStates().has(outsider.doc.clientID)).toBe(false);
    marker.ws.close();

    // another group's member (who may read the doc) and Bo's socket on the meeting doc hear nothing
    expect(outsider.provider.awareness.getStates().has(annaId)).toBe(false);
    expect(outsider.provider.awareness.getStates().has(9002)).toBe(false);
    expect(boMeeting.provider.awareness.getStates().has(annaMeeting.doc.clientID)).toBe(false);

    // stopped typing: gone for the others too
    a.provider.awareness.setLocalStateField('typing', null);
    await waitFor(() => (b.provider.awareness.getStates().get(annaId) as { typing?: unknown } | undefined)?.typing === null, { message: 'typing ended' });
  });
});
