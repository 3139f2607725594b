// The meeting summary ("minnesanteckningar") as plain data: one pure function over plain
// snapshots of the meeting and control documents. The summary view and every exporter read
// this, so what is hidden or anonymous is decided once, here.
import { ControlRoots, Limits, MeetingRoots } from './schema';
import { parseBuzzLine, parseBuzzSettings, parseCornerReason, parseCornerResult, parseCornersSettings } from './methods';
import type { TrendPoint } from './series';
import { organisationKey } from './order';
import { TextRules } from './records';
import { cleanText, withoutUnsafe, type TextRule } from './text';
import { DUE_NEXT_MEETING, parseDue } from './nextSteps';

export const SECTION_IDS = [
  'info',
  'participants',
  'agenda',
  'checkin',
  'followup',
  /** bikupa and fyra hörn (issue 22), only when the meeting ran them */
  'buzz',
  'corners',
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
  /** bikupa: the question and each group's line, by group number (never a name); absent when not run */
  buzz?: { question: string; lines: { group: number; text: string }[] };
  /** fyra hörn: the statement, each corner's answer, how many stood there (null below the threshold) and its reasons */
  corners?: { statement: string; corners: { answer: string; count: number | null; reasons: string[] }[] };
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

const str = (v: unknown): string => (typeof v === 'string' ? v : '');
/** what a person typed, through its rule: whatever a document holds, the summary and every export get clean text */
const text = (v: unknown, rule: TextRule): string => cleanText(v, rule);
const R = TextRules;
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


export function buildSummary(src: SummarySource): MeetingSummary {
  const { meeting, control } = src;
  const info = obj(control[ControlRoots.meeting]);
  const participantsById = new Map(
    items(control[ControlRoots.participants]).map((p) => [str(p.id), { name: text(p.name, R.name), organisation: text(p.organisation, R.organisation) }]),
  );
  const participants = [...participantsById.values()].sort(
    (a, b) => a.organisation.localeCompare(b.organisation, 'sv') || a.name.localeCompare(b.name, 'sv'),
  );
  const presentOrgs = new Set(participants.map((p) => organisationKey(p.organisation)));
  const missingOrgs = items(control[ControlRoots.expectedOrgs])
    .sort(byOrder)
    .map((o) => text(o.name, R.organisation))
    .filter((name) => !presentOrgs.has(organisationKey(name)));

  const round = (root: Record<string, unknown> | undefined): RoundLine[] =>
    Object.entries(root ?? {})
      .map(([participantId, raw]) => {
        const answer = obj(raw);
        const who = participantsById.get(participantId);
        return {
          name: who?.name ?? '',
          organisation: who?.organisation ?? '',
          text: text(answer.text, R.answer),
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
    text(n.authorName, R.name) ? { text: text(n.text, R.note), author: text(n.authorName, R.name) } : { text: text(n.text, R.note) };
  const clusterRecords = items(meeting[MeetingRoots.clusters]).sort(byOrder);
  const clusters = clusterRecords
    .filter((c) => c.parked !== true)
    .map((c) => ({
      name: text(c.name, R.clusterName),
      notes: allNotes.filter((n) => str(c.id) !== '' && n.clusterId === c.id && n.parked !== true).map(noteOf),
    }));
  const clusterIds = new Set(clusterRecords.map((c) => str(c.id)));
  const looseNotes = allNotes
    .filter((n) => n.parked !== true && !(typeof n.clusterId === 'string' && clusterIds.has(n.clusterId)))
    .map(noteOf);
  const parking = [
    ...clusterRecords.filter((c) => c.parked === true).map((c) => ({ text: text(c.name, R.clusterName), handOverTo: text(c.handOverTo, R.handOver) })),
    ...allNotes.filter((n) => n.parked === true).map((n) => ({ text: text(n.text, R.note), handOverTo: text(n.handOverTo, R.handOver) })),
  ];

  const settings = obj(control[ControlRoots.summary]);
  const hiddenRaw = Array.isArray(settings.hidden) ? settings.hidden : [];
  const hidden = SECTION_IDS.filter((id) => hiddenRaw.includes(id));

  // part 2 (issue 8): relay-published vote totals, chosen areas, groups, solutions, next steps, rating
  const clusterName = new Map(clusterRecords.map((c) => [str(c.id), text(c.name, R.clusterName)]));
  const noteText = new Map(allNotes.map((n) => [str(n.id), text(n.text, R.note)]));
  const areaLabel = (id: string) => clusterName.get(id) ?? noteText.get(id) ?? '';
  const solutionRecords = items(meeting.solutions);
  const solutionText = new Map(solutionRecords.map((x) => [str(x.id), text(x.text, R.groupAnswer)]));
  const voteResults = obj(control.voteResults);
  const totals = (round: string) => Object.entries(obj(obj(voteResults[round]).totals));
  const areaVotes = rankCounts(totals('areas').map(([id, count]) => ({ label: areaLabel(id), count: num(count) })));
  const solutionVotes = rankCounts(totals('solutions').map(([id, count]) => ({ label: solutionText.get(id) ?? '', count: num(count) })));
  const chosen = obj(obj(control.voting).areas).chosen;
  const chosenAreas = (Array.isArray(chosen) ? chosen : []).map((id) => areaLabel(str(id))).filter(Boolean);
  const groupDocs = src.groupDocs ?? {};
  const groups = items(control[ControlRoots.groups])
    .sort(byOrder)
    .map((g) => {
      const answers = items(groupDocs[str(g.id)]?.answers).sort(byOrder);
      const answer = (q: string) => answers.filter((a) => a.question === q).map((a) => text(a.text, R.groupAnswer)).filter(Boolean).join('\n');
      return { name: text(g.name, R.groupName), area: areaLabel(str(g.areaId)), why: answer('why'), what: answer('what'), forWhom: answer('forWhom'), solutions: answer('solutions') };
    });
  const STATUS_OF: Record<string, NextStepStatus> = { notStarted: 'open', ongoing: 'doing', done: 'done', dropped: 'dropped' };
  const nextSteps = items(meeting.nextSteps)
    .sort(byOrder)
    .map((x) => ({
      id: str(x.id),
      what: text(x.what, R.stepWhat),
      who:
        x.ownerKind === 'participant'
          ? participantsById.get(str(x.ownerId))?.name ?? ''
          : x.ownerKind === 'forum'
            ? text(info.forumName, R.forumName) || 'Forum'
            : text(x.ownerText, R.stepOwner),
      when: x.due === DUE_NEXT_MEETING ? DUE_NEXT_MEETING : parseDue(x.due),
      mandate: (x.mandate === 'propose' ? 'proposed' : 'decided') as Mandate,
      proposedTo: text(x.proposeTo, R.proposeTo),
      status: STATUS_OF[str(x.status)] ?? 'open',
      origin: solutionText.get(str(x.solutionId)) || areaLabel(str(x.areaId)),
    }));
  // the relay publishes the distribution only when the facilitator showed it (and enough rated)
  const distribution = obj(control.ratingResult).distribution;
  const rating = Array.isArray(distribution)
    ? (() => {
        const counts = [0, 1, 2, 3, 4].map((i) => Math.max(0, num(distribution[i]))) as [number, number, number, number, number];
        return { counts, total: counts.reduce((a, b) => a + b, 0) };
      })()
    : null;

  const methods = methodsSummary(meeting, control);

  return {
    ...methods,
    language: src.language,
    info: {
      title: text(info.title, R.title),
      forumName: text(info.forumName, R.forumName),
      purpose: text(info.purpose, R.purpose),
      date: withoutUnsafe(str(info.date)).slice(0, 40) || src.date,
    },
    participants,
    missingOrgs,
    agenda: items(control[ControlRoots.agenda]).sort(byOrder).map((a) => text(a.text, R.agendaPoint)),
    checkin: { question: text(obj(control[ControlRoots.checkin]).question, R.question), answers: round(meeting[MeetingRoots.checkin]) },
    followUp: items(control.followup)
      .sort(byOrder)
      .map((f) => ({
        what: text(f.what, R.stepWhat),
        who: text(f.who, R.title),
        status: (['done', 'doing', 'notStarted', 'dropped'].includes(str(f.status)) ? str(f.status) : 'carried') as MeetingSummary['followUp'][number]['status'],
        why: text(f.why, R.followUpWhy),
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
    conclusion: text(settings.conclusion, R.conclusion),
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
