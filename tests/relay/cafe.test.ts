// Dialogkafé over real sockets, with hand-made participant clients (raw y-protocols frames, no
// y-websocket): the relay seats each round, and a phone's note or summary reaches a table only when
// the relay seated that phone there in the round under way (as its host, for a summary). A note for
// another table, for another round, a guest claiming to host, a phone writing the seating itself,
// hostile and oversize text: refused or cleaned, and no shared doc ever names a participant. Then
// the relay restarts on the same data and every phone's stored outbox is read again: nothing
// refused appears, nothing taken is taken twice, the seating stays as the relay made it.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { controlDocName, meetingDocName, privateDocName } from '../../common/docNames';
import { addParticipant, connectDoc, createMeeting, rawDocClient, roundTrip, startRelay, waitFor, type DocClient, type RawDocClient, type TestRelay } from './helpers';

// the relay of this test, replaced by its restart on the same data
const t = {
  relay: null as unknown as TestRelay,
  clients: [] as DocClient[],
  connect(...args: Parameters<typeof connectDoc>) {
    const c = connectDoc(...args);
    t.clients.push(c);
    return c;
  },
};
const raws: RawDocClient[] = [];
beforeEach(async () => {
  t.relay = await startRelay();
});
afterEach(async () => {
  for (const r of raws.splice(0)) r.raw.ws.close();
  for (const c of t.clients.splice(0)) c.destroy();
  await t.relay.dispose();
});

let seq = 0;
/** a note in the phone's outbox, as the app writes it (one nested map per note) */
const note = (phone: RawDocClient, table: number, round: number, text: string, id = `n${++seq}`) =>
  phone.write((doc) => {
    const item = new Y.Map<unknown>();
    for (const [k, v] of Object.entries({ table, round, text, createdAt: Date.now() })) item.set(k, v);
    doc.getMap('cafeNotes').set(id, item);
  });
const summary = (phone: RawDocClient, table: number, text: string) =>
  phone.write((doc) => doc.transact(() => {
    for (const [k, v] of Object.entries({ table, text, updatedAt: Date.now() })) doc.getMap('cafeSummary').set(k, v);
  }));

describe('dialogkafé over the relay', () => {
  it('seats rounds, takes notes only at one’s own table in the round under way and summaries only from hosts, names nobody', async () => {
    const m = await createMeeting(t.relay.url);
    const control = t.connect(t.relay.wsUrl, controlDocName(m.meetingId), m.facilitatorKey);
    const meeting = t.connect(t.relay.wsUrl, meetingDocName(m.meetingId), m.facilitatorKey);
    await Promise.all([control.synced, meeting.synced]);
    const join = async (name: string, organisation: string) => {
      const p = await addParticipant(t.relay.url, m.meetingId, name, organisation);
      const phone = rawDocClient(t.relay.wsUrl, privateDocName(m.meetingId, p.participantId), p.participantKey);
      raws.push(phone);
      await phone.synced;
      return { ...p, name, phone };
    };
    const people = [await join('Anna', 'Region'), await join('Bo', 'Kommun'), await join('Cleo', 'Region'), await join('Dan', 'Kommun')];
    const byId = new Map(people.map((p) => [p.participantId, p]));

    const cafe = control.doc.getMap('cafe');
    control.doc.transact(() => {
      cafe.set('question', 'Hur når vi varandra?');
      cafe.set('tables', 2);
      cafe.set('rounds', 2);
      cafe.set('present', people.map((p) => p.participantId));
      cafe.set('round', 1);
    });
    const seats = (round: number) => ((control.doc.getMap('cafeSeats').toJSON() as Record<string, Record<string, number>>)[String(round)] ?? {});
    const hosts = (round: number) => ((control.doc.getMap('cafeHosts').toJSON() as Record<string, Record<string, string>>)[String(round)] ?? {});
    await waitFor(() => Object.keys(seats(1)).length === 4 && Object.keys(hosts(1)).length === 2, { message: 'round 1 seated' });
    const host1 = byId.get(hosts(1)['1'])!;
    const host2 = byId.get(hosts(1)['2'])!;
    const guest = people.find((p) => p !== host1 && p !== host2 && seats(1)[p.participantId] === 1)!;
    expect(guest).toBeDefined();
    // organisations mixed: each table has one from the region and one from the municipality
    for (const table of [1, 2]) {
      const orgs = people.filter((p) => seats(1)[p.participantId] === table).map((p) => p.participantId === people[0].participantId || p.participantId === people[2].participantId);
      expect(orgs.sort()).toEqual([false, true]);
    }

    const notes = () => Object.values(meeting.doc.getMap('cafeNotes').toJSON()) as { table: number; round: number; text: string }[];
    const summaries = () => meeting.doc.getMap('cafeSummaries').toJSON() as Record<string, { table: number; text: string }>;
    // every text the tables ever held, so a refused note cannot slip by between two looks
    const seen = new Set<string>();
    const watch = () => {
      notes().forEach((n) => seen.add(n.text));
      Object.values(summaries()).forEach((s) => seen.add(s.text));
    };
    meeting.doc.getMap('cafeNotes').observeDeep(watch);
    meeting.doc.getMap('cafeSummaries').observeDeep(watch);

    // the guest at table 1: a note for table 2, one for round 2, a summary as if hosting: all refused
    note(guest.phone, 2, 1, 'till fel bord');
    note(guest.phone, 1, 2, 'fel omgång');
    summary(guest.phone, 1, 'låtsasvärd');
    // the host of table 2 writing table 1's summary: refused
    summary(host2.phone, 1, 'annans bord');
    // a phone writing the seating itself (control doc): the relay drops it
    const rogue = rawDocClient(t.relay.wsUrl, controlDocName(m.meetingId), guest.participantKey);
    raws.push(rogue);
    await rogue.synced;
    rogue.write((doc) => doc.getMap('cafeHosts').set('1', new Y.Map([['1', guest.participantId]])));
    // hostile, oversize text at one's own table: cleaned and cut, rendered as text by every reader
    note(guest.phone, 1, 1, `<img src=x onerror=alert(1)>\u202e\u0000 ${'å'.repeat(400)}`);
    await waitFor(() => notes().length === 1, { message: 'the guest’s own note' });
    const [own] = notes();
    expect(own).toMatchObject({ table: 1, round: 1 });
    expect([...own.text].length).toBe(280);
    expect(own.text).not.toMatch(/[\u202e\u0000]/);
    expect(own.text.startsWith('<img src=x onerror=alert(1)>')).toBe(true);
    // the host's summary for their own table goes through
    summary(host1.phone, 1, 'Ett gemensamt nummer');
    await waitFor(() => summaries()['1']?.text === 'Ett gemensamt nummer', { message: 'host 1’s summary' });
    await t.relay.server.settle();
    for (const refused of ['till fel bord', 'fel omgång', 'låtsasvärd', 'annans bord']) expect(seen.has(refused)).toBe(false);
    expect(hosts(1)['1']).toBe(host1.participantId);

    // round 2: hosts stay, the guests change tables
    control.doc.transact(() => cafe.set('round', 2));
    await waitFor(() => Object.keys(seats(2)).length === 4, { message: 'round 2 seated' });
    expect(hosts(2)).toEqual(hosts(1));
    for (const p of people) {
      if (p === host1 || p === host2) expect(seats(2)[p.participantId]).toBe(seats(1)[p.participantId]);
      else expect(seats(2)[p.participantId]).not.toBe(seats(1)[p.participantId]);
    }
    // a latecomer's phone asks for a seat during round 2 and gets one
    const eva = await join('Eva', 'Sjukhus');
    eva.phone.write((doc) => doc.getMap('cafeSeat').set('round', 2));
    await waitFor(() => seats(2)[eva.participantId] !== undefined, { message: 'the latecomer seated' });
    // the guest, now at table 2: round 1 and table 1 refused, table 2 in round 2 taken
    note(guest.phone, 2, 1, 'förra omgången');
    note(guest.phone, 1, 2, 'gamla bordet');
    note(guest.phone, 2, 2, 'Bygger vidare på bord 2');
    note(eva.phone, seats(2)[eva.participantId], 2, 'Sent men med');
    await waitFor(() => notes().length === 3, { message: 'round 2 notes' });
    await t.relay.server.settle();
    expect(seen.has('förra omgången')).toBe(false);
    expect(seen.has('gamla bordet')).toBe(false);
    expect(notes().find((n) => n.text === 'Bygger vidare på bord 2')).toMatchObject({ table: 2, round: 2 });

    // the harvest: no more notes
    control.doc.transact(() => cafe.set('harvest', true));
    await t.relay.server.settle();
    note(host1.phone, 1, 2, 'efter skörden');
    summary(host1.phone, 1, 'Sammanfattning till skörden');
    await waitFor(() => summaries()['1']?.text === 'Sammanfattning till skörden', { message: 'summary during the harvest' });
    await t.relay.server.settle();
    expect(seen.has('efter skörden')).toBe(false);

    // nothing in a shared doc names a participant, by id or by name, on the tables
    const tables = JSON.stringify([meeting.doc.getMap('cafeNotes').toJSON(), meeting.doc.getMap('cafeSummaries').toJSON()]);
    for (const p of [...people, eva]) {
      expect(tables).not.toContain(p.participantId);
      expect(tables).not.toContain(p.name);
    }
    for (const n of Object.values(meeting.doc.getMap('cafeNotes').toJSON()) as Record<string, unknown>[]) {
      expect(Object.keys(n).sort()).toEqual(['createdAt', 'round', 'table', 'text']);
    }

    // a restart on the same data: the relay reads every phone's stored outbox again (the refused
    // notes and summaries, the rogue seating are all still there) and finds nothing new to take
    const before = {
      notes: meeting.doc.getMap('cafeNotes').toJSON(),
      summaries: summaries(),
      seats: control.doc.getMap('cafeSeats').toJSON(),
      hosts: control.doc.getMap('cafeHosts').toJSON(),
    };
    for (const r of raws.splice(0)) r.raw.ws.close();
    for (const c of t.clients.splice(0)) c.destroy();
    t.relay = await t.relay.restart();
    const after = t.connect(t.relay.wsUrl, meetingDocName(m.meetingId), m.facilitatorKey);
    const afterControl = t.connect(t.relay.wsUrl, controlDocName(m.meetingId), m.facilitatorKey);
    await Promise.all([after.synced, afterControl.synced]);
    for (const p of [...people, eva]) {
      const phone = rawDocClient(t.relay.wsUrl, privateDocName(m.meetingId, p.participantId), p.participantKey);
      raws.push(phone);
      await phone.synced;
    }
    await t.relay.server.settle();
    expect(after.doc.getMap('cafeNotes').toJSON()).toEqual(before.notes);
    expect(after.doc.getMap('cafeSummaries').toJSON()).toEqual(before.summaries);
    expect(afterControl.doc.getMap('cafeSeats').toJSON()).toEqual(before.seats);
    expect(afterControl.doc.getMap('cafeHosts').toJSON()).toEqual(before.hosts);
    // ids are claims: with the harvest taken back (so that notes are taken at all), the host of
    // table 1 writes under the outbox id the guest's first note had and under a board note's own
    // id: neither overwrites nor re-owns anything; each is a new note of the host's own (and the
    // host's note refused during the harvest, still in its outbox, goes in now with them)
    afterControl.doc.getMap('cafe').set('harvest', false);
    await roundTrip(afterControl);
    await t.relay.server.settle();
    const hostAgain = raws[people.indexOf(host1)];
    const boardId = Object.keys(before.notes)[0];
    note(hostAgain, 1, 2, 'samma id som gästens', 'n1');
    note(hostAgain, 1, 2, 'en tavlans id', boardId);
    await waitFor(() => Object.keys(after.doc.getMap('cafeNotes').toJSON()).length === Object.keys(before.notes).length + 3, { message: 'the host’s notes' });
    const claimed = after.doc.getMap('cafeNotes').toJSON() as Record<string, { text: string }>;
    for (const [id, n] of Object.entries(before.notes)) expect(claimed[id]).toEqual(n);
    const fresh = Object.keys(claimed).filter((id) => !(id in before.notes));
    expect(fresh.map((id) => claimed[id].text).sort()).toEqual(['efter skörden', 'en tavlans id', 'samma id som gästens']);
    Object.assign(before.notes, Object.fromEntries(fresh.map((id) => [id, claimed[id]])));
    afterControl.doc.getMap('cafe').set('harvest', true);
    await roundTrip(afterControl);
    await t.relay.server.settle();
    // a refused note written again after the restart is still refused; a new one at one's own table is taken once
    const guestAgain = raws[people.indexOf(guest)];
    note(guestAgain, 1, 2, 'efter omstarten, fel bord');
    summary(guestAgain, 2, 'låtsasvärd igen');
    await t.relay.server.settle();
    expect(Object.keys(after.doc.getMap('cafeNotes').toJSON()).length).toBe(Object.keys(before.notes).length);
    expect(after.doc.getMap('cafeSummaries').toJSON()).toEqual(before.summaries);
  });
});
