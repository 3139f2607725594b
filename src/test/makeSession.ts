// A MeetingSession on in-memory docs with a fake awareness, for component tests.
// Shared with the other features' tests: keep the signature stable.
import * as Y from 'yjs';
import { createStore } from 'zustand/vanilla';
import { ControlRoots, DEFAULT_TEMPLATE, type Participant, type PhaseId } from '@common/schema';
import { createItem, rootFields, rootItems } from '@/doc/core';
import type { MeetingSession, PresenceSource, Role, SessionState } from '@/sync/session';

export interface FakeAwareness extends PresenceSource {
  /** sets (or with null removes) another device's state and emits 'change' */
  setRemote(clientId: number, state: Record<string, unknown> | null): void;
}

export function makeFakeAwareness(clientId = 1): FakeAwareness {
  const states = new Map<number, Record<string, unknown>>();
  const listeners = new Set<() => void>();
  const emit = () => listeners.forEach((cb) => cb());
  return {
    clientId,
    getStates: () => states,
    on: (_event, cb) => void listeners.add(cb),
    off: (_event, cb) => void listeners.delete(cb),
    setLocalStateField(field, value) {
      states.set(clientId, { ...(states.get(clientId) ?? {}), [field]: value });
      emit();
    },
    setRemote(id, state) {
      if (state) states.set(id, state);
      else states.delete(id);
      emit();
    },
  };
}

export interface MakeSessionOptions {
  role?: Role;
  /** for role 'participant'; defaults to 'p-self' */
  participantId?: string;
  meetingId?: string;
  phase?: PhaseId;
  title?: string;
  joinCode?: string | null;
  /** written into control.participants as the relay would; each gets an online awareness state unless online: false */
  participants?: (Partial<Participant> & { id: string; online?: boolean })[];
  clockOffsetMs?: number;
}

export interface TestSession extends MeetingSession {
  awareness: FakeAwareness;
  /** adds a participant the way the relay does, optionally online */
  addParticipant(p: Partial<Participant> & { id: string; online?: boolean }): void;
}

export function makeSession(options: MakeSessionOptions = {}): TestSession {
  const role = options.role ?? 'participant';
  const participantId = role === 'participant' ? options.participantId ?? 'p-self' : null;
  const docs = {
    meeting: new Y.Doc(),
    control: new Y.Doc(),
    private: role === 'participant' ? new Y.Doc() : undefined,
    inbox: role === 'facilitator' ? new Y.Doc() : undefined,
  };
  const { control } = docs;
  control.transact(() => {
    rootFields(control, ControlRoots.meeting).set('title', options.title ?? 'Samverkansforum');
    const phase = rootFields(control, ControlRoots.phase);
    phase.set('current', options.phase ?? 'setup');
    phase.set('phases', [...DEFAULT_TEMPLATE]);
  }, 'relay');
  const awareness = makeFakeAwareness(1);
  awareness.setLocalStateField('role', role);
  awareness.setLocalStateField('participantId', participantId);
  let nextClient = 100;
  const addParticipant: TestSession['addParticipant'] = ({ online = true, ...p }) => {
    const full: Participant = { name: p.id, organisation: '', joinedAt: nextClient, ...p };
    control.transact(() => createItem(rootItems(control, ControlRoots.participants), p.id, full), 'relay');
    if (online) awareness.setRemote(nextClient, { role: 'participant', participantId: p.id });
    nextClient++;
  };
  for (const p of options.participants ?? []) addParticipant(p);
  const local = createStore<SessionState>(() => ({
    connection: { status: 'connected' },
    clockOffsetMs: options.clockOffsetMs ?? 0,
    closedCode: null,
    loaded: true,
  }));
  return {
    meetingId: options.meetingId ?? 'meeting-id-for-tests-000',
    role,
    participantId,
    key: 'test-key-000000000000000',
    docs,
    local,
    awareness,
    joinCode: options.joinCode === undefined ? 'ABC234' : options.joinCode,
    addParticipant,
    close() {
      docs.meeting.destroy();
      docs.control.destroy();
    },
  };
}
