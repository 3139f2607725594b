// What this device remembers between visits: its participant identity per meeting, and the
// facilitator keys of meetings it created (so the landing page can list "your meetings").
import type { JoinedParticipant } from './api';

const participantKey = (meetingId: string) => `svv:participant:${meetingId}`;
const facilitatorKey = (meetingId: string) => `svv:facilitator:${meetingId}`;

function read<T>(key: string): T | null {
  try {
    const raw = globalThis.localStorage?.getItem(key);
    return raw ? (JSON.parse(raw) as T) : null;
  } catch {
    return null;
  }
}

function write(key: string, value: unknown): void {
  try {
    globalThis.localStorage?.setItem(key, JSON.stringify(value));
  } catch {
    // storage blocked: the identity lasts for this page only
  }
}

export function loadParticipant(meetingId: string): JoinedParticipant | null {
  const saved = read<JoinedParticipant>(participantKey(meetingId));
  return saved && typeof saved.participantId === 'string' && typeof saved.participantKey === 'string' ? saved : null;
}

export const saveParticipant = (meetingId: string, identity: JoinedParticipant) =>
  write(participantKey(meetingId), identity);

export function forgetParticipant(meetingId: string): void {
  try {
    globalThis.localStorage?.removeItem(participantKey(meetingId));
  } catch {
    // nothing to forget
  }
}

export interface FacilitatorRecord {
  meetingId: string;
  key: string;
  /** the view-only board key, when this device created the meeting or replaced the key */
  boardKey?: string | null;
  joinCode: string | null;
  title: string;
  savedAt: number;
  /** the planned day of a meeting planned in a term (yyyy-mm-dd) */
  date?: string;
}

export const loadFacilitator = (meetingId: string) => read<FacilitatorRecord>(facilitatorKey(meetingId));

/** Merges into what is saved, so a later visit with only the key keeps the join code and title. */
export function saveFacilitator(record: Partial<FacilitatorRecord> & { meetingId: string; key: string }): FacilitatorRecord {
  const previous = loadFacilitator(record.meetingId);
  const merged: FacilitatorRecord = {
    joinCode: null,
    title: '',
    savedAt: Date.now(),
    ...(previous && previous.key === record.key ? previous : {}),
    ...Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined && v !== null && v !== '')),
  } as FacilitatorRecord;
  write(facilitatorKey(record.meetingId), merged);
  return merged;
}

export function listFacilitatorMeetings(): FacilitatorRecord[] {
  const out: FacilitatorRecord[] = [];
  try {
    const storage = globalThis.localStorage;
    if (!storage) return out;
    for (let i = 0; i < storage.length; i++) {
      const key = storage.key(i);
      if (!key?.startsWith('svv:facilitator:')) continue;
      const record = read<FacilitatorRecord>(key);
      if (record?.meetingId && record.key) out.push(record);
    }
  } catch {
    // storage blocked
  }
  return out.sort((a, b) => b.savedAt - a.savedAt);
}

const tabKey = (meetingId: string, view: string) => `svv:key:${view}:${meetingId}`;

/** Keeps a key taken out of the address bar for this tab (reloads keep it; other tabs do not see it). */
export function rememberTabKey(meetingId: string, view: string, key: string): void {
  try {
    globalThis.sessionStorage?.setItem(tabKey(meetingId, view), key);
  } catch {
    // storage blocked: the key lasts for this page only
  }
}

export function tabKeyFor(meetingId: string, view: string): string | null {
  try {
    return globalThis.sessionStorage?.getItem(tabKey(meetingId, view)) ?? null;
  } catch {
    return null;
  }
}
