import { describe, expect, it } from 'vitest';
import { buildSummary, rankCounts, type SummarySource } from './summary';

const source = (meeting: SummarySource['meeting'], control: SummarySource['control'] = {}): SummarySource => ({
  meeting,
  control,
  date: '2026-11-28',
  language: 'sv',
});

describe('buildSummary', () => {
  const control = {
    meeting: { title: 'Samverkan', forumName: 'Forum Nord', purpose: 'Vårdövergångar' },
    participants: {
      p1: { id: 'p1', name: 'Åsa', organisation: 'Region', joinedAt: 1 },
      p2: { id: 'p2', name: 'Bo', organisation: 'Kommunen', joinedAt: 2 },
    },
    expectedOrgs: {
      o1: { id: 'o1', name: 'region', order: 'a0' },
      o2: { id: 'o2', name: 'Primärvården', order: 'a1' },
    },
    agenda: { a2: { id: 'a2', text: 'Två', order: 'a1' }, a1: { id: 'a1', text: 'Ett', order: 'a0' } },
    summary: { conclusion: 'Vi gör X', hidden: ['agenda', 'bogus'] },
  };
  const meeting = {
    clusters: {
      c1: { id: 'c1', name: 'Överlämning', order: 'a0', parked: false, handOverTo: '' },
      c2: { id: 'c2', name: 'Lokaler', order: 'a1', parked: true, handOverTo: 'Fastighetsnämnden' },
    },
    notes: {
      n1: { id: 'n1', text: 'anonym lapp', clusterId: 'c1', parked: false, order: 'a0' },
      n2: { id: 'n2', text: 'med namn', clusterId: 'c1', parked: false, order: 'a1', authorId: 'p1', authorName: 'Åsa' },
      n3: { id: 'n3', text: 'parkerad', clusterId: null, parked: true, handOverTo: 'Regionen', order: 'a2' },
      n4: { id: 'n4', text: 'lös', clusterId: null, parked: false, order: 'a3' },
    },
    checkin: { p1: { text: 'Pigg', passed: false, updatedAt: 5 }, p2: { text: '', passed: true, updatedAt: 3 } },
  };
  const s = buildSummary(source(meeting, control));

  it('carries names only on notes revealed with authors', () => {
    expect(s.clusters[0].notes).toEqual([{ text: 'anonym lapp' }, { text: 'med namn', author: 'Åsa' }]);
    expect(JSON.stringify(s.clusters)).not.toContain('p1');
  });

  it('puts parked notes and clusters in the parking lot with their recipients, and keeps loose notes', () => {
    expect(s.clusters.map((c) => c.name)).toEqual(['Överlämning']);
    expect(s.parking).toEqual([
      { text: 'Lokaler', handOverTo: 'Fastighetsnämnden' },
      { text: 'parkerad', handOverTo: 'Regionen' },
    ]);
    expect(s.looseNotes).toEqual([{ text: 'lös' }]);
  });

  it('lists who took part and which expected organisations were missing (case-insensitive)', () => {
    expect(s.participants).toEqual([
      { name: 'Bo', organisation: 'Kommunen' },
      { name: 'Åsa', organisation: 'Region' },
    ]);
    expect(s.missingOrgs).toEqual(['Primärvården']);
  });

  it('keeps the agenda order, check-in answers in answer order, the conclusion and known hidden sections', () => {
    expect(s.agenda).toEqual(['Ett', 'Två']);
    expect(s.checkin.answers.map((a) => [a.name, a.passed])).toEqual([
      ['Bo', true],
      ['Åsa', false],
    ]);
    expect(s.conclusion).toBe('Vi gör X');
    expect(s.hidden).toEqual(['agenda']);
  });

  it('shows no rating unless it was shown in the meeting', () => {
    expect(s.rating).toBeNull();
    const shown = buildSummary(source({}, { ratingResult: { count: 10, distribution: [0, 1, 2, 3, 4] } }));
    expect(shown.rating).toEqual({ counts: [0, 1, 2, 3, 4], total: 10 });
    expect(buildSummary(source({}, { ratingResult: { count: 5, distribution: null } })).rating).toBeNull();
  });

  it('reads part 2: ranked area votes with ties, chosen areas, solutions, next steps with owner, mandate and origin', () => {
    const s2 = buildSummary(
      source(
        {
          ...meeting,
          solutions: { x1: { id: 'x1', text: 'Gemensam checklista', areaId: 'c1', order: 'a0' } },
          nextSteps: {
            s1: { id: 's1', what: 'Ta fram checklista', ownerKind: 'participant', ownerId: 'p1', ownerText: '', due: '2027-01-15', mandate: 'propose', proposeTo: 'Styrgruppen', status: 'ongoing', solutionId: 'x1', areaId: 'c1', order: 'a0' },
          },
        },
        { ...control, voteResults: { areas: { totals: { c1: 3, n4: 3, n1: 1 } }, solutions: { totals: { x1: 4 } } }, voting: { areas: { chosen: ['c1'] } } },
      ),
    );
    expect(s2.areaVotes.map((v) => [v.label, v.count, v.rank, v.tied])).toEqual([
      ['lös', 3, 1, true],
      ['Överlämning', 3, 1, true],
      ['anonym lapp', 1, 3, false],
    ]);
    expect(s2.chosenAreas).toEqual(['Överlämning']);
    expect(s2.solutionVotes).toEqual([{ label: 'Gemensam checklista', count: 4, rank: 1, tied: false }]);
    expect(s2.nextSteps).toEqual([
      { id: 's1', what: 'Ta fram checklista', who: 'Åsa', when: '2027-01-15', mandate: 'propose', proposeTo: 'Styrgruppen', status: 'ongoing', origin: 'Gemensam checklista' },
    ]);
  });

  it('survives documents with missing or malformed fields', () => {
    const odd = buildSummary(source({ notes: { x: 'not an object' as never }, clusters: { c: { name: 5 } as never } }, { meeting: undefined }));
    expect(odd.info.title).toBe('');
    expect(odd.clusters).toEqual([{ name: '', notes: [] }]);
  });
});

describe('rankCounts', () => {
  it('ranks by count with shared ranks for ties', () => {
    expect(rankCounts([{ label: 'b', count: 2 }, { label: 'a', count: 5 }, { label: 'c', count: 2 }, { label: 'd', count: 1 }])).toEqual([
      { label: 'a', count: 5, rank: 1, tied: false },
      { label: 'b', count: 2, rank: 2, tied: true },
      { label: 'c', count: 2, rank: 2, tied: true },
      { label: 'd', count: 1, rank: 4, tied: false },
    ]);
  });
});
