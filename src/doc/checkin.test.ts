import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { checkinAnswersView, ownRoundAnswerView, passCheckin, setCheckinAnswer, speakerRemainingMs } from './checkin';
import { appendLatecomers, arrivalOrder, markSpoken, nextSpeaker, readCheckin, setOrder, setQuestion, setSpeakerSeconds, shuffled } from './facilitator/checkin';
import { twoDocsWithRelay } from '@/test/twoDocs';

describe('check-in round', () => {
  it('the facilitator sets a question and a speaking order by arrival', () => {
    const doc = new Y.Doc();
    setQuestion(doc, 'Vad har du med dig in i dagens möte?');
    setOrder(doc, arrivalOrder([{ id: 'b', joinedAt: 2 }, { id: 'a', joinedAt: 1 }]));
    expect(readCheckin(doc)).toMatchObject({ question: 'Vad har du med dig in i dagens möte?', order: ['a', 'b'], current: null });
  });

  it('shuffling keeps everyone exactly once', () => {
    const ids = ['a', 'b', 'c', 'd', 'e'];
    const out = shuffled(ids, () => 0.3);
    expect(out.sort()).toEqual(ids);
  });

  it('next speaker walks the order, marks who has spoken and ends after the last', () => {
    const doc = new Y.Doc();
    setOrder(doc, ['a', 'b', 'c']);
    expect(nextSpeaker(doc, 100)).toBe('a');
    expect(readCheckin(doc).speakerStartedAt).toBe(100);
    expect(nextSpeaker(doc, 200)).toBe('b');
    expect(readCheckin(doc).spoken).toEqual(['a']);
    expect(nextSpeaker(doc, 300)).toBe('c');
    expect(nextSpeaker(doc, 400)).toBeNull();
    expect(readCheckin(doc)).toMatchObject({ spoken: ['a', 'b', 'c'], current: null, speakerStartedAt: null });
  });

  it('those who passed from their phone are skipped and counted as done', () => {
    const doc = new Y.Doc();
    setOrder(doc, ['a', 'b', 'c']);
    expect(nextSpeaker(doc, 0, new Set(['a', 'b']))).toBe('c');
    expect(readCheckin(doc).spoken).toEqual(['a', 'b']);
  });

  it('marking the current speaker as spoken clears the word; unmarking puts them back', () => {
    const doc = new Y.Doc();
    setOrder(doc, ['a', 'b']);
    nextSpeaker(doc, 0);
    markSpoken(doc, 'a');
    expect(readCheckin(doc)).toMatchObject({ current: null, spoken: ['a'] });
    markSpoken(doc, 'a', false);
    expect(readCheckin(doc).spoken).toEqual([]);
  });

  it('latecomers join the end of the order', () => {
    const doc = new Y.Doc();
    setOrder(doc, ['a', 'b']);
    appendLatecomers(doc, ['b', 'c']);
    expect(readCheckin(doc).order).toEqual(['a', 'b', 'c']);
  });

  it('the per-speaker timer counts from when the speaker started', () => {
    const doc = new Y.Doc();
    setSpeakerSeconds(doc, 60);
    setOrder(doc, ['a']);
    expect(speakerRemainingMs(readCheckin(doc), 0)).toBeNull();
    nextSpeaker(doc, 1000);
    expect(speakerRemainingMs(readCheckin(doc), 31_000)).toBe(30_000);
    expect(speakerRemainingMs(readCheckin(doc), 99_000)).toBe(0);
  });

  it('a participant answers, then passes, in their own private doc; the pass keeps the text they wrote', () => {
    const privateDoc = new Y.Doc();
    setCheckinAnswer(privateDoc, '  Pigg och nyfiken ', 10);
    expect(ownRoundAnswerView(privateDoc, 'checkin').get()).toEqual({ text: 'Pigg och nyfiken', passed: false, updatedAt: 10 });
    passCheckin(privateDoc, true, 20);
    expect(ownRoundAnswerView(privateDoc, 'checkin').get()).toEqual({ text: 'Pigg och nyfiken', passed: true, updatedAt: 20 });
    // nothing goes to the meeting's answers from the phone: the relay writes those
    expect(privateDoc.share.has('notes')).toBe(false);
    expect(checkinAnswersView(privateDoc).get().size).toBe(0);
  });

  it('the facilitator advancing while the board window shuffles converges', () => {
    const { a, b, pause, resume } = twoDocsWithRelay();
    setOrder(a, ['a', 'b', 'c']);
    pause();
    nextSpeaker(a, 0);
    setQuestion(b, 'Hur mår du idag, på en skala?');
    resume();
    expect(readCheckin(a)).toEqual(readCheckin(b));
    expect(readCheckin(a)).toMatchObject({ current: 'a', question: 'Hur mår du idag, på en skala?' });
  });
});
