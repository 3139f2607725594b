// The meeting summary ("minnesanteckningar") as plain data: one pure function over plain
// snapshots of the meeting and control documents. The summary view and every exporter read
// this, so what is hidden or anonymous is decided once, here.
import { ControlRoots, GroupRoots, Limits, MeetingRoots, type FollowUpStatus, type GroupQuestion, type Mandate, type Note, type StepStatus, type VoteRound } from './schema';
import { parseBuzzLine, parseBuzzSettings, parseCornerReason, parseCornerResult, parseCornersSettings } from './methods';
import { cafeSummary, type HarvestTable } from './cafe';
import type { TrendPoint } from './series';
import { organisationKey } from './order';
import {
  parseAgendaItem,
  parseCheckinState,
  parseCluster,
  parseDeepDiveGroup,
  parseExpectedOrg,
  parseFollowUpStep,
  parseGroupAnswer,
  parseMeetingInfo,
  parseNote,
  parseParticipant,
  parseRoundAnswer,
  parseSolution,
  read,
  TextRules,
} from './records';
import { byOrder } from './order';
import { parseNextStep } from './nextSteps';
import { parseVoteResult, parseVotingSettings } from './voting';
import { parseRatingResult } from './rating';

export const SECTION_IDS = [
  'info',
  'participants',
  'agenda',
  'checkin',
  'followup',
  /** bikupa and fyra hörn (issue 22), only when the meeting ran them */
  'buzz',
  'corners',
  /** dialogkafé (issue 22), only when the meeting ran it */
  'cafe',
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

export const CONCLUSION_MAX = Limits.conclusionMax;

/** One ranked line of a vote result. Equal counts share a rank and are marked tied. */
export interface RankedItem {
  label: string;
  count: number;
  rank: number;
  tied: boolean;
}


export interface SummaryNextStep {
  id: string;
  what: string;
  who: string;
  when: string;
  mandate: Mandate;
  /** to whom the proposal goes when the forum cannot decide it itself */
  proposeTo: string;
  status: StepStatus;
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
  followUp: { what: string; who: string; status: FollowUpStatus; why: string }[];
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
  /** bikupa: the question and each group's line, by group number (never a name); absent when not run */
  buzz?: { question: string; lines: { group: number; text: string }[] };
  /** fyra hörn: the statement, each corner's answer, how many stood there (null below the threshold) and its reasons */
  corners?: { statement: string; corners: { answer: string; count: number | null; reasons: string[] }[] };
  /** dialogkafé: the question and each table's harvest (host's summary, notes by round), never a name; absent when not run */
  cafe?: { question: string; tables: HarvestTable[] };
  /** the rating across the forum's series, oldest first; set by the facilitator's screen from the series API */
  ratingTrend?: TrendPoint[];
}

/** Plain JSON of each top-level map: root name → object (the shape relay actions read too). */
export interface SummarySource {
  meeting: Record<string, Record<string, unknown> | undefined>;
  control: Record<string, Record<string, unknown> | undefined>;
  /** the meeting's date, ISO yyyy-mm-dd, when the documents do not say */
  date: string;
  language: 'sv' | 'en';
  /** the group documents' roots by group id, when the caller holds them (the deep-dive answers) */
  groupDocs?: Record<string, Record<string, Record<string, unknown> | undefined>>;
}

const R = TextRules;
/** a root's items through their reader, in the rooms' order (common/order.ts) */
function itemsOf<T extends { id: string; order: string }>(root: unknown, parse: (raw: unknown, id: string) => T | null): T[] {
  return read.items(root).flatMap(([id, raw]) => parse(raw, id) ?? []).sort(byOrder);
}

/** Ranks by count, highest first; equal counts share a rank (1, 2, 2, 4) and are marked tied. */
export function rankCounts(entries: { label: string; count: number }[]): RankedItem[] {
  const sorted = [...entries].sort((a, b) => b.count - a.count || a.label.localeCompare(b.label, 'sv'));
  return sorted.map((e) => {
    const rank = sorted.findIndex((o) => o.count === e.count) + 1;
    const tied = sorted.filter((o) => o.count === e.count).length > 1;
    return { label: e.label, count: e.count, rank, tied };
  });
}


export function buildSummary(src: SummarySource): MeetingSummary {
  const { meeting, control } = src;
  const info = parseMeetingInfo(control[ControlRoots.meeting]);
  const participantsById = new Map(
    read.items(control[ControlRoots.participants]).flatMap(([id, raw]) => {
      const p = parseParticipant(raw, id);
      return p ? [[p.id, { name: p.name, organisation: p.organisation }] as const] : [];
    }),
  );
  const participants = [...participantsById.values()].sort(
    (a, b) => a.organisation.localeCompare(b.organisation, 'sv') || a.name.localeCompare(b.name, 'sv'),
  );
  const presentOrgs = new Set(participants.map((p) => organisationKey(p.organisation)));
  const missingOrgs = itemsOf(control[ControlRoots.expectedOrgs], parseExpectedOrg)
    .map((o) => o.name)
    .filter((name) => !presentOrgs.has(organisationKey(name)));

  const round = (root: unknown): RoundLine[] =>
    read
      .items(root)
      .flatMap(([participantId, raw]) => {
        const answer = parseRoundAnswer(raw);
        if (!answer || !(answer.passed || answer.text.trim() !== '')) return [];
        const who = participantsById.get(participantId);
        return [{ name: who?.name ?? '', organisation: who?.organisation ?? '', text: answer.text, passed: answer.passed, at: answer.updatedAt }];
      })
      .sort((a, b) => a.at - b.at)
      .map(({ at: _at, ...line }) => line);

  // authors only when the reveal carried them (showAuthors): the note itself has no author otherwise
  const allNotes = itemsOf(meeting[MeetingRoots.notes], parseNote);
  const noteOf = (n: Note): SummaryNote => (n.authorName ? { text: n.text, author: n.authorName } : { text: n.text });
  const clusterRecords = itemsOf(meeting[MeetingRoots.clusters], parseCluster);
  const clusters = clusterRecords
    .filter((c) => !c.parked)
    .map((c) => ({ name: c.name, notes: allNotes.filter((n) => n.clusterId === c.id && !n.parked).map(noteOf) }));
  const clusterIds = new Set(clusterRecords.map((c) => c.id));
  const looseNotes = allNotes.filter((n) => !n.parked && !(n.clusterId !== null && clusterIds.has(n.clusterId))).map(noteOf);
  const parking = [
    ...clusterRecords.filter((c) => c.parked).map((c) => ({ text: c.name, handOverTo: c.handOverTo })),
    ...allNotes.filter((n) => n.parked).map((n) => ({ text: n.text, handOverTo: n.handOverTo })),
  ];

  const settings = read.fields(control[ControlRoots.summary]);
  const hiddenRaw = Array.isArray(settings.hidden) ? settings.hidden : [];
  const hidden = SECTION_IDS.filter((id) => hiddenRaw.includes(id));

  // part 2 (issue 8): relay-published vote totals, chosen areas, groups, solutions, next steps, rating
  const clusterName = new Map(clusterRecords.map((c) => [c.id, c.name]));
  const noteText = new Map(allNotes.map((n) => [n.id, n.text]));
  const areaLabel = (id: string) => clusterName.get(id) ?? noteText.get(id) ?? '';
  const solutionText = new Map(itemsOf(meeting[MeetingRoots.solutions], parseSolution).map((x) => [x.id, x.text]));
  const voteResults = read.fields(control[ControlRoots.voteResults]);
  const totals = (round: VoteRound) => Object.entries(parseVoteResult(voteResults[round])?.totals ?? {});
  const areaVotes = rankCounts(totals('areas').map(([id, count]) => ({ label: areaLabel(id), count })));
  const solutionVotes = rankCounts(totals('solutions').map(([id, count]) => ({ label: solutionText.get(id) ?? '', count })));
  const chosenAreas = parseVotingSettings(read.fields(control[ControlRoots.voting]).areas)
    .chosen.map(areaLabel)
    .filter(Boolean);
  const groupDocs = src.groupDocs ?? {};
  const groups = itemsOf(control[ControlRoots.groups], parseDeepDiveGroup).map((g) => {
    const answers = itemsOf(groupDocs[g.id]?.[GroupRoots.answers], parseGroupAnswer);
    const answer = (q: GroupQuestion) => answers.filter((a) => a.question === q && a.text !== '').map((a) => a.text).join('\n');
    return { name: g.name, area: areaLabel(g.areaId), why: answer('why'), what: answer('what'), forWhom: answer('forWhom'), solutions: answer('solutions') };
  });
  const nextSteps = read
    .items(meeting[MeetingRoots.nextSteps])
    .map(([id, raw]) => ({ raw: read.fields(raw), step: parseNextStep(id, raw) }))
    .sort((a, b) => byOrder(a.step, b.step))
    .map(({ raw, step }) => ({
      id: step.id,
      // the console writes these as typed: trimmed here, like every text the summary shows
      what: read.text(step.what, R.stepWhat),
      who:
        step.ownerKind === 'participant'
          ? participantsById.get(step.ownerId)?.name ?? ''
          : step.ownerKind === 'forum'
            ? info.forumName || 'Forum'
            : read.text(raw.ownerText, R.stepOwner),
      when: step.due,
      mandate: step.mandate,
      proposeTo: read.text(raw.proposeTo, R.proposeTo),
      status: step.status,
      origin: solutionText.get(step.solutionId) || areaLabel(step.areaId),
    }));
  // the relay publishes the distribution only when the facilitator showed it (and enough rated)
  const distribution = parseRatingResult(control[ControlRoots.ratingResult]).distribution;
  const rating = distribution
    ? (() => {
        const counts = distribution.map((n) => Math.max(0, n)) as [number, number, number, number, number];
        return { counts, total: counts.reduce((a, b) => a + b, 0) };
      })()
    : null;

  const methods = methodsSummary(meeting, control);
  const cafe = cafeSummary(meeting, control);

  return {
    ...methods,
    ...(cafe ? { cafe } : {}),
    language: src.language,
    info: {
      title: info.title,
      forumName: info.forumName,
      purpose: info.purpose,
      date: read.key(read.fields(control[ControlRoots.meeting]).date, 40) || src.date,
    },
    participants,
    missingOrgs,
    agenda: itemsOf(control[ControlRoots.agenda], parseAgendaItem).map((a) => a.text),
    checkin: { question: parseCheckinState(control[ControlRoots.checkin]).question, answers: round(meeting[MeetingRoots.checkin]) },
    followUp: itemsOf(control[ControlRoots.followup], parseFollowUpStep).map((f) => ({ what: f.what, who: f.who, status: f.status, why: f.why })),
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
    conclusion: read.text(settings.conclusion, R.conclusion),
    hidden,
  };
}

/** Whether a section shows: not hidden by the facilitator. */
export const shows = (s: MeetingSummary, id: SectionId): boolean => !s.hidden.includes(id);

/** Bikupa and fyra hörn as the relay left them: lines by group, counts only when published, reasons by corner. */
function methodsSummary(meeting: SummarySource['meeting'], control: SummarySource['control']): Pick<MeetingSummary, 'buzz' | 'corners'> {
  const out: Pick<MeetingSummary, 'buzz' | 'corners'> = {};
  const buzz = parseBuzzSettings(control[ControlRoots.buzz]);
  const lines = Object.values(meeting[MeetingRoots.buzzLines] ?? {})
    .map(parseBuzzLine)
    .filter((l): l is NonNullable<typeof l> => l !== null && l.text !== '')
    .sort((a, b) => a.group - b.group)
    .map(({ group, text }) => ({ group, text }));
  if (buzz.question || lines.length) out.buzz = { question: buzz.question, lines };
  const corners = parseCornersSettings(control[ControlRoots.corners]);
  const result = parseCornerResult(control[ControlRoots.cornerResult]);
  const reasons = Object.values(meeting[MeetingRoots.cornerReasons] ?? {})
    .map(parseCornerReason)
    .filter((r): r is NonNullable<typeof r> => r !== null && r.text !== '')
    .sort((a, b) => a.updatedAt - b.updatedAt);
  if (corners.statement || reasons.length) {
    out.corners = {
      statement: corners.statement,
      corners: corners.answers.map((answer, i) => ({
        answer,
        count: result.totals ? result.totals[i] : null,
        reasons: reasons.filter((r) => r.corner === i).map((r) => r.text),
      })),
    };
  }
  return out;
}
