// Bikupa and fyra hörn over real sockets, with hand-made participant clients (raw y-protocols
// frames, no y-websocket): a phone writes only its own private doc; the relay decides what of it
// reaches the board. A line cannot be sent for another group, a pick cannot count twice, corner
// counts below the anonymity threshold are never published, and no shared doc names anyone.
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CloseCode, controlDocName, meetingDocName, privateDocName } from '../../common/docNames';
import { addParticipant, createMeeting, openRaw, rawDocClient, relayForEachTest, waitFor, type DocClient, type RawDocClient } from './helpers';

const t = relayForEachTest();
const raws: RawDocClient[] = [];
afterEach(() => {
  for (const r of raws.splice(0)) r.raw.ws.close();
});

async function setup() {
  const m = await createMeeting(t.relay.url);
  const control = t.connect(t.relay.wsUrl, controlDocName(m.meetingId), m.facilitatorKey);
  const meeting = t.connect(t.relay.wsUrl, meetingDocName(m.meetingId), m.facilitatorKey);
  await Promise.all([control.synced, meeting.synced]);
  const join = async (name: string, organisation = 'Region') => {
    const p = await addParticipant(t.relay.url, m.meetingId, name, organisation);
    const phone = rawDocClient(t.relay.wsUrl, privateDocName(m.meetingId, p.participantId), p.participantKey);
    raws.push(phone);
    // a second, stock client on the same outbox: what it has received, the relay has applied
    const echo = t.connect(t.relay.wsUrl, privateDocName(m.meetingId, p.participantId), p.participantKey);
    await Promise.all([phone.synced, echo.synced]);
    return { ...p, phone, echo };
  };
  return { m, control, meeting, join };
}

const clockOf = (doc: Y.Doc, writer: Y.Doc) => Y.decodeStateVector(Y.encodeStateVector(doc)).get(writer.clientID) ?? 0;

/** Waits until the relay has applied everything these phones and clients wrote, and every action it woke has run. */
async function decided(...writers: ({ phone: RawDocClient; echo: DocClient } | { client: DocClient; mirror: DocClient })[]) {
  for (const w of writers) {
    const [source, at] = 'phone' in w ? [w.phone.doc, w.echo.doc] : [w.client.doc, w.mirror.doc];
    const written = clockOf(source, source);
    await waitFor(() => clockOf(at, source) >= written, { message: 'the writes at the relay' });
  }
  await t.relay.server.settle();
}

/** The relay's copy of a shared doc's root, read by a fresh client (its first sync is the relay's whole state). */
async function atRelay(docName: string, key: string, root: string) {
  const fresh = t.connect(t.relay.wsUrl, docName, key);
  await fresh.synced;
  return fresh.doc.getMap(root).toJSON();
}

const fields = (phone: RawDocClient, root: string, values: Record<string, unknown>) =>
  phone.write((doc) => doc.transact(() => {
    for (const [k, v] of Object.entries(values)) doc.getMap(root).set(k, v);
  }));

describe('bikupa over the relay', () => {
  it('a line reaches the board under its group’s number only, never for another group, never with a name', async () => {
    const { m, control, meeting, join } = await setup();
    const anna = await join('Anna');
    const bo = await join('Bo', 'Kommun');
    const cleo = await join('Cleo');
    control.doc.transact(() => {
      const groups = control.doc.getMap('buzzGroups');
      groups.set(anna.participantId, 1);
      groups.set(bo.participantId, 1);
      groups.set(cleo.participantId, 2);
    });
    const lines = () => meeting.doc.getMap('buzzLines').toJSON() as Record<string, { group: number; text: string }>;
    // every text the board ever held, so a refused line cannot slip by between two looks
    const seen = new Set<string>();
    meeting.doc.getMap('buzzLines').observeDeep(() => Object.values(lines()).forEach((l) => seen.add(l.text)));

    fields(anna.phone, 'buzzLine', { group: 1, text: '  Vi behöver en gemensam kontaktväg  ', updatedAt: Date.now() });
    await waitFor(() => lines()['1'], { message: 'group 1’s line' });
    expect(lines()['1']).toMatchObject({ group: 1, text: 'Vi behöver en gemensam kontaktväg' });

    // Cleo (group 2) claims group 1: refused; then her own group's line goes through
    fields(cleo.phone, 'buzzLine', { group: 1, text: 'kapat', updatedAt: Date.now() + 1 });
    await decided(cleo);
    expect(JSON.stringify(await atRelay(meetingDocName(m.meetingId), m.facilitatorKey, 'buzzLines'))).not.toContain('kapat');
    expect(seen.has('kapat')).toBe(false);
    fields(cleo.phone, 'buzzLine', { group: 2, text: 'Samma journal', updatedAt: Date.now() + 3 });
    await waitFor(() => lines()['2'], { message: 'group 2’s line' });
    expect(seen.has('kapat')).toBe(false);
    expect(lines()['1'].text).toBe('Vi behöver en gemensam kontaktväg');
    expect(Object.keys(lines()).sort()).toEqual(['1', '2']);

    // Bo, in group 1 too, replaces the group's line: still one line for the group
    fields(bo.phone, 'buzzLine', { group: 1, text: 'Ett nummer dygnet runt', updatedAt: Date.now() + 5 });
    await waitFor(() => lines()['1'].text === 'Ett nummer dygnet runt', { message: 'Bo’s line' });

    const shared = JSON.stringify(meeting.doc.getMap('buzzLines').toJSON());
    for (const p of [anna, bo, cleo]) expect(shared).not.toContain(p.participantId);

    // a phone cannot open another participant's outbox to send as them
    const asAnna = openRaw(t.relay.wsUrl, privateDocName(m.meetingId, anna.participantId), bo.participantKey);
    expect((await asAnna.closed).code).toBe(CloseCode.forbidden);
  });
});

describe('fyra hörn over the relay', () => {
  it('one pick per phone, no counts below three, frozen once shown; reasons only for one’s own corner, no names', async () => {
    const { m, control, meeting, join } = await setup();
    const anna = await join('Anna');
    const bo = await join('Bo', 'Kommun');
    const cleo = await join('Cleo');
    const dan = await join('Dan');
    const corners = control.doc.getMap('corners');
    control.doc.transact(() => {
      corners.set('statement', 'Vi har tydliga roller');
      corners.set('answers', ['Håller med', 'Delvis', 'Tveksam', 'Nej']);
      corners.set('open', true);
    });
    const result = () => control.doc.getMap('cornerResult').toJSON() as { count?: number; totals?: number[] | null };

    // Anna picks twice: one ballot, moved
    fields(anna.phone, 'corner', { choice: 0, at: 1 });
    await waitFor(() => result().count === 1, { message: 'Anna counted' });
    fields(anna.phone, 'corner', { choice: 2, at: 2 });
    fields(bo.phone, 'corner', { choice: 1, at: 3 });
    await waitFor(() => result().count === 2, { message: 'Bo counted' });

    // shown with two picks: the count only, no corner
    corners.set('revealed', true);
    await decided({ client: control, mirror: t.connect(t.relay.wsUrl, controlDocName(m.meetingId), m.boardKey) });
    expect((await atRelay(controlDocName(m.meetingId), m.boardKey, 'cornerResult')).totals ?? null).toBeNull();
    expect(result().totals ?? null).toBeNull();

    // the facilitator opens again; Cleo's pick makes three and the corners are published
    control.doc.transact(() => {
      corners.set('revealed', false);
      corners.set('open', true);
    });
    fields(cleo.phone, 'corner', { choice: 2, at: 4 });
    await waitFor(() => result().count === 3, { message: 'Cleo counted' });
    control.doc.transact(() => {
      corners.set('revealed', true);
      corners.set('open', false);
    });
    await waitFor(() => Array.isArray(result().totals), { message: 'corners shown' });
    expect(result()).toEqual({ count: 3, totals: [0, 1, 2, 0] });

    // after the showing, a changed pick changes nothing on the board
    fields(anna.phone, 'corner', { choice: 3, at: 5 });

    // reasons: Anna for her corner goes through; Bo claiming Anna's corner and Dan (no pick) do not
    corners.set('reasonsOpen', true);
    fields(bo.phone, 'cornerReason', { corner: 2, text: 'kapat', updatedAt: Date.now() });
    fields(dan.phone, 'cornerReason', { corner: 0, text: 'utan hörn', updatedAt: Date.now() });
    fields(anna.phone, 'cornerReason', { corner: 2, text: 'Rollerna ändras ofta', updatedAt: Date.now() });
    const reasons = () => Object.values(meeting.doc.getMap('cornerReasons').toJSON()) as { corner: number; text: string }[];
    await waitFor(() => reasons().length === 1, { message: 'Anna’s reason' });
    fields(cleo.phone, 'cornerReason', { corner: 2, text: 'Vem gör vad?', updatedAt: Date.now() });
    await waitFor(() => reasons().length === 2, { message: 'Cleo’s reason' });
    expect(reasons().map((r) => [r.corner, r.text]).sort()).toEqual([
      [2, 'Rollerna ändras ofta'],
      [2, 'Vem gör vad?'],
    ]);
    expect(result()).toEqual({ count: 3, totals: [0, 1, 2, 0] });

    const shared = JSON.stringify([meeting.doc.toJSON(), control.doc.getMap('cornerResult').toJSON()]);
    for (const p of [anna, bo, cleo, dan]) expect(shared).not.toContain(p.participantId);
  });
});

describe('fyra hörn reasons and the anonymity threshold', () => {
  it('no reason reaches the board while the corners’ counts are withheld (under three picks), even if reasons are opened', async () => {
    const { m, control, join } = await setup();
    const anna = await join('Anna');
    const bo = await join('Bo', 'Kommun');
    const corners = control.doc.getMap('corners');
    control.doc.transact(() => {
      corners.set('statement', 'Vi har tydliga roller');
      corners.set('answers', ['Håller med', 'Delvis', 'Tveksam', 'Nej']);
      corners.set('open', true);
    });
    fields(anna.phone, 'corner', { choice: 0, at: 1 });
    fields(bo.phone, 'corner', { choice: 3, at: 2 });
    await waitFor(() => control.doc.getMap('cornerResult').get('count') === 2, { message: 'two picks' });
    // a facilitator's client that does not hold back: shown and reasons opened with two picks
    control.doc.transact(() => {
      corners.set('revealed', true);
      corners.set('open', false);
      corners.set('reasonsOpen', true);
    });
    await decided({ client: control, mirror: t.connect(t.relay.wsUrl, controlDocName(m.meetingId), m.boardKey) });
    expect((await atRelay(controlDocName(m.meetingId), m.boardKey, 'cornerResult')).totals ?? null).toBeNull();
    // each reason under its corner would say where Anna and Bo stood, which the withheld totals hide
    fields(anna.phone, 'cornerReason', { corner: 0, text: 'Anna håller med', updatedAt: Date.now() });
    fields(bo.phone, 'cornerReason', { corner: 3, text: 'Bo säger nej', updatedAt: Date.now() });
    await decided(anna, bo);
    expect(await atRelay(meetingDocName(m.meetingId), m.boardKey, 'cornerReasons')).toEqual({});
  });
});

describe('bikupa rounds', () => {
  it('last round’s line, still in a phone’s outbox, does not come back on the board for the new round’s group', async () => {
    const { m, control, meeting, join } = await setup();
    const anna = await join('Anna');
    const bo = await join('Bo', 'Kommun');
    // round one: Anna in group 1, her phone sends the line for round one's group 1
    control.doc.transact(() => {
      control.doc.getMap('buzz').set('round', 'roundoneroundone');
      control.doc.getMap('buzzGroups').set(anna.participantId, 1);
      control.doc.getMap('buzzGroups').set(bo.participantId, 2);
    });
    await decided({ client: control, mirror: t.connect(t.relay.wsUrl, controlDocName(m.meetingId), m.boardKey) });
    fields(anna.phone, 'buzzLine', { round: 'roundoneroundone', group: 1, text: 'Förra rundans rad', updatedAt: Date.now() });
    await waitFor(() => meeting.doc.getMap('buzzLines').has('1'), { message: 'round one’s line' });
    // Anna's phone goes (her outbox leaves the relay's memory)
    anna.phone.raw.ws.close();
    anna.echo.destroy();
    await anna.phone.raw.closed;
    // round two, formed the way the console forms it: a new round, groups renumbered from 1, the board cleared
    control.doc.transact(() => {
      control.doc.getMap('buzz').set('round', 'roundtworoundtwo');
      control.doc.getMap('buzzGroups').set(anna.participantId, 1);
      control.doc.getMap('buzzGroups').set(bo.participantId, 1);
    });
    meeting.doc.transact(() => meeting.doc.getMap('buzzLines').delete('1'));
    await decided(
      { client: control, mirror: t.connect(t.relay.wsUrl, controlDocName(m.meetingId), m.boardKey) },
      { client: meeting, mirror: t.connect(t.relay.wsUrl, meetingDocName(m.meetingId), m.boardKey) },
    );
    const seen: string[] = [];
    meeting.doc.getMap('buzzLines').observeDeep(() => seen.push(JSON.stringify(meeting.doc.getMap('buzzLines').toJSON())));
    // she comes back (a reload): the relay loads her outbox again and reads last round's line in it
    const back = rawDocClient(t.relay.wsUrl, privateDocName(m.meetingId, anna.participantId), anna.participantKey);
    raws.push(back);
    await back.synced;
    expect(back.doc.getMap('buzzLine').get('text')).toBe('Förra rundans rad');
    await t.relay.server.settle();
    expect(await atRelay(meetingDocName(m.meetingId), m.boardKey, 'buzzLines')).toEqual({});
    expect(seen.join()).not.toContain('Förra rundans rad');
    // this round's line from her goes through
    fields(back, 'buzzLine', { round: 'roundtworoundtwo', group: 1, text: 'Den här rundans rad', updatedAt: Date.now() + 1000 });
    await waitFor(() => JSON.stringify(meeting.doc.getMap('buzzLines').toJSON()).includes('Den här rundans rad'), { message: 'round two’s line' });
  });
});
