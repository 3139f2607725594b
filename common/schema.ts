// The Yjs schema of the four documents, shared by the relay and the client's doc/ layer.
// Every item is its own nested Y.Map under a top-level map (top-level types never conflict
// when two devices create them at once). Membership lives on the child (note.clusterId);
// order is a fractional-index string. Plain snapshot types below describe each item's fields.

import type { DocKind } from './docNames';

/** In every document: `{ version }`, the schema version (common/schemaVersion.ts); only the relay writes it. */
const VERSION_ROOT = { schema: 'schema' } as const;

/**
 * Top-level map names, one object per document kind, each root named by what it holds. The
 * strings are stored keys: never change one (old documents, archives and exports hold them).
 */
export const MeetingRoots = {
  ...VERSION_ROOT,
  /** agenda points proposed from phones: id → AgendaProposal */
  agendaProposals: 'agendaProposals',
  /** check-in answers typed on phones: participantId → RoundAnswer */
  checkin: 'checkin',
  /** revealed notes: noteId → Note */
  notes: 'notes',
  /** clusters on the board: clusterId → Cluster */
  clusters: 'clusters',
  /** check-out answers, written by the relay from private docs: participantId → RoundAnswer */
  checkout: 'checkout',
  /** proposals collected from the groups' d) answers for round 2: solutionId → Solution */
  solutions: 'solutions',
  /** next steps: stepId → NextStep */
  nextSteps: 'nextSteps',
  /** a merged cluster's id → the cluster it was merged into, so its dots follow it */
  clusterMerges: 'clusterMerges',
  /** written by the relay only: group number → BuzzLine (no participant id) */
  buzzLines: 'buzzLines',
  /** written by the relay only: an opaque id → CornerReason (no participant id) */
  cornerReasons: 'cornerReasons',
  /** dialogkafé, written by the relay only: an opaque id → CafeNote (no participant id) */
  cafeNotes: 'cafeNotes',
  /** dialogkafé, written by the relay only: table number → CafeSummary, the host's summary for the harvest */
  cafeSummaries: 'cafeSummaries',
} as const;

export const ControlRoots = {
  ...VERSION_ROOT,
  /** title, purpose, forum name: MeetingInfo fields */
  meeting: 'meeting',
  /** expected organisations: id → { id, name, order } */
  expectedOrgs: 'expectedOrgs',
  /** the agenda: id → AgendaItem */
  agenda: 'agenda',
  /** written by the relay only, from the join API: participantId → Participant */
  participants: 'participants',
  /** PhaseState fields */
  phase: 'phase',
  /** TimerState fields */
  timer: 'timer',
  /** CheckinState fields */
  checkin: 'checkin',
  /** GatheringSettings fields */
  gathering: 'gathering',
  /** written by the relay only: participantId → number of notes written (no text ever) */
  noteCounts: 'noteCounts',
  /** facilitator's moderation before the reveal: noteId → true (never the author: phones read this); the relay deletes them */
  removedNotes: 'removedNotes',
  /** ClusteringSettings fields */
  clustering: 'clustering',
  /** BoardDisplay fields: which conversation prompt or ground rules the board shows */
  board: 'board',
  /** small groups for the deep dive: groupId → Group */
  groups: 'groups',
  /** group membership, on the child: participantId → groupId (the relay lets members write their group doc) */
  groupMembers: 'groupMembers',
  /** round → VotingSettings (a plain value per round, written by the facilitator) */
  voting: 'voting',
  /** written by the relay only: `${round}:${participantId}` → true when that person has voted (never what) */
  voteProgress: 'voteProgress',
  /** written by the relay only, after the reveal: round → VoteResult (totals, never ballots) */
  voteResults: 'voteResults',
  /** CheckinState fields for the check-out round */
  checkout: 'checkout',
  /** RatingSettings fields */
  rating: 'rating',
  /** written by the relay only: RatingResult fields (the distribution only when shown) */
  ratingResult: 'ratingResult',
  /** GroupingSettings fields: how the facilitator formed the groups */
  grouping: 'grouping',
  /** WalkthroughState fields, written by the facilitator: the board steps through every note */
  walkthrough: 'walkthrough',
  /**
   * written by the relay only, while the walk-through goes author by author: `sections` → the
   * revealed note ids grouped per author, in an order the relay shuffled; never who the authors are
   */
  walkSections: 'walkSections',
  /** OpenedOnStage fields, written by the facilitator: the cluster (or the loose notes) every board shows large */
  openedOnStage: 'openedOnStage',
  /** BuzzSettings fields */
  buzz: 'buzz',
  /** written by the facilitator: participantId → buzz group number (1, 2, …) */
  buzzGroups: 'buzzGroups',
  /** CornersSettings fields */
  corners: 'corners',
  /** written by the relay only: CornerResult fields (totals only when shown and at the threshold) */
  cornerResult: 'cornerResult',
  /** the facilitator's summary settings: { conclusion: string, hidden: SectionId[] } (common/summary.ts) */
  summary: 'summary',
  /** written by the relay only: { closed: boolean, changedAt } */
  lifecycle: 'lifecycle',
  /** only in a forum's next meeting: carried stepId → FollowUpStep (common/followup.ts) */
  followup: 'followup',
  /** written by the relay only (never a facilitator): this meeting's own plan and the next one's (common/term.ts) */
  term: 'term',
  /** dialogkafé: CafeSettings fields, written by the facilitator */
  cafe: 'cafe',
  /** dialogkafé, written by the relay only: round number → { participantId: table number } */
  cafeSeats: 'cafeSeats',
  /** dialogkafé, written by the relay only: round number → { table number: participantId of its host } */
  cafeHosts: 'cafeHosts',
} as const;

export const PrivateRoots = {
  ...VERSION_ROOT,
  /** the participant's own notes: noteId → PrivateNote */
  notes: 'notes',
  /**
   * requests to move one of one's own revealed notes: noteId → target clusterId ('' = loose).
   * The relay applies them to the meeting doc as itself, so the move cannot tie the phone to the
   * note, and only when the facilitator allows it and the note really is this participant's.
   */
  moves: 'moves',
  /** the participant's check-in answer: RoundAnswer fields; the relay copies it to meeting.checkin */
  checkin: 'checkin',
  /** the participant's check-out answer: RoundAnswer fields; the relay copies it to meeting.checkout */
  checkout: 'checkout',
  /** agenda points the participant proposes: id → PrivateProposal; the relay copies them to meeting.agendaProposals */
  proposals: 'proposals',
  /** the participant's dots: dotId → Ballot fields (no other device ever reads them) */
  votes: 'votes',
  /** round → true when the participant says they are done (possibly with dots unused) */
  voteDone: 'voteDone',
  /** RatingBallot fields: the anonymous 1–5 rating */
  rating: 'rating',
  /** stepId → true: "Jag tar den"; the relay makes the participant the step's owner */
  volunteer: 'volunteer',
  /** BuzzLineOut fields: the line this phone sends for its group */
  buzzLine: 'buzzLine',
  /** CornerBallot fields: the corner this phone picked (no other device ever reads it) */
  corner: 'corner',
  /** ReasonOut fields: why, sent for the corner the relay counted this phone in */
  cornerReason: 'cornerReason',
  /** dialogkafé outbox: its own id → CafeNoteOut (a claim of table and round, checked by the relay) */
  cafeNotes: 'cafeNotes',
  /** dialogkafé: CafeSummaryOut fields, a host's summary of their table (a claim, checked by the relay) */
  cafeSummary: 'cafeSummary',
  /** dialogkafé: { round, askedAt }, a phone without a seat in a round under way asks for one (a latecomer) */
  cafeSeat: 'cafeSeat',
} as const;

/** The relay's own document of a meeting (`<meetingId>/relay`): no socket can open it. */
export const RelayRoots = {
  ...VERSION_ROOT,
  /** who wrote each revealed note: noteId → participantId (anonymous notes carry no author in any shared doc) */
  authors: 'authors',
  /**
   * each participant's ballots as they stood when the facilitator revealed a round:
   * round → participantId → { votes, voteDone }. Totals after the reveal follow the board (merges,
   * parking) but not a ballot changed afterwards, which would show that person's vote.
   */
  frozenBallots: 'frozenBallots',
  /**
   * the check-out ratings the published distribution is made of: `ballots` participantId → value,
   * `published` once a distribution has been shown. It moves to the ratings as they stand only
   * when at least RATING_MIN_SHOWN of them differ, so no one rating can be read off a change.
   */
  ratingShown: 'ratingShown',
  /** `authors` → participant ids in the walk-through's shuffled order */
  walkOrder: 'walkOrder',
  /** participantId → corner index as counted; frozen once the corners are shown */
  cornerBallots: 'cornerBallots',
  /** participantId → the opaque id of their reason in meeting.cornerReasons */
  cornerReasonIds: 'cornerReasonIds',
  /** dialogkafé: `${participantId}:${outbox id}` → { id, round }: which notes went on the board, under which opaque id */
  cafeNoteIds: 'cafeNoteIds',
} as const;

export const InboxRoots = {
  ...VERSION_ROOT,
  /** mirror of every unrevealed note, written by the relay: noteId → InboxNote */
  notes: 'notes',
} as const;

export const PHASES = [
  'setup',
  'checkin',
  /** only in a forum's next meeting: what became of the last meeting's next steps */
  'followup',
  /** the guide's methods for participant-active meetings (issue 22): not in the default template, added by the facilitator */
  'buzz',
  'corners',
  /** dialogkafé (world café): rounds of tables with a staying host (common/cafe.ts) */
  'cafe',
  'gathering',
  'clustering',
  'voting',
  'deepdive',
  'solutionVoting',
  'nextsteps',
  'checkout',
  'summary',
] as const;
export type PhaseId = (typeof PHASES)[number];

/** The guide's full process: the default meeting template. */
/** Bikupa, fyra hörn and dialogkafé: phases the facilitator adds to a meeting when wanted. */
export const METHOD_PHASES: readonly PhaseId[] = ['buzz', 'corners', 'cafe'];
export const DEFAULT_TEMPLATE: readonly PhaseId[] = PHASES.filter((p) => p !== 'followup' && !METHOD_PHASES.includes(p));

export const NOTE_COLORS = ['yellow', 'pink', 'blue', 'green', 'orange', 'purple'] as const;
export type NoteColor = (typeof NOTE_COLORS)[number];

export const Limits = {
  nameMax: 60,
  organisationMax: 80,
  noteMax: 280,
  titleMax: 120,
  textMax: 500,
  clusterNameMax: 80,
  /** the summary's "Vad vi kom fram till" */
  conclusionMax: 5000,
  groupCountMax: 30,
  /** notes one participant can have mirrored to the inbox and revealed (drafts + revealed); more stay on the phone */
  draftsPerParticipant: 100,
  /** agenda points one participant can propose */
  proposalsPerParticipant: 20,
} as const;

export interface MeetingInfo {
  title: string;
  purpose: string;
  forumName: string;
  /** written by the relay when the meeting is created, so any facilitator screen can show it */
  joinCode?: string;
}

export interface ExpectedOrg {
  id: string;
  name: string;
  order: string;
}

export interface AgendaItem {
  id: string;
  text: string;
  order: string;
  /** set when the point came from a participant's proposal */
  proposalId: string | null;
}

export type ProposalStatus = 'proposed' | 'accepted' | 'declined';
export interface AgendaProposal {
  id: string;
  text: string;
  participantId: string;
  status: ProposalStatus;
  createdAt: number;
}

/** An agenda point as the phone writes it in its outbox. */
export interface PrivateProposal {
  id: string;
  text: string;
  createdAt: number;
}

export interface Group {
  id: string;
  /** shown as "Grupp 1", … unless named */
  name: string;
  order: string;
}

export interface Participant {
  id: string;
  name: string;
  organisation: string;
  joinedAt: number;
}

export interface PhaseState {
  current: PhaseId;
  /** the order the facilitator runs the phases in; starts as DEFAULT_TEMPLATE */
  phases: PhaseId[];
}

/** Driven by an end time in server-clock milliseconds, so every device shows the same value. */
export type TimerState =
  | { status: 'idle'; durationMs: number }
  | { status: 'running'; durationMs: number; endsAt: number }
  | { status: 'paused'; durationMs: number; remainingMs: number };

export interface CheckinState {
  question: string;
  /** speaking order, participant ids */
  order: string[];
  /** who speaks now */
  current: string | null;
  /** who has spoken (or passed when called) */
  spoken: string[];
  /** 0 = no per-speaker timer */
  speakerSeconds: number;
  /** server-clock ms when the current speaker started */
  speakerStartedAt: number | null;
}

export interface RoundAnswer {
  text: string;
  passed: boolean;
  updatedAt: number;
}

export interface GatheringSettings {
  mode: 'individual' | 'group';
  groupCount: number;
  /** anonymous by default: revealed notes carry no author id */
  showAuthors: boolean;
  revealed: boolean;
}

export interface PrivateNote {
  id: string;
  text: string;
  color: NoteColor;
  /** organisation tag, '' for none */
  tag: string;
  /** group number in group mode, 0 otherwise */
  group: number;
  createdAt: number;
  updatedAt: number;
  /** draft until revealed; removed when the facilitator moderated it away */
  state: 'draft' | 'revealed' | 'removed';
}

export interface InboxNote {
  id: string;
  text: string;
  color: NoteColor;
  tag: string;
  group: number;
  authorId: string;
  createdAt: number;
}

export interface Note {
  id: string;
  text: string;
  color: NoteColor;
  tag: string;
  group: number;
  /** only when the facilitator chose to show authors; otherwise absent */
  authorId?: string;
  authorName?: string;
  clusterId: string | null;
  /** a duplicate stacked on another note follows that note */
  stackedOn: string | null;
  parked: boolean;
  handOverTo: string;
  order: string;
  createdAt: number;
}

export interface Cluster {
  id: string;
  name: string;
  order: string;
  parked: boolean;
  handOverTo: string;
  createdAt: number;
}

export interface ClusteringSettings {
  participantsMayMove: boolean;
}

export const CONVERSATION_PROMPTS = ['howDoYouMean', 'example', 'why', 'doDifferently', 'youDoDifferently'] as const;
export type ConversationPrompt = (typeof CONVERSATION_PROMPTS)[number];

export interface BoardDisplay {
  prompt: ConversationPrompt | null;
  showRules: boolean;
  /** the facilitator hid the corner QR code and join code on every board of the meeting */
  joinHidden: boolean;
}

// --- Workshop part 2: dot voting, deep dive, next steps, check-out rating (issue 8) ---
// Parse functions and the rules relay and phone share live in common/voting.ts, rating.ts,
// grouping.ts and nextSteps.ts.

/** The two dot-voting rounds: development areas (phase voting), then solutions (solutionVoting). */
export const VOTE_ROUNDS = ['areas', 'solutions'] as const;
export type VoteRound = (typeof VOTE_ROUNDS)[number];

/** Roots of a group's document `<meetingId>/g/<groupId>`. */
export const GroupRoots = {
  ...VERSION_ROOT,
  /** answerId → GroupAnswer; the text itself is a Y.Text under the answer's `text` */
  answers: 'answers',
} as const;

/** Each document kind's roots; every kind has the version root. */
export const DocRoots = {
  meeting: MeetingRoots,
  control: ControlRoots,
  private: PrivateRoots,
  inbox: InboxRoots,
  group: GroupRoots,
  relay: RelayRoots,
} as const satisfies Record<DocKind, typeof VERSION_ROOT>;

export interface VotingSettings {
  /** dots per participant */
  dots: number;
  /** the most dots one person may put on one item; 0 = no limit beyond `dots` */
  maxPerItem: number;
  /** phones may place dots */
  open: boolean;
  revealed: boolean;
  /** areas round: loose notes in no cluster are items too */
  includeLoose: boolean;
  /** the items the facilitator chose (development areas / solutions) */
  chosen: string[];
  /** the facilitator's tie-break: of items with equal votes, one earlier here ranks higher */
  tieOrder: string[];
}

/** One dot, as the phone writes it in its private doc. */
export interface Ballot {
  id: string;
  round: VoteRound;
  itemId: string;
  /** the phone's clock, ms: only orders one person's own dots ("first N") */
  at: number;
}

export interface VoteResult {
  /** itemId → dots counted */
  totals: Record<string, number>;
  /** people who placed at least one counted dot */
  voters: number;
  /** dots left unplaced by people who finished ("avstår") */
  unused: number;
}

export const GROUP_QUESTIONS = ['why', 'what', 'forWhom', 'solutions'] as const;
export type GroupQuestion = (typeof GROUP_QUESTIONS)[number];

export interface GroupAnswer {
  id: string;
  question: GroupQuestion;
  text: string;
  order: string;
  createdAt: number;
}

export interface GroupingSettings {
  mode: 'mixed' | 'byOrganisation' | 'manual';
  /** 'size': groups of about `value` people; 'count': `value` groups */
  by: 'size' | 'count';
  value: number;
  seed: number;
}

/** A group as part 2 uses it: the Group fields plus its chosen area. */
export interface DeepDiveGroup extends Group {
  /** the chosen area (cluster or note id) the group works on; '' none yet */
  areaId: string;
}

export interface Solution {
  id: string;
  text: string;
  groupId: string;
  areaId: string;
  order: string;
}

/** A next step's status: in the meeting, in the follow-up of the next one and in the summary. */
export const STEP_STATUSES = ['notStarted', 'ongoing', 'done', 'dropped'] as const;
export type StepStatus = (typeof STEP_STATUSES)[number];

/** 'decide': beslutas här; 'propose': förslag till the step's `proposeTo`. */
export const MANDATES = ['decide', 'propose'] as const;
export type Mandate = (typeof MANDATES)[number];

export interface NextStep {
  id: string;
  what: string;
  /** 'participant' (ownerId), 'text' (ownerText: a person or organisation), 'forum', or '' nobody yet */
  ownerKind: '' | 'participant' | 'text' | 'forum';
  ownerId: string;
  ownerText: string;
  /** YYYY-MM-DD or '' */
  due: string;
  mandate: Mandate;
  proposeTo: string;
  status: StepStatus;
  solutionId: string;
  areaId: string;
  order: string;
  createdAt: number;
}

// --- Follow-up in a forum's next meeting (common/followup.ts) ---

/** The statuses a facilitator gives a carried step, in the order the console offers them. */
export const FOLLOWUP_STATUSES: readonly StepStatus[] = ['done', 'ongoing', 'notStarted', 'dropped'];
/** A carried step's status: a next step's, or 'carried' until the follow-up has given it one. */
export type FollowUpStatus = StepStatus | 'carried';

export interface FollowUpEntry {
  status: FollowUpStatus;
  /** why a step was dropped ("avförd"), '' otherwise */
  why: string;
  at: number;
}

export interface FollowUpStep {
  id: string;
  what: string;
  who: string;
  when: string;
  origin: string;
  order: string;
  /** the meeting the step was decided in */
  fromMeetingId: string;
  status: FollowUpStatus;
  why: string;
  /** every status it has had, oldest first */
  history: FollowUpEntry[];
}

export interface RatingSettings {
  /** the survey question is asked in the check-out */
  enabled: boolean;
  revealed: boolean;
}

export interface RatingBallot {
  value: number;
  at: number;
}

export interface RatingResult {
  /** how many have rated */
  count: number;
  /** ratings per value 1…5, only when revealed and count ≥ RATING_MIN_SHOWN; otherwise null */
  distribution: number[] | null;
  /** ratings given or changed since the distribution was made, waiting for RATING_MIN_SHOWN of them */
  pending: number;
}

// --- The board's walk-through and the opened cluster (issue 19) ---
// Parse functions and the page rules live in common/walkthrough.ts and common/stagePages.ts.

export interface WalkthroughState {
  active: boolean;
  /** one author's notes after another, in the relay's shuffled order (the walkSections root) */
  byAuthor: boolean;
  /** the page shown (0-based); with auto paging, the page it started from */
  page: number;
  /** turn the page every N seconds; 0 = the facilitator turns it */
  autoSeconds: number;
  /** server-clock ms when auto paging started at `page`; null while the facilitator pages */
  autoStartedAt: number | null;
}

export interface OpenedOnStage {
  /** a cluster id, 'loose' for the notes in no cluster, '' for none */
  id: string;
  /** the page of that cluster's notes shown (0-based) */
  page: number;
}

// --- The guide's other methods as phases: bikupa (buzz) and fyra hörn (corners) (issue 22) ---
// Parse functions and the rules relay and phone share live in common/methods.ts.

export interface BuzzSettings {
  question: string;
  /** 'neighbours': in the order people joined (who came together sits together); 'mixed': organisations mixed */
  mode: 'neighbours' | 'mixed';
  /** 2 (pairs) or 3 (trios) */
  size: number;
  seed: number;
  /** which forming of the groups this is (a new id each time): a line from another round is not this round's */
  round: string;
}

export interface BuzzLineOut {
  /** the round the line was written in: a line kept from last round never goes up for this round's group */
  round: string;
  /** the group the phone believes it is in: a claim, checked against control.buzzGroups */
  group: number;
  text: string;
  updatedAt: number;
}

export interface BuzzLine {
  group: number;
  text: string;
  updatedAt: number;
}

export const CORNER_COUNT = 4;

export interface CornersSettings {
  statement: string;
  /** the four answers, one per corner */
  answers: string[];
  /** phones may pick a corner */
  open: boolean;
  /** the board shows how many stand in each corner; ballots are frozen from then on */
  revealed: boolean;
  /** the corners send their reasons */
  reasonsOpen: boolean;
}

export interface CornerBallot {
  choice: number;
  at: number;
}

export interface CornerResult {
  /** how many have picked a corner */
  count: number;
  /** people per corner, only when revealed and count ≥ RATING_MIN_SHOWN; otherwise null */
  totals: number[] | null;
}

export interface CornerReason {
  corner: number;
  text: string;
  updatedAt: number;
}
