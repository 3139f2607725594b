// Part 2 over real sockets: hidden dot votes and the anonymous rating are tallied by the relay and
// never reach another device (the facilitator's included); a member cannot write another group's doc.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { controlDocName, groupDocName, meetingDocName, privateDocName } from '../../common/docNames';
import { addParticipant, connectDoc, createMeeting, openRaw, sleep, startRelay, waitFor, type CreatedMeeting, type DocClient, type TestRelay } from './helpers';

let relay: TestRelay;
const clients: DocClient[] = [];
const connect = (...args: Parameters<typeof connectDoc>) => {
  const c = connectDoc(...args);
  clients.push(c);
  return c;
};

beforeEach(async () => {
  relay = await startRelay();
});
afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy();
  await relay.dispose();
});

const contains = (doc: Y.Doc, text: string) => Buffer.from(Y.encodeStateAsUpdate(doc)).includes(Buffer.from(text));

interface Person {
  participantId: string;
  participantKey: string;
  private: DocClient;
}

async function setup(names: string[]): Promise<{ m: CreatedMeeting; people: Person[]; control: DocClient; meeting: DocClient }> {
  const m = await createMeeting(relay.url);
  const people: Person[] = [];
  for (const [i, name] of names.entries()) {
    const p = await addParticipant(relay.url, m.meetingId, name, i % 2 ? 'Kommun' : 'Region');
    people.push({ ...p, private: connect(relay.wsUrl, privateDocName(m.meetingId, p.participantId), p.participantKey) });
  }
  const control = connect(relay.wsUrl, controlDocName(m.meetingId), m.facilitatorKey);
  const meeting = connect(relay.wsUrl, meetingDocName(m.meetingId), m.facilitatorKey);
  await Promise.all([control.synced, meeting.synced, ...people.map((p) => p.private.synced)]);
  return { m, people, control, meeting };
}

function cluster(meeting: Y.Doc, id: string) {
  meeting.transact(() => {
    const c = new Y.Map<unknown>();
    c.set('id', id);
    c.set('name', id);
    c.set('order', 'a0');
    c.set('parked', false);
    meeting.getMap('clusters').set(id, c);
  });
}

function voting(control: Y.Doc, fields: Record<string, unknown>) {
  control.transact(() => {
    const rounds = control.getMap<Y.Map<unknown>>('voting');
    let areas = rounds.get('areas');
    if (!areas) {
      areas = new Y.Map<unknown>();
      rounds.set('areas', areas);
    }
    for (const [k, v] of Object.entries(fields)) areas.set(k, v);
  });
}

/** Dots as a hand-made client writes them: straight into the private doc, as many as it likes. */
function dots(priv: Y.Doc, prefix: string, itemId: string, n: number, at = 1) {
  priv.transact(() => {
    for (let i = 0; i < n; i++) {
      const dot = new Y.Map<unknown>();
      dot.set('round', 'areas');
      dot.set('itemId', itemId);
      dot.set('at', at + i);
      priv.getMap('votes').set(`${prefix}${String(i).padStart(3, '0')}`, dot);
    }
  });
}

describe('hidden dot voting', () => {
  it('counts at most N dots per person, publishes only who has voted before the reveal and only totals after it', async () => {
    const { m, people, control, meeting } = await setup(['Anna', 'Bo', 'Cleo']);
    const [anna, bo, cleo] = people;
    cluster(meeting.doc, 'clusterAAAAAAAAAAAAAAAAA');
    cluster(meeting.doc, 'clusterBBBBBBBBBBBBBBBBB');
    voting(control.doc, { dots: 3, revealed: false, open: true });
    // Anna's hand-made client places 12 dots; Bo places 2 and finishes; Cleo has not voted
    dots(anna.private.doc, 'annaDOTsecret', 'clusterAAAAAAAAAAAAAAAAA', 12);
    dots(bo.private.doc, 'boDOTsecret', 'clusterBBBBBBBBBBBBBBBBB', 2);
    bo.private.doc.getMap('voteDone').set('areas', true);

    const spyControl = connect(relay.wsUrl, controlDocName(m.meetingId), cleo.participantKey);
    const spyMeeting = connect(relay.wsUrl, meetingDocName(m.meetingId), cleo.participantKey);
    await Promise.all([spyControl.synced, spyMeeting.synced]);
    const progress = spyControl.doc.getMap('voteProgress');
    await waitFor(() => progress.get(`areas:${anna.participantId}`) === true && progress.get(`areas:${bo.participantId}`) === true, { message: 'progress' });
    expect(progress.has(`areas:${cleo.participantId}`)).toBe(false);
    expect(spyControl.doc.getMap('voteResults').size).toBe(0);
    for (const doc of [spyControl.doc, spyMeeting.doc, control.doc, meeting.doc]) expect(contains(doc, 'DOTsecret')).toBe(false);

    // another participant's private doc cannot be opened at all
    const peek = openRaw(relay.wsUrl, privateDocName(m.meetingId, anna.participantId), cleo.participantKey);
    expect((await peek.closed).code).toBe(4403);

    voting(control.doc, { revealed: true, open: false });
    const results = spyControl.doc.getMap('voteResults');
    await waitFor(() => results.has('areas'), { message: 'totals after the reveal' });
    expect(results.get('areas')).toEqual({
      totals: { clusterAAAAAAAAAAAAAAAAA: 3, clusterBBBBBBBBBBBBBBBBB: 2 },
      voters: 2,
      unused: 1,
    });
    for (const doc of [spyControl.doc, spyMeeting.doc, control.doc, meeting.doc]) expect(contains(doc, 'DOTsecret')).toBe(false);

    // lowering N after the reveal keeps each person's first N
    voting(control.doc, { dots: 1 });
    await waitFor(() => (results.get('areas') as { totals: Record<string, number> }).totals.clusterAAAAAAAAAAAAAAAAA === 1, { message: 'N lowered' });
  });

  it('a merged cluster brings its dots; a parked one gives them back', async () => {
    const { people, control, meeting } = await setup(['Anna']);
    const [anna] = people;
    for (const id of ['clusterAAAAAAAAAAAAAAAAA', 'clusterBBBBBBBBBBBBBBBBB', 'clusterCCCCCCCCCCCCCCCCC']) cluster(meeting.doc, id);
    dots(anna.private.doc, 'a', 'clusterAAAAAAAAAAAAAAAAA', 1, 1);
    dots(anna.private.doc, 'c', 'clusterCCCCCCCCCCCCCCCCC', 1, 2);
    dots(anna.private.doc, 'b', 'clusterBBBBBBBBBBBBBBBBB', 2, 3);
    meeting.doc.transact(() => {
      meeting.doc.getMap('clusters').delete('clusterAAAAAAAAAAAAAAAAA');
      meeting.doc.getMap('clusterMerges').set('clusterAAAAAAAAAAAAAAAAA', 'clusterBBBBBBBBBBBBBBBBB');
      (meeting.doc.getMap('clusters').get('clusterCCCCCCCCCCCCCCCCC') as Y.Map<unknown>).set('parked', true);
    });
    voting(control.doc, { dots: 3, revealed: true });
    // the dots travel on the private doc's socket, the reveal on the control doc's: the first
    // tally may come before the dots arrive, and the next one counts them
    const totals = () => (control.doc.getMap('voteResults').get('areas') as { totals: unknown } | undefined)?.totals;
    await waitFor(() => JSON.stringify(totals()) === JSON.stringify({ clusterBBBBBBBBBBBBBBBBB: 3 }), { message: 'totals' });
    expect(totals()).toEqual({ clusterBBBBBBBBBBBBBBBBB: 3 });
  });
});

describe('the anonymous rating', () => {
  it('publishes the count, and the distribution only when revealed with three or more ratings', async () => {
    const { m, people, control } = await setup(['Anna', 'Bo', 'Cleo']);
    const rate = (p: Person, value: number) => p.private.doc.getMap('rating').set('value', value);
    rate(people[0], 5);
    rate(people[1], 2);
    const spy = connect(relay.wsUrl, controlDocName(m.meetingId), people[2].participantKey);
    await spy.synced;
    const result = spy.doc.getMap('ratingResult');
    await waitFor(() => result.get('count') === 2, { message: 'count 2' });
    control.doc.getMap('rating').set('revealed', true);
    await sleep(300);
    expect(result.get('distribution') ?? null).toBeNull();
    rate(people[2], 5);
    await waitFor(() => Array.isArray(result.get('distribution')), { message: 'distribution' });
    expect(result.toJSON()).toEqual({ count: 3, distribution: [0, 1, 0, 0, 2] });
    expect(control.doc.getMap('ratingResult').toJSON()).toEqual({ count: 3, distribution: [0, 1, 0, 0, 2] });
  });
});

describe('group documents', () => {
  it('a member writes their own group’s doc; a write to another group’s doc never lands', async () => {
    const { m, people, control } = await setup(['Anna', 'Bo']);
    const [anna, bo] = people;
    control.doc.transact(() => {
      for (const g of ['g1', 'g2']) {
        const group = new Y.Map<unknown>();
        group.set('id', g);
        control.doc.getMap('groups').set(g, group);
      }
      control.doc.getMap('groupMembers').set(anna.participantId, 'g1');
      control.doc.getMap('groupMembers').set(bo.participantId, 'g2');
    });
    await sleep(200);
    const own = connect(relay.wsUrl, groupDocName(m.meetingId, 'g1'), anna.participantKey);
    const other = connect(relay.wsUrl, groupDocName(m.meetingId, 'g2'), anna.participantKey);
    await Promise.all([own.synced, other.synced]);
    own.doc.getMap('answers').set('mine', 'från gruppen');
    other.doc.getMap('answers').set('intruder', 'inbrott');
    const watchG1 = connect(relay.wsUrl, groupDocName(m.meetingId, 'g1'), m.facilitatorKey);
    const watchG2 = connect(relay.wsUrl, groupDocName(m.meetingId, 'g2'), m.facilitatorKey);
    await Promise.all([watchG1.synced, watchG2.synced]);
    await waitFor(() => watchG1.doc.getMap('answers').get('mine') === 'från gruppen', { message: 'own group write' });
    await sleep(300);
    expect(watchG2.doc.getMap('answers').has('intruder')).toBe(false);
  });
});

describe('the proposals voted on in round 2', () => {
  function proposal(group: Y.Doc, id: string, text: string) {
    group.transact(() => {
      const answer = new Y.Map<unknown>();
      answer.set('id', id);
      answer.set('question', 'solutions');
      answer.set('order', 'a0');
      answer.set('text', new Y.Text(text));
      group.getMap('answers').set(id, answer);
    });
  }

  it('a participant puts a proposal up for the vote only through their own group’s doc, and only while a member', async () => {
    const { m, people, control, meeting } = await setup(['Anna', 'Bo']);
    const [anna, bo] = people;
    control.doc.transact(() => {
      for (const [g, order] of [['g1', 'a0'], ['g2', 'a1']]) {
        const group = new Y.Map<unknown>();
        group.set('id', g);
        group.set('order', order);
        group.set('areaId', '');
        control.doc.getMap('groups').set(g, group);
      }
      control.doc.getMap('groupMembers').set(anna.participantId, 'g1');
      control.doc.getMap('groupMembers').set(bo.participantId, 'g2');
      control.doc.getMap('phase').set('current', 'solutionVoting');
    });
    await sleep(200);
    const solutions = meeting.doc.getMap('solutions');
    // straight into the meeting doc: the relay drops a participant's write there
    const annaMeeting = connect(relay.wsUrl, meetingDocName(m.meetingId), anna.participantKey);
    const own = connect(relay.wsUrl, groupDocName(m.meetingId, 'g1'), anna.participantKey);
    const other = connect(relay.wsUrl, groupDocName(m.meetingId, 'g2'), anna.participantKey);
    await Promise.all([annaMeeting.synced, own.synced, other.synced]);
    annaMeeting.doc.transact(() => {
      const fake = new Y.Map<unknown>();
      fake.set('text', 'injicerat');
      fake.set('groupId', 'g1');
      fake.set('order', '0000');
      annaMeeting.doc.getMap('solutions').set('injected', fake);
    });
    proposal(other.doc, 'intoOtherGroup', 'i fel grupp');
    proposal(own.doc, 'fromOwnGroup', 'Gemensam checklista');
    // voted on under the relay's id for it: the group's and the answer's together
    await waitFor(() => (solutions.get('g1:fromOwnGroup') as Y.Map<unknown> | undefined)?.get('text') === 'Gemensam checklista', { message: 'own group’s proposal' });
    expect((solutions.get('g1:fromOwnGroup') as Y.Map<unknown>).get('groupId')).toBe('g1');

    // moved out of the group, Anna's still-open socket can no longer add one
    control.doc.getMap('groupMembers').set(anna.participantId, 'g2');
    await sleep(200);
    proposal(own.doc, 'afterLeaving', 'efter att ha lämnat gruppen');
    await sleep(500);
    expect([...solutions.keys()].sort()).toEqual(['g1:fromOwnGroup']);

    // deleted in the group before the reveal: it drops out of the vote
    const watchG1 = connect(relay.wsUrl, groupDocName(m.meetingId, 'g1'), m.facilitatorKey);
    await watchG1.synced;
    watchG1.doc.getMap('answers').delete('fromOwnGroup');
    await waitFor(() => solutions.size === 0, { message: 'deleted proposal drops out' });
  });
});
