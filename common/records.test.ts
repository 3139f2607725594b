import { describe, expect, it } from 'vitest';
import {
  Defaults,
  parseAgendaProposal,
  parseBoardDisplay,
  parseCheckinState,
  parseCluster,
  parseGatheringSettings,
  parseMeetingInfo,
  parseNote,
  parseParticipant,
  parsePhaseState,
  parsePrivateNote,
  parseRoundAnswer,
  parseTimerState,
} from './records';
import { DEFAULT_TEMPLATE, Limits } from './schema';

const garbage: unknown[] = [undefined, null, 0, 'x', [], [1, 2], { __proto__: null }, { a: { b: 1 } }, true];

describe('settings records', () => {
  it('an empty or garbage map reads as the shared defaults', () => {
    for (const raw of garbage) {
      expect(parseGatheringSettings(raw)).toEqual(Defaults.gathering);
      expect(parseCheckinState(raw)).toEqual(Defaults.checkin);
      expect(parseTimerState(raw)).toEqual(Defaults.timer);
      expect(parsePhaseState(raw)).toEqual({ current: 'setup', phases: [...DEFAULT_TEMPLATE] });
      expect(parseBoardDisplay(raw)).toEqual(Defaults.board);
      expect(parseMeetingInfo(raw)).toEqual(Defaults.meetingInfo);
    }
  });

  it('the default group count is one value for relay and client', () => {
    expect(Defaults.gathering.groupCount).toBe(3);
  });

  it('wrong types fall back field by field; numbers are clamped', () => {
    expect(parseGatheringSettings({ mode: 'chaos', groupCount: 1e9, showAuthors: 'yes', revealed: true })).toEqual({
      mode: 'individual',
      groupCount: Limits.groupCountMax,
      showAuthors: false,
      revealed: true,
    });
    expect(parseGatheringSettings({ groupCount: -3 }).groupCount).toBe(1);
    expect(parseGatheringSettings({ groupCount: NaN }).groupCount).toBe(3);
    expect(parseCheckinState({ order: ['a', 3, null, 'b'], current: 7, speakerSeconds: 1e9, question: '\u202EHej  ' })).toMatchObject({
      order: ['a', 'b'],
      current: null,
      speakerSeconds: 3600,
      question: 'Hej',
    });
    expect(parseTimerState({ status: 'running', durationMs: 60_000 })).toEqual({ status: 'idle', durationMs: 60_000 });
    expect(parseTimerState({ status: 'running', durationMs: 60_000, endsAt: 5 })).toEqual({ status: 'running', durationMs: 60_000, endsAt: 5 });
    expect(parsePhaseState({ current: 'nope', phases: ['gathering', 'bogus', 'gathering', 'summary'] })).toEqual({
      current: 'gathering',
      phases: ['gathering', 'summary'],
    });
    expect(parseBoardDisplay({ prompt: 'example', showRules: 1 })).toEqual({ prompt: 'example', showRules: false, joinHidden: false });
    expect(parseBoardDisplay({ joinHidden: true }).joinHidden).toBe(true);
    expect(parseBoardDisplay({ joinHidden: 'yes' }).joinHidden).toBe(false);
  });

  it('keeps a valid join code and drops anything else there', () => {
    expect(parseMeetingInfo({ title: 'Möte', joinCode: 'ABC234' }).joinCode).toBe('ABC234');
    expect(parseMeetingInfo({ joinCode: '<script>' }).joinCode).toBeUndefined();
  });
});

describe('items', () => {
  it('an item that is not a map is dropped; its key is its id whatever its fields say', () => {
    for (const raw of [undefined, null, 'x', 3, [1]]) expect(parseNote(raw, 'n1')).toBeNull();
    expect(parseNote({ id: 'someone-else', text: 'Hej' }, 'n1')?.id).toBe('n1');
  });

  it('a note written by a hostile client reads as a clean note', () => {
    const note = parseNote(
      { text: '\u202Eevil' + 'x'.repeat(10_000), color: 'black', group: 99, clusterId: 5, order: {}, parked: 'yes', authorId: '' },
      'n1',
    )!;
    expect(note.text.startsWith('evil')).toBe(true);
    expect([...note.text].length).toBe(Limits.noteMax);
    expect(note).toMatchObject({ color: 'yellow', group: Limits.groupCountMax, clusterId: null, order: 'a0', parked: false, stackedOn: null });
    expect('authorId' in note).toBe(false);
  });

  it('clean records read back unchanged, so parsing costs honest data nothing', () => {
    const note = {
      id: 'n1',
      text: 'Utskrivning från sjukhus 🏥\nfungerar dåligt',
      color: 'pink',
      tag: 'Region Västerbotten',
      group: 2,
      clusterId: 'c1',
      stackedOn: null,
      parked: false,
      handOverTo: '',
      order: 'a1',
      createdAt: 1700000000000,
    };
    expect(parseNote(note, 'n1')).toEqual(note);
    const cluster = { id: 'c1', name: 'Överföring', order: 'a0', parked: true, handOverTo: 'Styrgruppen', createdAt: 1 };
    expect(parseCluster(cluster, 'c1')).toEqual(cluster);
    const participant = { id: 'p1', name: 'Åsa Öberg', organisation: 'Kommunen', joinedAt: 3 };
    expect(parseParticipant(participant, 'p1')).toEqual(participant);
    const answer = { text: 'Pigg', passed: false, updatedAt: 4 };
    expect(parseRoundAnswer(answer)).toEqual(answer);
    const draft = { id: 'd1', text: 'Hej', color: 'blue', tag: '', group: 0, createdAt: 5, updatedAt: 6, state: 'draft' };
    expect(parsePrivateNote(draft, 'd1')).toEqual(draft);
  });

  it('a participant name of only zero-width characters reads as empty, a bidi override is removed', () => {
    expect(parseParticipant({ name: '\u200B\u200B', organisation: 'Ä\u202Ebo' }, 'p1')).toMatchObject({ name: '', organisation: 'Äbo' });
  });

  it('proposal status and owner are checked', () => {
    expect(parseAgendaProposal({ text: 'Punkt', status: 'accepted!', participantId: ['x'] }, 'a1')).toMatchObject({
      status: 'proposed',
      participantId: '',
    });
  });
});
