// The meeting life-cycle endpoints (close, reopen, delete, key, import, series, next meeting):
// the facilitator console's, kept out of the phone's code.
import { call, meeting, none } from './api';

export const closeMeeting = (meetingId: string, key: string) => call('closeMeeting', { params: meeting(meetingId), key });
export const reopenMeeting = (meetingId: string, key: string) => call('reopenMeeting', { params: meeting(meetingId), key });
export const deleteMeeting = (meetingId: string, key: string) => call('deleteMeeting', { params: meeting(meetingId), key });
export const replaceFacilitatorKey = (meetingId: string, key: string) => call('replaceFacilitatorKey', { params: meeting(meetingId), key });
export const importArchive = (text: string) => call('importArchive', { params: none, body: text });
export const fetchSeries = (meetingId: string, key: string) => call('series', { params: meeting(meetingId), key });
export const planNextMeeting = (meetingId: string, key: string) => call('planNextMeeting', { params: meeting(meetingId), key });
