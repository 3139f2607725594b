// The relay's JSON API (common/api.ts) through one typed call(). Results are unions so views can
// say exactly what went wrong. Keys go in a header, never in a URL.
import { Api, ERROR_CODES, pathOf, type ApiAnswers, type ApiBodies, type CreatedMeeting, type Endpoint, type EndpointName, type ErrorCode, type ParamsOf } from '@common/api';
import { keepJoinSnapshot } from './joinSnapshot';

export type { CreatedMeeting };
export type ApiError = 'notFound' | 'tooManyTries' | 'invalid' | 'network' | 'server';
export interface ApiFailure {
  ok: false;
  error: ApiError;
  /** what the server said (its `{ error }`), else `network` or `HTTP <status>` */
  message: string;
  /** the server's own message, when it sent one */
  said?: string;
  /** the HTTP status (absent: no answer at all) */
  status?: number;
  /** what the server said went wrong (common/api.ts ERROR_CODES), for a view to say in its language */
  code?: ErrorCode;
}
export type ApiResult<T> = { ok: true; value: T } | ApiFailure;

export interface CallOptions<N extends EndpointName> {
  params: ParamsOf<N>;
  body?: ApiBodies[N];
  /** sent as `Authorization: Bearer` */
  key?: string;
  /** appended to the path, e.g. `?lang=en` */
  query?: string;
  /** another origin's relay (the board's clock check) */
  base?: string;
  cache?: RequestCache;
}

const errorOf = (status: number): ApiError =>
  status === 404 ? 'notFound' : status === 429 ? 'tooManyTries' : status === 400 ? 'invalid' : 'server';

/** One request to an endpoint; the answer is JSON, a file (text/calendar) or nothing (204: null). */
export async function call<N extends EndpointName>(name: N, options: CallOptions<N>): Promise<ApiResult<ApiAnswers[N]>> {
  const { body, key } = options;
  const endpoint: Endpoint = Api[name];
  let response: Response;
  try {
    response = await fetch(`${options.base ?? ''}${pathOf(name, options.params)}${options.query ?? ''}`, {
      method: endpoint.method,
      headers: { 'content-type': 'application/json', ...(key ? { authorization: `Bearer ${key}` } : {}) },
      ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
      ...(options.cache ? { cache: options.cache } : {}),
    });
  } catch {
    return { ok: false, error: 'network', message: 'network' };
  }
  if (response.ok && endpoint.file) return { ok: true, value: (await response.blob()) as ApiAnswers[N] };
  const text = await response.text().catch(() => '');
  let value: unknown = null;
  let parsed = true;
  try {
    if (text) value = JSON.parse(text);
  } catch {
    parsed = false;
  }
  if (response.ok) {
    return parsed ? { ok: true, value: value as ApiAnswers[N] } : { ok: false, error: 'server', message: `HTTP ${response.status}` };
  }
  const said = (value as { error?: unknown } | null)?.error;
  const code = (value as { code?: unknown } | null)?.code;
  return {
    ok: false,
    error: errorOf(response.status),
    message: typeof said === 'string' ? said : `HTTP ${response.status}`,
    status: response.status,
    ...(typeof said === 'string' ? { said } : {}),
    ...(ERROR_CODES.includes(code as ErrorCode) ? { code: code as ErrorCode } : {}),
  };
}

/** the path parameters of an endpoint that names none, and of one that names only its meeting */
export const none = {} as const;
export const meeting = (meetingId: string) => ({ meetingId });

export const createMeeting = (title: string) => call('createMeeting', { params: none, body: title ? { title } : {} });

export const resolveJoinCode = (code: string) => call('resolveJoinCode', { params: { code } });

export interface JoinedParticipant {
  participantId: string;
  participantKey: string;
}

/** Registers the participant; the meeting as it is now is kept for the phone's first view. */
export async function joinMeeting(meetingId: string, body: ApiBodies['addParticipant']): Promise<ApiResult<JoinedParticipant>> {
  const result = await call('addParticipant', { params: meeting(meetingId), body });
  if (!result.ok) return result;
  const { participantId, participantKey, state } = result.value;
  keepJoinSnapshot(meetingId, state);
  // only the identity goes on: it is what the device stores
  return { ok: true, value: { participantId, participantKey } };
}

export const updateParticipant = (meetingId: string, participantId: string, key: string, body: ApiBodies['renameParticipant']) =>
  call('renameParticipant', { params: { meetingId, participantId }, key, body });

/** A new view-only board key; the old one stops working and its screens close. */
export const replaceBoardKey = (meetingId: string, facilitatorKey: string) => call('replaceBoardKey', { params: meeting(meetingId), key: facilitatorKey });

export const fetchInfo = () => call('info', { params: none });

export async function sampleServerTime(apiBase = ''): Promise<{ sentAt: number; serverNow: number; receivedAt: number } | null> {
  const sentAt = Date.now();
  const result = await call('time', { params: none, base: apiBase, cache: 'no-store' });
  const receivedAt = Date.now();
  if (!result.ok || typeof result.value.now !== 'number') return null;
  return { sentAt, serverNow: result.value.now, receivedAt };
}
