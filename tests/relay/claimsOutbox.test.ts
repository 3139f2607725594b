// An id a phone sends is a claim, never proof (issue 17): check-in and check-out answers, agenda
// proposals and volunteering for a next step. The attacker holds only their own participant key
// and writes raw frames into their own private doc: whatever ids and names they put there, no
// one else's record changes on any client, nor after a restart.
import { describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { CloseCode, meetingDocName, privateDocName } from '../../common/docNames';
import { addParticipant, createMeeting, openRaw } from './helpers';
import { claimsRoomForEachTest, expectNoTrace, putItem, quiet, setFields, waitFor, type ClaimsRoom } from './claimsKit';

const kit = claimsRoomForEachTest();

const entry = (doc: Y.Doc, root: string, id: string) => (doc.getMap(root).get(id) as Y.Map<unknown> | undefined)?.toJSON();

/** What a participant of this meeting tries with ids of someone else's or of another meeting, beyond their own doc. */
async function outsideOwnDoc(room: ClaimsRoom) {
  const other = await createMeeting(room.relay.url);
  const stranger = await addParticipant(room.relay.url, other.meetingId, 'Eve', 'Annat');
  for (const [name, key] of [
    // the victim's outbox, with the attacker's key
    [privateDocName(room.m.meetingId, room.victim.participantId), room.attacker.participantKey],
    // the attacker's own id in another meeting, and another meeting's participant here
    [privateDocName(other.meetingId, room.attacker.participantId), room.attacker.participantKey],
    [privateDocName(room.m.meetingId, stranger.participantId), stranger.participantKey],
    [privateDocName(room.m.meetingId, stranger.participantId), room.attacker.participantKey],
  ] as const) {
    const raw = openRaw(room.relay.wsUrl, name, key);
    expect([CloseCode.forbidden, CloseCode.badKey, CloseCode.unknownMeeting]).toContain((await raw.closed).code);
  }
  return { other, stranger };
}

describe('round answers', () => {
  for (const [root, action] of [
    ['checkin', 'checkinAnswer'],
    ['checkout', 'checkoutAnswers'],
  ] as const) {
    it(`an answer goes on the board under the writer’s own id only, whatever id it names (${action})`, async () => {
      const room = kit.room;
      room.phone.private.doc.transact(() => {
        const answer = room.phone.private.doc.getMap(root);
        answer.set('text', 'Nyfiken på dagen');
        answer.set('passed', false);
        answer.set('updatedAt', 1);
      });
      await waitFor(() => entry(room.board.meeting.doc, root, room.victim.participantId)?.text === 'Nyfiken på dagen', { message: 'Anna’s answer' });
      await expectNoTrace(kit, async (evil) => {
        evil.write((d) => {
          const answer = d.getMap(root);
          // naming Anna in every way a hand-made client might
          answer.set('participantId', room.victim.participantId);
          answer.set('id', room.victim.participantId);
          answer.set('authorId', room.victim.participantId);
          answer.set('text', 'Anna är trött');
          answer.set('passed', true);
          answer.set('updatedAt', 9e15);
        });
        evil.write((d) => putItem(d, root, room.victim.participantId, { text: 'Anna är trött', passed: true, updatedAt: 9e15 }));
        await outsideOwnDoc(room);
      });
      // the attacker's own answer is theirs, and only under their id
      expect(entry(room.facilitator.meeting.doc, root, room.attacker.participantId)?.text).toBe('Anna är trött');
      expect(entry(room.board.meeting.doc, root, room.victim.participantId)).toMatchObject({ text: 'Nyfiken på dagen', passed: false });
    });
  }
});

describe('agenda proposals', () => {
  it('a proposal id already on the list, or given out to someone else, is never overwritten, re-owned or re-opened (proposeAgenda)', async () => {
    const room = kit.room;
    putItem(room.phone.private.doc, 'proposals', 'prop-anna', { id: 'prop-anna', text: 'Läkemedelsgenomgångar', createdAt: 1 });
    putItem(room.phone.private.doc, 'proposals', 'prop-anna-2', { id: 'prop-anna-2', text: 'Hemtjänstens larm', createdAt: 2 });
    await waitFor(() => room.facilitator.meeting.doc.getMap('agendaProposals').size === 2, { message: 'Anna’s proposals' });
    // the facilitator declines one: the status is theirs
    setFields(room.facilitator.meeting.doc, 'agendaProposals', 'prop-anna-2', { status: 'declined' });
    await expectNoTrace(kit, async (evil) => {
      evil.write((d) => putItem(d, 'proposals', 'prop-anna', { id: 'prop-anna', text: 'Kapad punkt', createdAt: 0, participantId: room.attacker.participantId }));
      evil.write((d) => putItem(d, 'proposals', 'prop-anna-2', { id: 'prop-anna-2', text: 'Hemtjänstens larm', createdAt: 0, status: 'proposed' }));
      // the inner id names Anna's proposal; the key is junk the relay does not accept as an id
      evil.write((d) => putItem(d, 'proposals', 'not an id!', { id: 'prop-anna', text: 'Via fältet', createdAt: 0 }));
      await quiet(room);
      evil.write((d) => setFields(d, 'proposals', 'prop-anna', { text: 'Kapad igen', createdAt: 5 }));
    });
    expect(entry(room.board.meeting.doc, 'agendaProposals', 'prop-anna')).toMatchObject({ text: 'Läkemedelsgenomgångar', participantId: room.victim.participantId, status: 'proposed' });
    expect(entry(room.board.meeting.doc, 'agendaProposals', 'prop-anna-2')).toMatchObject({ status: 'declined', participantId: room.victim.participantId });
  });
});

describe('volunteering for a next step', () => {
  it('a step someone owns, a dropped one, or one of another meeting cannot be taken; a free one goes to the writer, not to whom the request names (volunteerSteps)', async () => {
    const room = kit.room;
    const step = (id: string, fields: Record<string, unknown>) =>
      putItem(room.facilitator.meeting.doc, 'nextSteps', id, { id, what: id, ownerKind: '', ownerId: '', ownerText: '', due: '', mandate: 'decide', proposeTo: '', status: 'notStarted', solutionId: '', areaId: '', order: 'a0', createdAt: 1, ...fields });
    step('step-anna', { ownerKind: 'participant', ownerId: room.victim.participantId });
    step('step-kommunen', { ownerKind: 'text', ownerText: 'Kommunen' });
    step('step-forum', { ownerKind: 'forum' });
    step('step-dropped', { status: 'dropped' });
    step('step-free', {});
    const other = await createMeeting(room.relay.url);
    const otherMeeting = kit.connect(room.relay.wsUrl, meetingDocName(other.meetingId), other.facilitatorKey);
    await otherMeeting.synced;
    putItem(otherMeeting.doc, 'nextSteps', 'step-elsewhere', { id: 'step-elsewhere', what: 'I ett annat möte', ownerKind: '', status: 'notStarted' });
    await waitFor(() => room.phone.meeting.doc.getMap('nextSteps').size === 5);
    await expectNoTrace(kit, async (evil) => {
      evil.write((d) => {
        const v = d.getMap('volunteer');
        for (const id of ['step-anna', 'step-kommunen', 'step-forum', 'step-dropped', 'step-elsewhere', 'constructor', room.victim.participantId]) v.set(id, true);
      });
      await quiet(room);
      // asking again with Anna named as the owner
      evil.write((d) => d.getMap('volunteer').set('step-anna', room.attacker.participantId));
    });
    expect(entry(room.board.meeting.doc, 'nextSteps', 'step-anna')).toMatchObject({ ownerKind: 'participant', ownerId: room.victim.participantId });
    // a free step: the relay makes the writer its owner, whoever the request names
    kit.room.evil.write((d) => d.getMap('volunteer').set('step-free', kit.room.victim.participantId));
    await waitFor(() => entry(kit.room.board.meeting.doc, 'nextSteps', 'step-free')?.ownerKind === 'participant', { message: 'volunteered' });
    expect(entry(kit.room.board.meeting.doc, 'nextSteps', 'step-free')?.ownerId).toBe(kit.room.attacker.participantId);
  });
});
