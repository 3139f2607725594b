// The meeting life-cycle API (close, reopen, delete, key, import). The facilitator key goes in a
// header, never in a URL.
import type { SeriesMeeting } from '@common/series';

export type LifecycleResult<T> = { ok: true; value: T } | { ok: false; message: string };

async function call<T>(path: string, init: RequestInit, key?: string): Promise<LifecycleResult<T>> {
  let response: Response;
  try {
    response = await fetch(path, {
      ...init,
      headers: { 'content-type': 'application/json', ...(key ? { authorization: `Bearer ${key}` } : {}) },
    });
  } catch {
    return { ok: false, message: 'network' };
  }
  const text = await response.text().catch(() => '');
  let body: unknown = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    // no JSON body
  }
  if (response.ok) return { ok: true, value: body as T };
  return { ok: false, message: (body as { error?: string } | null)?.error ?? `HTTP ${response.status}` };
}

const base = (meetingId: string) => `/api/meetings/${encodeURIComponent(meetingId)}`;

export const closeMeeting = (meetingId: string, key: string) => call<{ closed: boolean }>(`${base(meetingId)}/close`, { method: 'POST' }, key);
export const reopenMeeting = (meetingId: string, key: string) => call<{ closed: boolean }>(`${base(meetingId)}/reopen`, { method: 'POST' }, key);
export const deleteMeeting = (meetingId: string, key: string) => call<null>(base(meetingId), { method: 'DELETE' }, key);
export const replaceFacilitatorKey = (meetingId: string, key: string) =>
  call<{ facilitatorKey: string }>(`${base(meetingId)}/facilitator-key`, { method: 'POST' }, key);
export const importArchive = (text: string) =>
  call<{ meetingId: string; facilitatorKey: string; joinCode: string }>('/api/import', { method: 'POST', body: text });
export const fetchSeries = (meetingId: string, key: string) => call<{ meetings: SeriesMeeting[] }>(`${base(meetingId)}/series`, { method: 'GET' }, key);
export const planNextMeeting = (meetingId: string, key: string) =>
  call<{ meetingId: string; facilitatorKey: string; joinCode: string }>(`${base(meetingId)}/next`, { method: 'POST' }, key);
