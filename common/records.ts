// Each record's defaults and its one parse function, used by the relay and the client alike.
// A parse function takes whatever a document holds (plain JSON, possibly written by an old or
// hostile client) and returns a well-typed record: missing fields get the defaults, wrong types
// are replaced, text goes through the shared text parser. Items return null when nothing usable is there.
import {
  CONVERSATION_PROMPTS,
  DEFAULT_TEMPLATE,
  GROUP_QUESTIONS,
  Limits,
  NOTE_COLORS,
  PHASES,
  type AgendaItem,
  type AgendaProposal,
  type BoardDisplay,
  type CheckinState,
  type Cluster,
  type FollowUpStatus,
  type FollowUpStep,
  STEP_STATUSES,
  type DeepDiveGroup,
  type GroupAnswer,
  type Solution,
  type ClusteringSettings,
  type ConversationPrompt,
  type ExpectedOrg,
  type GatheringSettings,
  type Group,
  type InboxNote,
  type MeetingInfo,
  type Note,
  type NoteColor,
  type Participant,
  type PhaseId,
  type PhaseState,
  type PrivateNote,
  type PrivateProposal,
  type ProposalStatus,
  type RoundAnswer,
  type TimerState,
} from './schema';
import { cleanText, firstCodePoints, textLength, typedText, withoutUnsafe, type TextRule } from './text';
import { JOIN_CODE_PATTERN } from './docNames';
import type { Json, JsonObject } from './json';

/**
 * The rule for every kind of user-typed text; forms, commands, the HTTP API, relay actions, the
 * archive import and the readers use these. Limits are in code points (README: "Text limits").
 */
export const TextRules = {
  name: { max: Limits.nameMax, required: true, label: 'Name' },
  organisation: { max: Limits.organisationMax, required: true, label: 'Organisation' },
  title: { max: Limits.titleMax, label: 'Title' },
  forumName: { max: Limits.titleMax, label: 'Forum name' },
  purpose: { max: Limits.textMax, multiline: true, label: 'Purpose' },
  question: { max: Limits.textMax, multiline: true, label: 'Question' },
  agendaPoint: { max: Limits.textMax, required: true, label: 'Agenda point' },
  note: { max: Limits.noteMax, multiline: true, required: true, label: 'Note' },
  answer: { max: Limits.noteMax, multiline: true, label: 'Answer' },
  clusterName: { max: Limits.clusterNameMax, label: 'Cluster name' },
  handOver: { max: Limits.textMax, label: 'Hand over to' },
  tag: { max: Limits.organisationMax, label: 'Organisation' },
  groupName: { max: Limits.clusterNameMax, label: 'Group name' },
  /** a deep-dive group's answer, and the proposal collected from one for the solution vote */
  groupAnswer: { max: Limits.textMax, multiline: true, label: 'Answer' },
  stepWhat: { max: Limits.textMax, label: 'What' },
  stepOwner: { max: Limits.organisationMax, label: 'Who' },
  proposeTo: { max: Limits.organisationMax, label: 'Proposed to' },
  conclusion: { max: Limits.conclusionMax, multiline: true, label: 'Conclusion' },
  followUpWhy: { max: Limits.textMax, label: 'Why' },
  cornerAnswer: { max: Limits.clusterNameMax, label: 'Corner' },
  /** dialogkafé: a note at a table, and a host's summary of their table (common/cafe.ts) */
  cafeNote: { max: Limits.noteMax, multiline: true, label: 'Note' },
  cafeSummary: { max: Limits.textMax, multiline: true, label: 'Summary' },
  /** a planned meeting's place and video link (the term, common/term.ts) */
  planPlace: { max: 200, label: 'Place' },
  planLink: { max: 500, label: 'Link' },
} as const satisfies Record<string, TextRule>;

/**
 * Where each rule applies in the stored documents: doc kind → root → field → rule. A root is a
 * flat map (its fields are the texts) or a map of items (each item's fields are). The archive
 * import and "Planera nästa möte" clean every text they write through this table.
 */
export const TextFields: Record<'meeting' | 'control' | 'group', Record<string, Record<string, TextRule>>> = {
  meeting: {
    notes: { text: TextRules.note, tag: TextRules.tag, handOverTo: TextRules.handOver, authorName: TextRules.name },
    clusters: { name: TextRules.clusterName, handOverTo: TextRules.handOver },
    agendaProposals: { text: TextRules.agendaPoint },
    checkin: { text: TextRules.answer },
    checkout: { text: TextRules.answer },
    solutions: { text: TextRules.groupAnswer },
    nextSteps: { what: TextRules.stepWhat, ownerText: TextRules.stepOwner, proposeTo: TextRules.proposeTo },
    cafeNotes: { text: TextRules.cafeNote },
    cafeSummaries: { text: TextRules.cafeSummary },
    // bikupa's and fyra hörn's texts as the relay writes them (common/methods.ts parses them the same way)
    buzzLines: { text: TextRules.answer },
    cornerReasons: { text: TextRules.answer },
  },
  control: {
    meeting: { title: TextRules.title, purpose: TextRules.purpose, forumName: TextRules.forumName },
    expectedOrgs: { name: TextRules.organisation },
    agenda: { text: TextRules.agendaPoint },
    participants: { name: TextRules.name, organisation: TextRules.organisation },
    checkin: { question: TextRules.question },
    checkout: { question: TextRules.question },
    groups: { name: TextRules.groupName },
    summary: { conclusion: TextRules.conclusion },
    cafe: { question: TextRules.question },
    followup: { what: TextRules.stepWhat, who: TextRules.title, when: TextRules.stepOwner, origin: TextRules.groupAnswer, why: TextRules.followUpWhy },
    buzz: { question: TextRules.question },
    // answers: a list of four texts, each under the rule
    corners: { statement: TextRules.question, answers: TextRules.cornerAnswer },
  },
  group: {
    answers: { text: TextRules.groupAnswer },
  },
};

// ---- the tolerant readers: every record's parse function (here and in the feature rules beside
// it: voting.ts, rating.ts, nextSteps.ts, methods.ts, walkthrough.ts, grouping.ts, followup.ts),
// the relay actions and the summary read stored JSON through these and nothing else ----

type Fields = Record<string, unknown>;

/** An object that is not an array. */
export function isRecord(raw: Json | undefined): raw is JsonObject;
export function isRecord(raw: unknown): raw is Fields;
export function isRecord(raw: unknown): raw is Fields {
  return typeof raw === 'object' && raw !== null && !Array.isArray(raw);
}

/** The fields of an object, or none. */
function fieldsOf(raw: Json | undefined): JsonObject;
function fieldsOf(raw: unknown): Fields;
function fieldsOf(raw: unknown): Fields {
  return isRecord(raw) ? raw : {};
}

/** The entries of a root whose values are objects (nested items); anything else is skipped. */
function itemsOf(root: Json | undefined): [string, JsonObject][];
function itemsOf(root: unknown): [string, Fields][];
function itemsOf(root: unknown): [string, Fields][] {
  const out: [string, Fields][] = [];
  for (const [key, value] of Object.entries(fieldsOf(root))) if (isRecord(value)) out.push([key, value]);
  return out;
}

const ID_MAX = 64;
/** ≤ max code points (the length rule of every text), without counting when the UTF-16 length already says so */
const fits = (v: string, max: number) => v.length <= max || (v.length <= max * 2 && textLength(v) <= max);

export const read = {
  isRecord,
  fields: fieldsOf,
  items: itemsOf,
  /** what a person typed, through its rule (trimmed, cut at rule.max code points) */
  text: (v: unknown, rule: Pick<TextRule, 'max' | 'multiline'>): string => cleanText(v, rule),
  /** a text bound to a field as it is typed: blanks stay where the typist put them (common/text.ts typedText) */
  typed: (v: unknown, rule: Pick<TextRule, 'max' | 'multiline'>): string => typedText(v, rule),
  bool: (v: unknown, fallback = false): boolean => (typeof v === 'boolean' ? v : fallback),
  num: (v: unknown, fallback: number): number => (typeof v === 'number' && Number.isFinite(v) ? v : fallback),
  /** a finite number or null (a moment not set) */
  numOrNull: (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null),
  /** a number brought into [min, max] and down to a whole one */
  int: (v: unknown, min: number, max: number, fallback: number): number =>
    typeof v === 'number' && Number.isFinite(v) ? Math.max(min, Math.min(max, Math.floor(v))) : fallback,
  /** a whole number in [min, max], or the fallback: for a choice, where a near value would be another answer */
  whole: (v: unknown, min: number, max: number, fallback: number): number =>
    typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max ? v : fallback,
  oneOf: <T extends string>(v: unknown, options: readonly T[], fallback: T): T => ((options as readonly unknown[]).includes(v) ? (v as T) : fallback),
  /** an id: 1–64 code points with nothing unsafe in it, or null (an id is matched, never repaired) */
  id: (v: unknown): string | null => (typeof v === 'string' && v.length > 0 && fits(v, ID_MAX) && withoutUnsafe(v) === v ? v : null),
  /** a list of ids, each once */
  ids: (v: unknown): string[] => (Array.isArray(v) ? [...new Set(v.map(read.id).filter((x): x is string => x !== null))] : []),
  /** any other stored string that is no typed text (an order key, a date, a status): unsafe characters removed, cut at `max` code points */
  key: (v: unknown, max = ID_MAX): string => (typeof v === 'string' ? firstCodePoints(withoutUnsafe(v), max) : ''),
  /** a fractional-index order key; 'a0' when there is none */
  order: (v: unknown): string => (typeof v === 'string' && fits(v, 256) ? withoutUnsafe(v) : 'a0'),
};

const { text, bool, num, int, oneOf, id, ids, order } = read;
/** an item's id: its key in the map is the truth, whatever its own id field says */
const itemId = (f: Fields, key: string | undefined) => key ?? id(f.id);

/** A parser for one nested item: null unless it is an object with an id (its key, or its own id field). */
function itemParser<T>(build: (f: Fields, itemKey: string) => T): (raw: unknown, key?: string) => T | null {
  return (raw, key) => {
    const f = fieldsOf(raw);
    const itemKey = itemId(f, key);
    if (!itemKey || !isRecord(raw)) return null;
    return build(f, itemKey);
  };
}

// ---- control document: flat settings maps ----

export const Defaults = {
  meetingInfo: { title: '', purpose: '', forumName: '' } satisfies MeetingInfo,
  phase: { current: 'setup', phases: [...DEFAULT_TEMPLATE] } satisfies PhaseState,
  timer: { status: 'idle', durationMs: 5 * 60_000 } satisfies TimerState,
  checkin: { question: '', order: [], current: null, spoken: [], speakerSeconds: 0, speakerStartedAt: null } satisfies CheckinState,
  /** three groups: a forum of 10–15 people gets groups of four or five */
  gathering: { mode: 'individual', groupCount: 3, showAuthors: false, revealed: false } satisfies GatheringSettings,
  clustering: { participantsMayMove: false } satisfies ClusteringSettings,
  board: { prompt: null, showRules: false, joinHidden: false } satisfies BoardDisplay,
} as const;

/** Timer durations a facilitator can set: up to four hours. */
const TIMER_MAX_MS = 4 * 60 * 60_000;

export function parseMeetingInfo(raw: unknown): MeetingInfo {
  const f = fieldsOf(raw);
  const info: MeetingInfo = {
    title: text(f.title, TextRules.title),
    purpose: text(f.purpose, TextRules.purpose),
    forumName: text(f.forumName, TextRules.forumName),
  };
  if (typeof f.joinCode === 'string' && JOIN_CODE_PATTERN.test(f.joinCode)) info.joinCode = f.joinCode;
  return info;
}

export function parsePhaseState(raw: unknown): PhaseState {
  const f = fieldsOf(raw);
  const listed = Array.isArray(f.phases) ? f.phases.filter((p): p is PhaseId => (PHASES as readonly unknown[]).includes(p)) : null;
  const phases = listed ? [...new Set(listed)] : [...DEFAULT_TEMPLATE];
  const current = oneOf<PhaseId>(f.current, PHASES, phases[0] ?? 'setup');
  return { current, phases };
}

export function parseTimerState(raw: unknown): TimerState {
  const f = fieldsOf(raw);
  const durationMs = int(f.durationMs, 0, TIMER_MAX_MS, Defaults.timer.durationMs);
  if (f.status === 'running' && typeof f.endsAt === 'number' && Number.isFinite(f.endsAt)) {
    return { status: 'running', durationMs, endsAt: f.endsAt };
  }
  if (f.status === 'paused' && typeof f.remainingMs === 'number' && Number.isFinite(f.remainingMs)) {
    return { status: 'paused', durationMs, remainingMs: f.remainingMs };
  }
  return { status: 'idle', durationMs };
}

export function parseCheckinState(raw: unknown): CheckinState {
  const f = fieldsOf(raw);
  return {
    question: text(f.question, TextRules.question),
    order: ids(f.order),
    current: id(f.current),
    spoken: ids(f.spoken),
    speakerSeconds: int(f.speakerSeconds, 0, 3600, 0),
    speakerStartedAt: typeof f.speakerStartedAt === 'number' && Number.isFinite(f.speakerStartedAt) ? f.speakerStartedAt : null,
  };
}

export function parseGatheringSettings(raw: unknown): GatheringSettings {
  const f = fieldsOf(raw);
  const d = Defaults.gathering;
  return {
    mode: oneOf(f.mode, ['individual', 'group'] as const, d.mode),
    groupCount: int(f.groupCount, 1, Limits.groupCountMax, d.groupCount),
    showAuthors: bool(f.showAuthors, d.showAuthors),
    revealed: bool(f.revealed, d.revealed),
  };
}

export function parseClusteringSettings(raw: unknown): ClusteringSettings {
  return { participantsMayMove: bool(fieldsOf(raw).participantsMayMove, Defaults.clustering.participantsMayMove) };
}

export function parseBoardDisplay(raw: unknown): BoardDisplay {
  const f = fieldsOf(raw);
  return {
    prompt: (CONVERSATION_PROMPTS as readonly unknown[]).includes(f.prompt) ? (f.prompt as ConversationPrompt) : null,
    showRules: bool(f.showRules, Defaults.board.showRules),
    joinHidden: bool(f.joinHidden, Defaults.board.joinHidden),
  };
}

// ---- items (one nested map each, keyed by id) ----

export const parseExpectedOrg = itemParser<ExpectedOrg>((f, itemKey) => {
  return { id: itemKey, name: text(f.name, TextRules.organisation), order: order(f.order) };
});

export const parseAgendaItem = itemParser<AgendaItem>((f, itemKey) => {
  return { id: itemKey, text: text(f.text, TextRules.agendaPoint), order: order(f.order), proposalId: id(f.proposalId) };
});

export const parseAgendaProposal = itemParser<AgendaProposal>((f, itemKey) => {
  return {
    id: itemKey,
    text: text(f.text, TextRules.agendaPoint),
    participantId: id(f.participantId) ?? '',
    status: oneOf<ProposalStatus>(f.status, ['proposed', 'accepted', 'declined'], 'proposed'),
    createdAt: num(f.createdAt, 0),
  };
});

export const parsePrivateProposal = itemParser<PrivateProposal>((f, itemKey) => {
  return { id: itemKey, text: text(f.text, TextRules.agendaPoint), createdAt: num(f.createdAt, 0) };
});

export const parseGroup = itemParser<Group>((f, itemKey) => {
  return { id: itemKey, name: text(f.name, TextRules.groupName), order: order(f.order) };
});

/** A deep-dive group: the Group fields plus its chosen area. */
export const parseDeepDiveGroup = itemParser<DeepDiveGroup>((f, itemKey) => {
  return { id: itemKey, name: text(f.name, TextRules.groupName), order: order(f.order), areaId: read.key(f.areaId) };
});

/** One answer in a group's document (its text a Y.Text, read as a string). */
export const parseGroupAnswer = itemParser<GroupAnswer>((f, itemKey) => {
  return {
    id: itemKey,
    question: oneOf(f.question, GROUP_QUESTIONS, 'why'),
    text: text(f.text, TextRules.groupAnswer),
    order: order(f.order),
    createdAt: num(f.createdAt, 0),
  };
});

/** A proposal the relay collected from a group for the solution vote. */
export const parseSolution = itemParser<Solution>((f, itemKey) => {
  return { id: itemKey, text: text(f.text, TextRules.groupAnswer), groupId: read.key(f.groupId), areaId: read.key(f.areaId), order: order(f.order) };
});

export const parseParticipant = itemParser<Participant>((f, itemKey) => {
  return {
    id: itemKey,
    name: text(f.name, TextRules.name),
    organisation: text(f.organisation, TextRules.organisation),
    joinedAt: num(f.joinedAt, 0),
  };
});

export function parseRoundAnswer(raw: unknown): RoundAnswer | null {
  if (!isRecord(raw)) return null;
  const f = fieldsOf(raw);
  return { text: text(f.text, TextRules.answer), passed: bool(f.passed, false), updatedAt: num(f.updatedAt, 0) };
}

const color = (v: unknown): NoteColor => oneOf(v, NOTE_COLORS, 'yellow');
const groupNumber = (v: unknown) => int(v, 0, Limits.groupCountMax, 0);
/** what every kind of note holds: the text, its colour, the organisation tag and the group */
const noteBody = (f: Fields) => ({ text: text(f.text, TextRules.note), color: color(f.color), tag: text(f.tag, TextRules.tag), group: groupNumber(f.group) });

export const parsePrivateNote = itemParser<PrivateNote>((f, itemKey) => {
  const createdAt = num(f.createdAt, 0);
  return {
    id: itemKey,
    ...noteBody(f),
    createdAt,
    updatedAt: num(f.updatedAt, createdAt),
    state: oneOf(f.state, ['draft', 'revealed', 'removed'] as const, 'draft'),
  };
});

export const parseInboxNote = itemParser<InboxNote>((f, itemKey) => {
  return {
    id: itemKey,
    ...noteBody(f),
    authorId: id(f.authorId) ?? '',
    createdAt: num(f.createdAt, 0),
  };
});

export const parseNote = itemParser<Note>((f, itemKey) => {
  const note: Note = {
    id: itemKey,
    ...noteBody(f),
    clusterId: id(f.clusterId),
    stackedOn: id(f.stackedOn),
    parked: bool(f.parked, false),
    handOverTo: text(f.handOverTo, TextRules.handOver),
    order: order(f.order),
    createdAt: num(f.createdAt, 0),
  };
  const authorId = id(f.authorId);
  if (authorId) note.authorId = authorId;
  if (typeof f.authorName === 'string') note.authorName = text(f.authorName, TextRules.name);
  return note;
});

export const parseCluster = itemParser<Cluster>((f, itemKey) => {
  return {
    id: itemKey,
    name: text(f.name, TextRules.clusterName),
    order: order(f.order),
    parked: bool(f.parked, false),
    handOverTo: text(f.handOverTo, TextRules.handOver),
    createdAt: num(f.createdAt, 0),
  };
});

/** more history than any forum makes; a hand-made list is cut to its latest entries */
const HISTORY_MAX = 200;

/** A stored status: follow-ups written before the one vocabulary said 'doing' for 'ongoing'. */
function followUpStatus(v: unknown): FollowUpStatus {
  return read.oneOf(v === 'doing' ? 'ongoing' : v, [...STEP_STATUSES, 'carried'] as const, 'carried');
}

/** A carried step as stored in control.followup (the relay, plan-next or an old archive wrote it); null when it is no item. */
export function parseFollowUpStep(raw: unknown, itemKey: string): FollowUpStep | null {
  if (!read.isRecord(raw)) return null;
  const R = TextFields.control.followup;
  const history = Array.isArray(raw.history) ? raw.history.filter(read.isRecord).slice(-HISTORY_MAX) : [];
  return {
    id: itemKey,
    what: read.text(raw.what, R.what),
    who: read.text(raw.who, R.who),
    when: read.text(raw.when, R.when),
    origin: read.text(raw.origin, R.origin),
    order: read.order(raw.order),
    fromMeetingId: read.key(raw.fromMeetingId),
    status: followUpStatus(raw.status),
    why: read.text(raw.why, R.why),
    history: history.map((h) => ({ status: followUpStatus(h.status), why: read.text(h.why, R.why), at: read.num(h.at, 0) })),
  };
}
