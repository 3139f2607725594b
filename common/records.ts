// Each record's defaults and its one parse function, used by the relay and the client alike.
// A parse function takes whatever a document holds (plain JSON, possibly written by an old or
// hostile client) and returns a well-typed record: missing fields get the defaults, wrong types
// are replaced, text goes through the shared text parser. Items return null when nothing usable is there.
import {
  CONVERSATION_PROMPTS,
  DEFAULT_TEMPLATE,
  Limits,
  NOTE_COLORS,
  PHASES,
  type AgendaItem,
  type AgendaProposal,
  type BoardDisplay,
  type CheckinState,
  type Cluster,
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
import { cleanText, withoutUnsafe, type TextRule } from './text';
import { JOIN_CODE_PATTERN } from './docNames';

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
    followup: { what: TextRules.stepWhat, who: TextRules.title, when: TextRules.stepOwner, origin: TextRules.groupAnswer, why: TextRules.followUpWhy },
    buzz: { question: TextRules.question },
    // answers: a list of four texts, each under the rule
    corners: { statement: TextRules.question, answers: TextRules.cornerAnswer },
  },
  group: {
    answers: { text: TextRules.groupAnswer },
  },
};

type Plain = string | number | boolean | null | Plain[] | { [key: string]: Plain };

/** Any other string (ids, order keys, dates, statuses): bidi and control characters removed, nothing else. */
function cleanPlain(value: Plain): Plain {
  if (typeof value === 'string') return withoutUnsafe(value);
  if (Array.isArray(value)) return value.map(cleanPlain);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, cleanPlain(v)]));
  return value;
}

/** A text under its rule; a list of texts (the corners' answers) each under it. */
function cleanRuled(value: Plain, rule: TextRule): Plain {
  if (typeof value === 'string') return cleanText(value, rule);
  if (Array.isArray(value)) return value.map((v) => (typeof v === 'string' ? cleanText(v, rule) : cleanPlain(v)));
  return cleanPlain(value);
}

function cleanFields(fields: Record<string, Plain>, rules: Record<string, TextRule>): Record<string, Plain> {
  const out: Record<string, Plain> = {};
  for (const [field, value] of Object.entries(fields)) {
    const rule = Object.hasOwn(rules, field) ? rules[field] : undefined;
    out[field] = rule ? cleanRuled(value, rule) : cleanPlain(value);
  }
  return out;
}

/**
 * A document's roots (plain JSON, e.g. from an archive) with every text through its rule in
 * TextFields and every other string without bidi or control characters; shapes are kept.
 */
export function cleanRoots<T extends Record<string, Record<string, unknown>>>(kind: keyof typeof TextFields, roots: T): T {
  const out: Record<string, Record<string, Plain>> = {};
  for (const [root, entries] of Object.entries(roots)) {
    const rules = Object.hasOwn(TextFields[kind], root) ? TextFields[kind][root] : {};
    const cleaned: Record<string, Plain> = {};
    for (const [key, value] of Object.entries(entries as Record<string, Plain>)) {
      if (isRecord(value)) cleaned[key] = cleanFields(value as Record<string, Plain>, rules);
      else if (Object.hasOwn(rules, key)) cleaned[key] = cleanRuled(value, rules[key]);
      else cleaned[key] = cleanPlain(value);
    }
    out[root] = cleaned;
  }
  return out as T;
}

// ---- tolerant field readers ----

type Fields = Record<string, unknown>;
const isRecord = (raw: unknown): raw is Fields => typeof raw === 'object' && raw !== null && !Array.isArray(raw);
const fieldsOf = (raw: unknown): Fields => (isRecord(raw) ? raw : {});
const text = (v: unknown, rule: TextRule) => cleanText(v, rule);
const bool = (v: unknown, fallback: boolean) => (typeof v === 'boolean' ? v : fallback);
const num = (v: unknown, fallback: number) => (typeof v === 'number' && Number.isFinite(v) ? v : fallback);
const int = (v: unknown, min: number, max: number, fallback: number) =>
  typeof v === 'number' && Number.isFinite(v) ? Math.max(min, Math.min(max, Math.floor(v))) : fallback;
const oneOf = <T extends string>(v: unknown, options: readonly T[], fallback: T): T =>
  (options as readonly unknown[]).includes(v) ? (v as T) : fallback;
const id = (v: unknown): string | null => (typeof v === 'string' && v.length > 0 && v.length <= 64 ? v : null);
const ids = (v: unknown): string[] => (Array.isArray(v) ? v.map(id).filter((x): x is string => x !== null) : []);
const order = (v: unknown) => (typeof v === 'string' && v.length <= 256 ? v : 'a0');
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

export const parsePrivateNote = itemParser<PrivateNote>((f, itemKey) => {
  const createdAt = num(f.createdAt, 0);
  return {
    id: itemKey,
    text: text(f.text, TextRules.note),
    color: color(f.color),
    tag: text(f.tag, TextRules.tag),
    group: groupNumber(f.group),
    createdAt,
    updatedAt: num(f.updatedAt, createdAt),
    state: oneOf(f.state, ['draft', 'revealed', 'removed'] as const, 'draft'),
  };
});

export const parseInboxNote = itemParser<InboxNote>((f, itemKey) => {
  return {
    id: itemKey,
    text: text(f.text, TextRules.note),
    color: color(f.color),
    tag: text(f.tag, TextRules.tag),
    group: groupNumber(f.group),
    authorId: id(f.authorId) ?? '',
    createdAt: num(f.createdAt, 0),
  };
});

export const parseNote = itemParser<Note>((f, itemKey) => {
  const note: Note = {
    id: itemKey,
    text: text(f.text, TextRules.note),
    color: color(f.color),
    tag: text(f.tag, TextRules.tag),
    group: groupNumber(f.group),
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
