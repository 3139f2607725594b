// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest';
import { forgetParticipant, listFacilitatorMeetings, loadFacilitator, loadParticipant, saveFacilitator, saveParticipant } from './identity';

beforeEach(() => localStorage.clear());

describe('identities kept on this device', () => {
  it('a participant identity survives a reload and can be forgotten', () => {
    saveParticipant('m1', { participantId: 'p', participantKey: 'k' });
    expect(loadParticipant('m1')).toEqual({ participantId: 'p', participantKey: 'k' });
    expect(loadParticipant('m2')).toBeNull();
    forgetParticipant('m1');
    expect(loadParticipant('m1')).toBeNull();
  });

  it('reopening the console with only the key keeps the saved join code and title', () => {
    saveFacilitator({ meetingId: 'm1', key: 'k', joinCode: 'K7P2QX', title: 'Forum' });
    saveFacilitator({ meetingId: 'm1', key: 'k' });
    expect(loadFacilitator('m1')).toMatchObject({ key: 'k', joinCode: 'K7P2QX', title: 'Forum' });
  });

  it('a different key for the same meeting replaces what was saved', () => {
    saveFacilitator({ meetingId: 'm1', key: 'old', joinCode: 'K7P2QX' });
    saveFacilitator({ meetingId: 'm1', key: 'new' });
    expect(loadFacilitator('m1')).toMatchObject({ key: 'new', joinCode: null });
  });

  it('lists this device’s meetings, newest first, ignoring other storage', () => {
    localStorage.setItem('svv:facilitator:a', JSON.stringify({ meetingId: 'a', key: 'k', savedAt: 1 }));
    localStorage.setItem('svv:facilitator:b', JSON.stringify({ meetingId: 'b', key: 'k', savedAt: 2 }));
    localStorage.setItem('svv:facilitator:broken', '{');
    localStorage.setItem('svv:lang', 'sv');
    expect(listFacilitatorMeetings().map((m) => m.meetingId)).toEqual(['b', 'a']);
  });
});
