// The relay's JSON API as both sides see it: every endpoint's method, path and who may call it,
// with the body it takes and the answer it gives. The relay's route table (server/http/routeTable.ts)
// registers a handler per endpoint and the client's one call() (src/sync/api.ts) builds requests
// from the same entries, so a path, a field or an answer is written here once.
import type { SeriesMeeting } from './series';
import type { MeetingPlan, PlannedMeeting } from './term';

export type Method = 'GET' | 'HEAD' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * Who may call an endpoint: anyone; any key of the meeting (`Authorization: Bearer`); only its
 * facilitator key; or the admin token on the server itself.
 */
export type Caller = 'anyone' | 'key' | 'facilitator' | 'admin';

export interface Endpoint {
  method: Method;
  /** `/api/...` with `:name` for each path parameter */
  path: string;
  caller: Caller;
  /** a GET that also answers HEAD (calendar files) */
  head?: boolean;
  /** the answer is a file (text/calendar), not JSON */
  file?: boolean;
}

export const Api = {
  createMeeting: { method: 'POST', path: '/api/meetings', caller: 'anyone' },
  resolveJoinCode: { method: 'GET', path: '/api/join/:code', caller: 'anyone' },
  addParticipant: { method: 'POST', path: '/api/meetings/:meetingId/participants', caller: 'anyone' },
  renameParticipant: { method: 'PATCH', path: '/api/meetings/:meetingId/participants/:participantId', caller: 'key' },
  replaceBoardKey: { method: 'POST', path: '/api/meetings/:meetingId/board-key', caller: 'facilitator' },
  time: { method: 'GET', path: '/api/time', caller: 'anyone' },
  info: { method: 'GET', path: '/api/info', caller: 'anyone' },
  // the meeting's life cycle (server/http/lifecycle.ts)
  closeMeeting: { method: 'POST', path: '/api/meetings/:meetingId/close', caller: 'facilitator' },
  reopenMeeting: { method: 'POST', path: '/api/meetings/:meetingId/reopen', caller: 'facilitator' },
  deleteMeeting: { method: 'DELETE', path: '/api/meetings/:meetingId', caller: 'facilitator' },
  replaceFacilitatorKey: { method: 'POST', path: '/api/meetings/:meetingId/facilitator-key', caller: 'facilitator' },
  series: { method: 'GET', path: '/api/meetings/:meetingId/series', caller: 'facilitator' },
  planNextMeeting: { method: 'POST', path: '/api/meetings/:meetingId/next', caller: 'facilitator' },
  importArchive: { method: 'POST', path: '/api/import', caller: 'anyone' },
  backup: { method: 'POST', path: '/api/admin/backup', caller: 'admin' },
  // the forum's term and its calendars (server/http/calendar.ts)
  planTerm: { method: 'POST', path: '/api/meetings/:meetingId/term', caller: 'facilitator' },
  termState: { method: 'GET', path: '/api/meetings/:meetingId/term', caller: 'facilitator' },
  replan: { method: 'PUT', path: '/api/meetings/:meetingId/plan', caller: 'facilitator' },
  carrySteps: { method: 'POST', path: '/api/meetings/:meetingId/carry', caller: 'facilitator' },
  meetingIcs: { method: 'GET', path: '/api/meetings/:meetingId/calendar.ics', caller: 'facilitator', head: true, file: true },
  replaceFeedKey: { method: 'POST', path: '/api/meetings/:meetingId/feed-key', caller: 'facilitator' },
  /** the feed's key is in the path (calendar apps cannot send a header) */
  calendarFeed: { method: 'GET', path: '/api/calendar/:file', caller: 'anyone', head: true, file: true },
} as const satisfies Record<string, Endpoint>;

export type EndpointName = keyof typeof Api;

/** What a new meeting's facilitator gets (create, import, next meeting, each planned meeting). */
export interface CreatedMeeting {
  meetingId: string;
  facilitatorKey: string;
  /** the view-only board key */
  boardKey: string;
  joinCode: string;
}

export interface ParticipantFields {
  name: string;
  organisation: string;
}

/** base64 Yjs updates of the two documents every participant reads, as they were at the join */
export interface JoinState {
  meeting: string;
  control: string;
}

export interface PlannedCreated extends CreatedMeeting {
  plan: PlannedMeeting;
}

/** The body each endpoint takes (undefined: none). */
export interface ApiBodies {
  createMeeting: { title?: string };
  resolveJoinCode: undefined;
  addParticipant: ParticipantFields;
  renameParticipant: Partial<ParticipantFields>;
  replaceBoardKey: undefined;
  time: undefined;
  info: undefined;
  closeMeeting: undefined;
  reopenMeeting: undefined;
  deleteMeeting: undefined;
  replaceFacilitatorKey: undefined;
  series: undefined;
  planNextMeeting: undefined;
  /** the archive file's text as it was exported */
  importArchive: string;
  backup: { dir: string };
  planTerm: { meetings: Partial<MeetingPlan>[] };
  termState: undefined;
  replan: MeetingPlan;
  carrySteps: undefined;
  meetingIcs: undefined;
  replaceFeedKey: undefined;
  calendarFeed: undefined;
}

/** What each endpoint answers on success (errors are `{ error }` with a readable message). */
export interface ApiAnswers {
  createMeeting: CreatedMeeting;
  resolveJoinCode: { meetingId: string };
  addParticipant: { participantId: string; participantKey: string; state: JoinState };
  renameParticipant: { participantId: string; name: unknown; organisation: unknown };
  replaceBoardKey: { boardKey: string };
  time: { now: number };
  info: { lanUrls: string[] };
  closeMeeting: { closed: boolean };
  reopenMeeting: { closed: boolean };
  /** 204, no body */
  deleteMeeting: null;
  replaceFacilitatorKey: { facilitatorKey: string };
  series: { meetings: SeriesMeeting[] };
  planNextMeeting: CreatedMeeting;
  importArchive: CreatedMeeting;
  backup: unknown;
  planTerm: { meetings: PlannedCreated[] };
  termState: { feed: boolean; carriedTo: { date: string; title: string } | null };
  replan: { plan: PlannedMeeting };
  carrySteps: { meetingId: string; date: string; steps: number };
  /** text/calendar */
  meetingIcs: Blob;
  replaceFeedKey: { feedKey: string; feedPath: string };
  /** text/calendar */
  calendarFeed: Blob;
}

/**
 * What went wrong, for the client to say in its own language (the `error` text is English, for
 * logs and curl): the term's and calendar routes send one with every refusal, as does any 503 of a
 * meeting another instance serves.
 */
export const ERROR_CODES = ['invalidPlan', 'tooManyMeetings', 'alreadyCarried', 'nothingPlannedAfter', 'noPlan', 'notFound', 'servedElsewhere'] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** Every error answer's body. */
export interface ErrorAnswer {
  error: string;
  code?: ErrorCode;
}

/** The path parameters a path names (`:meetingId` → `{ meetingId: string }`). */
export type PathParams<P extends string> = P extends `${string}:${infer Name}/${infer Rest}`
  ? { [K in Name]: string } & PathParams<Rest>
  : P extends `${string}:${infer Name}`
    ? { [K in Name]: string }
    : Record<never, string>;

export type ParamsOf<N extends EndpointName> = PathParams<(typeof Api)[N]['path']>;

/** The endpoint's path with its parameters filled in, each encoded as one path segment. */
export function pathOf<N extends EndpointName>(name: N, params: ParamsOf<N>): string {
  const values = params as Record<string, string>;
  return Api[name].path.replace(/:(\w+)/g, (_, key: string) => encodeURIComponent(values[key] ?? ''));
}
