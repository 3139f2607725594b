// The forum's term endpoints (server/http/calendar.ts): plan meetings, carry steps, calendar files
// and the feed key; the facilitator console's, kept out of the phone's code.
import type { ApiBodies } from '@common/api';
import { call, meeting } from './api';

export const planTerm = (meetingId: string, key: string, meetings: ApiBodies['planTerm']['meetings']) =>
  call('planTerm', { params: meeting(meetingId), key, body: { meetings } });
export const carrySteps = (meetingId: string, key: string) => call('carrySteps', { params: meeting(meetingId), key });
export const replaceFeedKey = (meetingId: string, key: string) => call('replaceFeedKey', { params: meeting(meetingId), key });
/** Whether the series has a feed, and where this meeting's open steps went (null: not yet). */
export const termState = (meetingId: string, key: string) => call('termState', { params: meeting(meetingId), key });
/** The planned meeting's .ics, as a file the browser saves. */
export const meetingIcs = (meetingId: string, key: string, lang: string) =>
  call('meetingIcs', { params: meeting(meetingId), key, query: `?lang=${encodeURIComponent(lang)}` });
/** A planned meeting's new day, time, place or link (its calendar event's SEQUENCE goes up). */
export const replan = (meetingId: string, key: string, plan: ApiBodies['replan']) => call('replan', { params: meeting(meetingId), key, body: plan });
