// The meeting summary ("minnesanteckningar") as plain data: one pure function over plain
// snapshots of the meeting and control documents. The summary view and every exporter read
// this, so what is hidden or anonymous is decided once, here.
import { ControlRoots, MeetingRoots } from './schema';

/** Control-doc roots this feature owns (kept here, not in schema.ts, to stay out of others' edits). */
export const SummaryRoots = {
  /** facilitator's summary settings: { conclusion: string, hidden: SectionId[] } */
  summary: 'summary',
  /** written by the relay only: { closed: boolean, changedAt } */
  lifecycle: 'lifecycle',
} as const;

export const SECTION_IDS = [
  'info',
  'participants',
  'agenda',
  'checkin',
  'followup',
  'notes',
  'votes',
  'groups',
  'solutions',
  'nextSteps',
  'parking',
  'checkout',
  'conclusion',
] as const;
export type SectionId = (typeof SECTION_IDS)[number];

export const CONCLUSION_MAX = 5000;

/** One ranked line of a vote result. Equal counts share a rank and are marked tied. */
export interface RankedItem {
  label: string;
  count: number;
  rank: number;
  tied: boolean;
}

export type NextStepStatus = 'open' | 'doing' | 'done' | 'dropped';
export type Mandate = 'decided' | 'proposed';

export interface SummaryNextStep {
  id: string;
  what: string;
  who: string;
  when: string;
  mandate: Mandate;
  /** to whom the proposal goes when the forum cannot decide it itself */
  proposedTo: string;
  status: NextStepStatus;
  /** the area or solution the step came from, '' when none */
  origin: string;
}

export interface SummaryNote {
  text: string;
  /** present only when the facilitator showed authors at the reveal */
  author?: string;
}

export interface SummaryCluster {
  name: string;
  notes: SummaryNote[];
}

export interface SummaryGroup {
  name: string;
  area: string;
  why: string;
  what: string;
  forWhom: string;
  solutions: string;
}

export interface RoundLine {
  name: string;
  organisation: string;
  text: string;
  passed: boolean;
}

export interface MeetingSummary {
  language: 'sv' | 'en';
  info: { title: string; forumName: string; purpose: string; date: string };
  participants: { name: string; organisation: string }[];
  missingOrgs: string[];
  agenda: string[];
  checkin: { question: string; answers: RoundLine[] };
  /** what became of the previous meeting's next steps (empty in a forum's first meeting) */
  followUp: { what: string; who: string; status: 'carried' | 'done' | 'doing' | 'notStarted' | 'dropped'; why: string }[];
  clusters: SummaryCluster[];
  /** revealed notes in no cluster and not parked */
  looseNotes: SummaryNote[];
  areaVotes: RankedItem[];
  chosenAreas: string[];
  groups: SummaryGroup[];
  solutionVotes: RankedItem[];
  nextSteps: SummaryNextStep[];
  parking: { text: string; handOverTo: string }[];
  checkout: { answers: RoundLine[] };
  /** counts of ratings 1..5, only when the rating was shown in the meeting */
  rating: { counts: [number, number, number, number, number]; total: number } | null;
  conclusion: string;
  hidden: SectionId[];
}

/** Plain JSON of each top-level map: root name → object (the shape relay actions read too). */
export interface SummarySource {
  meeting: Record<string, Record<string, unknown> | undefined>;
  control: Record<string, Record<string, unknown> | undefined>;
  /** the meeting's date, ISO yyyy-mm-dd, when the documents do not say */
  date: string;
  language: 'sv' | 'en';
}

const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const num = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? v : 0);
const obj = (v: unknown): Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
const items = (root: Record<string, unknown> | undefined): Record<string, unknown>[] =>
  Object.values(root ?? {}).map(obj);
const byOrder = (a: Record<string, unknown>, b: Record<string, unknown>) => {
  const x = str(a.order);
  const y = str(b.order);
  return x < y ? -1 : x > y ? 1 : num(a.createdAt) - num(b.createdAt);
};

/** Ranks by count, highest first; equal counts share a rank (1, 2, 2, 4) and are marked tied. */
export function rankCounts(entries: { label: string; count: number }[]): RankedItem[] {
  const sorted = [...entries].sort((a, b) => b.count - a.count || a.label.localeCompare(b.label, 'sv'));
  return sorted.map((e) => {
    const rank = sorted.findIndex((o) => o.count === e.count) + 1;
    const tied = sorted.filter((o) => o.count === e.count).length > 1;
    return { label: e.label, count: e.count, rank, tied };
  });
}

const STATUSES: readonly NextStepStatus[] = ['open', 'doing', 'done', 'dropped'];

export function buildSummary(src: SummarySource): MeetingSummary {
  const { meeting, control } = src;
  const info = obj(control[ControlRoots.meeting]);
  const participantsById = new Map(
    items(control[ControlRoots.participants]).map((p) => [str(p.id), { name: str(p.name), organisation: str(p.organisation) }]),
  );
  const participants = [...participantsById.values()].sort(
    (a, b) => a.organisation.localeCompare(b.organisation, 'sv') || a.name.localeCompare(b.name, 'sv'),
  );
  const presentOrgs = new Set(participants.map((p) => p.organisation.trim().toLocaleLowerCase('sv')));
  const missingOrgs = items(control[ControlRoots.expectedOrgs])
    .sort(byOrder)
    .map((o) => str(o.name))
    .filter((name) => !presentOrgs.has(name.trim().toLocaleLowerCase('sv')));

  const round = (root: Record<string, unknown> | undefined): RoundLine[] =>
    Object.entries(root ?? {})
      .map(([participantId, raw]) => {
        const answer = obj(raw);
        const who = participantsById.get(participantId);
        return {
          name: who?.name ?? '',
          organisation: who?.organisation ?? '',
          text: str(answer.text),
          passed: answer.passed === true,
          at: num(answer.updatedAt),
        };
      })
      .filter((a) => a.passed || a.text.trim() !== '')
      .sort((a, b) => a.at - b.at)
      .map(({ at: _at, ...line }) => line);

  // authors only when the reveal carried them (showAuthors): the note itself has no author otherwise
  const allNotes = items(meeting[MeetingRoots.notes]).sort(byOrder);
  const noteOf = (n: Record<string, unknown>): SummaryNote =>
    str(n.authorName) ? { text: str(n.text), author: str(n.authorName) } : { text: str(n.text) };
  const clusterRecords = items(meeting[MeetingRoots.clusters]).sort(byOrder);
  const clusters = clusterRecords
    .filter((c) => c.parked !== true)
    .map((c) => ({
      name: str(c.name),
      notes: allNotes.filter((n) => str(c.id) !== '' && n.clusterId === c.id && n.parked !== true).map(noteOf),
    }));
  const clusterIds = new Set(clusterRecords.map((c) => str(c.id)));
  const looseNotes = allNotes
    .filter((n) => n.parked !== true && !(typeof n.clusterId === 'string' && clusterIds.has(n.clusterId)))
    .map(noteOf);
  const parking = [
    ...clusterRecords.filter((c) => c.parked === true).map((c) => ({ text: str(c.name), handOverTo: str(c.handOverTo) })),
    ...allNotes.filter((n) => n.parked === true).map((n) => ({ text: str(n.text), handOverTo: str(n.handOverTo) })),
  ];

  const settings = obj(control[SummaryRoots.summary]);
  const hiddenRaw = Array.isArray(settings.hidden) ? settings.hidden : [];
  const hidden = SECTION_IDS.filter((id) => hiddenRaw.includes(id));

  // Part 2 (votes, groups, next steps, ratings) publishes into these roots; until it is on main
  // they are absent and the sections stay empty.
  const part2 = obj(control.results);
  const areaVotes = rankCounts(items(obj(part2.areas) as Record<string, unknown>).map((e) => ({ label: str(e.label), count: num(e.count) })));
  const solutionVotes = rankCounts(
    items(obj(part2.solutions) as Record<string, unknown>).map((e) => ({ label: str(e.label), count: num(e.count) })),
  );
  const chosenAreas = Array.isArray(part2.chosenAreas) ? part2.chosenAreas.map(str).filter(Boolean) : [];
  const groups = items(meeting.groupAnswers).sort(byOrder).map((g) => ({
    name: str(g.name),
    area: str(g.area),
    why: str(g.why),
    what: str(g.what),
    forWhom: str(g.forWhom),
    solutions: str(g.solutions),
  }));
  const nextSteps = items(meeting.nextSteps)
    .sort(byOrder)
    .map((s) => ({
      id: str(s.id),
      what: str(s.what),
      who: str(s.who),
      when: str(s.when),
      mandate: (s.mandate === 'proposed' ? 'proposed' : 'decided') as Mandate,
      proposedTo: str(s.proposedTo),
      status: (STATUSES as readonly unknown[]).includes(s.status) ? (s.status as NextStepStatus) : 'open',
      origin: str(s.origin),
    }));
  const ratingRoot = obj(part2.rating);
  const rating =
    ratingRoot.shown === true && Array.isArray(ratingRoot.counts)
      ? (() => {
          const counts = [0, 1, 2, 3, 4].map((i) => Math.max(0, num((ratingRoot.counts as unknown[])[i]))) as [
            number,
            number,
            number,
            number,
            number,
          ];
          return { counts, total: counts.reduce((a, b) => a + b, 0) };
        })()
      : null;

  return {
    language: src.language,
    info: {
      title: str(info.title),
      forumName: str(info.forumName),
      purpose: str(info.purpose),
      date: str(info.date) || src.date,
    },
    participants,
    missingOrgs,
    agenda: items(control[ControlRoots.agenda]).sort(byOrder).map((a) => str(a.text)),
    checkin: { question: str(obj(control[ControlRoots.checkin]).question), answers: round(meeting[MeetingRoots.checkin]) },
    followUp: items(control.followup)
      .sort(byOrder)
      .map((f) => ({
        what: str(f.what),
        who: str(f.who),
        status: (['done', 'doing', 'notStarted', 'dropped'].includes(str(f.status)) ? str(f.status) : 'carried') as MeetingSummary['followUp'][number]['status'],
        why: str(f.why),
      })),
    clusters,
    looseNotes,
    areaVotes,
    chosenAreas,
    groups,
    solutionVotes,
    nextSteps,
    parking,
    checkout: { answers: round(meeting[MeetingRoots.checkout]) },
    rating,
    conclusion: str(settings.conclusion),
    hidden,
  };
}

/** Whether a section shows: not hidden by the facilitator. */
export const shows = (s: MeetingSummary, id: SectionId): boolean => !s.hidden.includes(id);
