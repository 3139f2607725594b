import { describe, expect, it } from 'vitest';
import { planNextMeeting, withStatus } from './followup';
import type { FollowUpStep } from './schema';

const step: FollowUpStep = {
  id: 's1', what: 'Kartlägg', who: 'Åsa', when: 'mars', origin: '', order: 'a0', fromMeetingId: 'm1',
  status: 'carried', why: '', history: [{ status: 'carried', why: '', at: 1 }],
};

describe('follow-up', () => {
  it('keeps every earlier status when a step gets a new one; only a dropped step keeps a why', () => {
    const doing = withStatus(step, 'ongoing', 'ignored', 2);
    const dropped = withStatus(doing, 'dropped', ' Ingen budget ', 3);
    expect(doing.why).toBe('');
    expect(dropped).toMatchObject({ status: 'dropped', why: 'Ingen budget' });
    expect(dropped.history.map((h) => h.status)).toEqual(['carried', 'ongoing', 'dropped']);
  });

  it('carries steps a follow-up left unfinished into the meeting after, with their history', () => {
    const unfinished = withStatus(step, 'notStarted', '', 2);
    const done = withStatus({ ...step, id: 's2' }, 'done', '', 2);
    const next = planNextMeeting(
      { meetingId: 'm2', meeting: {}, control: { meeting: { title: 'T', seriesId: 'm1' }, followup: { s1: unfinished as never, s2: done as never } } },
      5,
    );
    const carried = next.control.followup as unknown as Record<string, FollowUpStep>;
    expect(Object.keys(carried)).toEqual(['s1']);
    expect(carried.s1.history.map((h) => h.status)).toEqual(['carried', 'notStarted', 'carried']);
    expect(next.control.meeting).toMatchObject({ seriesId: 'm1', previousMeetingId: 'm2' });
  });
});
