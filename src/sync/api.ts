// The relay's small JSON API. Results are unions so views can say exactly what went wrong.
import { keepJoinSnapshot, type JoinState } from './joinSnapshot';

export type ApiError = 'notFound' | 'tooManyTries' | 'invalid' | 'network' | 'server';
export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiError; message?: string };

async function call<T>(path: string, init?: RequestInit): Promise<ApiResult<T>> {
  let response: Response;
  try {
    response = await fetch(path, {
      ...init,
      headers: { 'content-type': 'application/json', ...(init?.headers ?? {}) },
    });
  } catch {
    return { ok: false, error: 'network' };
  }
  if (response.ok) {
    try {
      return { ok: true, value: (await response.json()) as T };
    } catch {
      return { ok: false, error: 'server' };
    }
  }
  let message: string | undefined;
  try {
    message = ((await response.json()) as { error?: string }).error;
  } catch {
    // no JSON body
  }
  const error: ApiError =
    response.status === 404 ? 'notFound' : response.status === 429 ? 'tooManyTries' : response.status === 400 ? 'invalid' : 'server';
  return { ok: false, error, message };
}

export interface CreatedMeeting {
  meetingId: string;
  facilitatorKey: string;
  boardKey: string;
  joinCode: string;
}

export const createMeeting = (title: string) =>
  call<CreatedMeeting>('/api/meetings', { method: 'POST', body: JSON.stringify(title ? { title } : {}) });

export const resolveJoinCode = (code: string) => call<{ meetingId: string }>(`/api/join/${encodeURIComponent(code)}`);

export interface JoinedParticipant {
  participantId: string;
  participantKey: string;
}

/** Registers the participant; the meeting as it is now is kept for the phone's first view. */
export async function joinMeeting(meetingId: string, body: { name: string; organisation: string }): Promise<ApiResult<JoinedParticipant>> {
  const result = await call<JoinedParticipant & { state?: JoinState }>(`/api/meetings/${encodeURIComponent(meetingId)}/participants`, {
    method: 'POST',
    body: JSON.stringify(body),
  });
  if (!result.ok) return result;
  const { participantId, participantKey, state } = result.value;
  keepJoinSnapshot(meetingId, state);
  // only the identity goes on: it is what the device stores
  return { ok: true, value: { participantId, participantKey } };
}

export const updateParticipant = (
  meetingId: string,
  participantId: string,
  key: string,
  body: { name?: string; organisation?: string },
) =>
  call<unknown>(`/api/meetings/${encodeURIComponent(meetingId)}/participants/${encodeURIComponent(participantId)}`, {
    method: 'PATCH',
    headers: { authorization: `Bearer ${key}` },
    body: JSON.stringify(body),
  });

/** A new view-only board key; the old one stops working and its screens close. */
export const replaceBoardKey = (meetingId: string, facilitatorKey: string) =>
  call<{ boardKey: string }>(`/api/meetings/${encodeURIComponent(meetingId)}/board-key`, {
    method: 'POST',
    headers: { authorization: `Bearer ${facilitatorKey}` },
  });

export const fetchInfo = () => call<{ lanUrls: string[] }>('/api/info');

export async function sampleServerTime(apiBase = ''): Promise<{ sentAt: number; serverNow: number; receivedAt: number } | null> {
  const sentAt = Date.now();
  const result = await call<{ now: number }>(`${apiBase}/api/time`, { cache: 'no-store' });
  const receivedAt = Date.now();
  if (!result.ok || typeof result.value.now !== 'number') return null;
  return { sentAt, serverNow: result.value.now, receivedAt };
}
