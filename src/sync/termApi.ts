// The forum's term API (server/http/calendar.ts): plan meetings, carry steps, calendar files and
// the feed key. The facilitator key goes in a header, never in a URL.
import type { MeetingPlan, PlannedMeeting } from '@common/term';

export type TermResult<T> = { ok: true; value: T } | { ok: false; message: string };

export interface PlannedCreated {
  meetingId: string;
  facilitatorKey: string;
  boardKey: string;
  joinCode: string;
  plan: PlannedMeeting;
}

async function call<T>(path: string, init: RequestInit, key: string, read: (r: Response) => Promise<T>): Promise<TermResult<T>> {
  let response: Response;
  try {
    response = await fetch(path, { ...init, headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` } });
  } catch {
    return { ok: false, message: 'network' };
  }
  if (response.ok) return { ok: true, value: await read(response) };
  const body = (await response.json().catch(() => null)) as { error?: string } | null;
  return { ok: false, message: body?.error ?? `HTTP ${response.status}` };
}

const base = (meetingId: string) => `/api/meetings/${encodeURIComponent(meetingId)}`;
const json = <T>(r: Response) => r.json() as Promise<T>;

export const planTerm = (meetingId: string, key: string, meetings: Partial<MeetingPlan>[]) =>
  call(`${base(meetingId)}/term`, { method: 'POST', body: JSON.stringify({ meetings }) }, key, json<{ meetings: PlannedCreated[] }>);

export const carrySteps = (meetingId: string, key: string) =>
  call(`${base(meetingId)}/carry`, { method: 'POST' }, key, json<{ meetingId: string; date: string; steps: number }>);

export const replaceFeedKey = (meetingId: string, key: string) =>
  call(`${base(meetingId)}/feed-key`, { method: 'POST' }, key, json<{ feedKey: string; feedPath: string }>);

/** Whether the series has a feed, and where this meeting's open steps went (null: not yet). */
export const termState = (meetingId: string, key: string) =>
  call(`${base(meetingId)}/term`, { method: 'GET' }, key, json<{ feed: boolean; carriedTo: { date: string; title: string } | null }>);

/** The planned meeting's .ics, as a file the browser saves. */
export const meetingIcs = (meetingId: string, key: string, lang: string) =>
  call(`${base(meetingId)}/calendar.ics?lang=${encodeURIComponent(lang)}`, { method: 'GET' }, key, (r) => r.blob());

/** A planned meeting's new day, time, place or link (its calendar event's SEQUENCE goes up). */
export const replan = (meetingId: string, key: string, plan: MeetingPlan) =>
  call(`${base(meetingId)}/plan`, { method: 'PUT', body: JSON.stringify(plan) }, key, json<{ plan: PlannedMeeting }>);
