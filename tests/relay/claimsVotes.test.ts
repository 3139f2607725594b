// An id a phone sends is a claim, never proof (issue 17): dots, the rating and the groups'
// proposals for round 2. The attacker holds only their own participant key; they write raw frames
// into their own private doc (and their own group's doc), naming items, people and proposals that
// are not theirs or not of this meeting. Nobody else's record changes, on any client, nor after a restart.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { groupDocName, meetingDocName } from '../../common/docNames';
import { createMeeting } from './helpers';
import { claimsRoomForEachTest, expectNoTrace, putItem, quiet, setFields, waitFor, type ClaimsRoom } from './claimsKit';

const kit = claimsRoomForEachTest();

const C1 = 'clusterAAAAAAAAAAAAAAAAA';
const C2 = 'clusterBBBBBBBBBBBBBBBBB';
const PARKED = 'clusterPPPPPPPPPPPPPPPPP';

function dotsInto(doc: Y.Doc, prefix: string, list: [itemId: string, round?: string][], extra: Record<string, unknown> = {}) {
  doc.transact(() => {
    list.forEach(([itemId, round = 'areas'], i) => {
      const dot = new Y.Map<unknown>();
      for (const [k, v] of Object.entries({ round, itemId, at: i + 1, ...extra })) dot.set(k, v);
      doc.getMap('votes').set(`${prefix}${String(i).padStart(3, '0')}`, dot);
    });
  });
}

/** Three clusters (one parked), the areas round open with two dots each; Anna has voted one dot and is done. */
async function openVote(room: ClaimsRoom) {
  for (const [id, parked] of [[C1, false], [C2, false], [PARKED, true]] as const) {
    putItem(room.facilitator.meeting.doc, 'clusters', id, { id, name: id.slice(7, 8), order: 'a0', parked, handOverTo: '', createdAt: 1 });
  }
  setFields(room.facilitator.control.doc, 'voting', 'areas', { dots: 2, open: true, revealed: false, includeLoose: true });
  const other = await createMeeting(room.relay.url);
  const elsewhere = kit.connect(room.relay.wsUrl, meetingDocName(other.meetingId), other.facilitatorKey);
  await elsewhere.synced;
  putItem(elsewhere.doc, 'clusters', 'clusterELSEWHEREEEEEEEE', { id: 'clusterELSEWHEREEEEEEEE', name: 'Annat möte', order: 'a0', parked: false });
  await waitFor(() => room.phone.meeting.doc.getMap('clusters').size === 3);
  dotsInto(room.phone.private.doc, 'anna', [[C1]]);
  room.phone.private.doc.getMap('voteDone').set('areas', true);
  const progressKey = `areas:${room.victim.participantId}`;
  await waitFor(() => room.board.control.doc.getMap('voteProgress').get(progressKey) === true, { message: 'Anna has voted' });
  return { progressKey };
}

/** Dots on nothing this meeting votes on, and on Anna's name. */
const foreignDots = (room: ClaimsRoom): [string, string?][] => [
  ['clusterELSEWHEREEEEEEEE'],
  ['nothingWithThisIdAnywhere'],
  [PARKED],
  [room.victim.participantId],
  [`areas:${room.victim.participantId}`],
  [C1, 'solutions'],
  [C1, 'someOtherRound'],
];

describe('dots', () => {
  it('dots on items of another meeting, on nothing, on parked items, or naming someone else mark no one as having voted (voteProgress)', async () => {
    const room = kit.room;
    const { progressKey } = await openVote(room);
    await expectNoTrace(kit, async (evil) => {
      evil.write((d) => dotsInto(d, 'evil', foreignDots(room), { participantId: room.victim.participantId }));
      // "done" for Anna, in every shape
      evil.write((d) => {
        d.getMap('voteDone').set(room.victim.participantId, true);
        d.getMap('voteDone').set(progressKey, true);
      });
      await quiet(room);
      // and Anna's done taken back, as if the attacker could speak for her
      evil.write((d) => d.getMap('voteDone').set(progressKey, false));
    });
    expect(room.board.control.doc.getMap('voteProgress').toJSON()).toEqual({ [progressKey]: true });
  });

  it('the totals count only dots on this meeting’s items, one person’s own; after the reveal no dot changes them (tallyVotes)', async () => {
    const room = kit.room;
    await openVote(room);
    await expectNoTrace(kit, (evil) => evil.write((d) => dotsInto(d, 'evil', foreignDots(room))));
    setFields(kit.room.facilitator.control.doc, 'voting', 'areas', { open: false, revealed: true });
    const results = () => kit.room.board.control.doc.getMap('voteResults').get('areas');
    await waitFor(() => results() !== undefined, { message: 'totals' });
    expect(results()).toEqual({ totals: { [C1]: 1 }, voters: 1, unused: 1 });
    // after the reveal: valid dots now, on the attacker's own ballot, would show in the totals; frozen
    await expectNoTrace(kit, (evil) => {
      evil.write((d) => dotsInto(d, 'late', [[C2], [C2]]));
      evil.write((d) => d.getMap('voteDone').set('areas', true));
    });
    expect(kit.room.phone.control.doc.getMap('voteResults').get('areas')).toEqual({ totals: { [C1]: 1 }, voters: 1, unused: 1 });
  });
});

describe('the rating', () => {
  it('a rating counts once, for its writer, whatever it names or claims to add up to (publishRating)', async () => {
    const room = kit.room;
    room.phone.private.doc.getMap('rating').set('value', 4);
    await waitFor(() => room.board.control.doc.getMap('ratingResult').get('count') === 1, { message: 'Anna rated' });
    room.facilitator.control.doc.getMap('rating').set('revealed', true);
    await expectNoTrace(kit, async (evil) => {
      evil.write((d) => {
        const r = d.getMap('rating');
        r.set('value', 9);
        r.set('participantId', room.victim.participantId);
        r.set('count', 40);
        r.set('distribution', [0, 0, 0, 0, 40]);
        r.set('values', [1, 1, 1, 1]);
        const forAnna = new Y.Map<unknown>();
        forAnna.set('value', 1);
        r.set(room.victim.participantId, forAnna);
      });
      await quiet(room);
      evil.write((d) => d.getMap('rating').set('value', '5'));
      await quiet(room);
      evil.write((d) => d.getMap('rating').set('value', 2.5));
    });
    const result = kit.room.board.control.doc.getMap('ratingResult');
    expect(result.get('count')).toBe(1);
    expect(result.get('distribution') ?? null).toBeNull();
  });
});

describe('the groups’ proposals in round 2', () => {
  it('a member’s answer ids copied from another group or from the board select nothing of theirs, before or after the reveal (collectSolutions)', async () => {
    const room = kit.room;
    room.facilitator.control.doc.transact(() => {
      for (const [g, order] of [['g1', 'a0'], ['g2', 'a1']]) {
        const group = new Y.Map<unknown>();
        for (const [k, v] of Object.entries({ id: g, name: '', order, areaId: C1 })) group.set(k, v);
        room.facilitator.control.doc.getMap('groups').set(g, group);
      }
      room.facilitator.control.doc.getMap('groupMembers').set(room.victim.participantId, 'g1');
      room.facilitator.control.doc.getMap('groupMembers').set(room.attacker.participantId, 'g2');
    });
    putItem(room.facilitator.meeting.doc, 'clusters', C1, { id: C1, name: 'Vårdövergångar', order: 'a0', parked: false });
    const annasGroup = kit.connect(room.relay.wsUrl, groupDocName(room.m.meetingId, 'g1'), room.victim.participantKey);
    await annasGroup.synced;
    await quiet(room);
    const answer = (doc: Y.Doc, id: string, text: string, order = 'a0') =>
      putItem(doc, 'answers', id, { id, question: 'solutions', order, createdAt: 1, text: new Y.Text(text) });
    answer(annasGroup.doc, 'a1', 'Gemensam checklista');
    room.facilitator.control.doc.getMap('phase').set('current', 'solutionVoting');
    const solutions = () => room.board.meeting.doc.getMap('solutions');
    await waitFor(() => solutions().size === 1, { message: 'g1’s proposal up for the vote' });
    const [annasId] = [...solutions().keys()];
    // what g2 brings is g2's own proposal: left out of the comparison, checked below
    const g2s = (root: string, _key: string, value: unknown) => root === 'solutions' && (value as { groupId?: string }).groupId === 'g2';
    const copy = (doc: Y.Doc, ids: string[], text: string) => doc.transact(() => ids.forEach((id, i) => answer(doc, id, text, `b${i}`)));
    await expectNoTrace(
      kit,
      async () => {
        const evilGroup = kit.raw(room.relay.wsUrl, groupDocName(room.m.meetingId, 'g2'), room.attacker.participantKey);
        await evilGroup.synced;
        evilGroup.write((d) => copy(d, ['a1', annasId, C1], 'Kapat förslag'));
        // what g2 brings reaches the vote as g2's: the attack has landed
        await waitFor(() => [...solutions().values()].filter((x) => (x as Y.Map<unknown>).get('groupId') === 'g2').length === 3, { message: 'g2’s answers collected' });
      },
      g2s,
    );
    const byGroup = (g: string) => [...solutions().values()].map((s) => (s as Y.Map<unknown>).toJSON()).filter((s) => s.groupId === g);
    expect(byGroup('g1')).toEqual([{ id: annasId, text: 'Gemensam checklista', groupId: 'g1', areaId: C1, order: '0000' }]);
    expect(byGroup('g2').map((s) => s.id).every((id) => id.startsWith('g2:'))).toBe(true);
    expect(solutions().has(C1)).toBe(false);

    // after the reveal the wording follows each group's own answers only
    setFields(kit.room.facilitator.control.doc, 'voting', 'solutions', { open: false, revealed: true });
    await quiet(kit.room);
    await expectNoTrace(
      kit,
      async () => {
        const evilGroup = kit.raw(kit.room.relay.wsUrl, groupDocName(kit.room.m.meetingId, 'g2'), kit.room.attacker.participantKey);
        await evilGroup.synced;
        evilGroup.write((d) => copy(d, ['a1', annasId, C1, 'new-after-reveal'], 'Ändrat efter visningen'));
        // seen on another socket: the relay has applied and stored it
        const echo = kit.connect(kit.room.relay.wsUrl, groupDocName(kit.room.m.meetingId, 'g2'), kit.room.attacker.participantKey);
        await waitFor(() => echo.doc.getMap('answers').has('new-after-reveal'), { message: 'g2’s edit at the relay' });
      },
      g2s,
    );
    expect((kit.room.phone.meeting.doc.getMap('solutions').get(annasId) as Y.Map<unknown>).get('text')).toBe('Gemensam checklista');
  });
});
