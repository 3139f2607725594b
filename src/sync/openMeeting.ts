// Opens one meeting on this device: a Y.Doc per document, a WebsocketProvider and an IndexedDB
// copy for each (edits made offline stay on the device and merge on reconnect), a combined
// connection state, the server clock offset, and awareness for presence.
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { IndexeddbPersistence } from 'y-indexeddb';
import { createStore } from 'zustand/vanilla';
import { CloseCode, controlDocName, inboxDocName, meetingDocName, privateDocName } from '@common/docNames';
import { bestOffset, estimateOffset } from '@/doc/clock';
import type { MeetingDocs } from '@/doc/core';
import type { MeetingSession, Role, SessionState } from './session';
import { sampleServerTime } from './api';
import { takeJoinSnapshot } from './joinSnapshot';
import { combineConnection, type ProviderStatus } from './connectionState';
import { renewPresenceOnReconnect } from './presenceRenewal';
import { superviseReconnect } from './reconnect';

export interface OpenMeetingOptions {
  meetingId: string;
  role: Role;
  key: string;
  participantId?: string | null;
  joinCode?: string | null;
  /** defaults to this page's origin, ws(s)://host/ws */
  serverUrl?: string;
  /** defaults to this page's origin; tests in Node pass the relay's http URL */
  apiBase?: string;
  /** Node has no global WebSocket (tests pass ws's); also turns off BroadcastChannel so tests prove the relay */
  WebSocketPolyfill?: unknown;
  /** a socket not synced this long after it began connecting is given up and retried (SYNC_TIMEOUT_MS; tests shorten it) */
  syncTimeoutMs?: number;
}

const CLOCK_RESYNC_MS = 5 * 60_000;
const JOIN_ORIGIN = Symbol('join answer');

// refusals that retrying cannot fix; anything else (e.g. 4429 too many connections) backs off and retries
const PERMANENT: readonly number[] = [CloseCode.badDocName, CloseCode.badKey, CloseCode.forbidden, CloseCode.unknownMeeting];

function defaultServerUrl(): string {
  return location.origin.replace(/^http/, 'ws') + '/ws';
}

export function openMeeting(options: OpenMeetingOptions): MeetingSession {
  const { meetingId, role, key } = options;
  const participantId = role === 'participant' ? options.participantId ?? null : null;
  const serverUrl = options.serverUrl ?? defaultServerUrl();

  const docs: MeetingDocs = { meeting: new Y.Doc(), control: new Y.Doc() };
  const names: [Y.Doc, string][] = [
    [docs.meeting, meetingDocName(meetingId)],
    [docs.control, controlDocName(meetingId)],
  ];
  if (participantId) {
    docs.private = new Y.Doc();
    names.push([docs.private, privateDocName(meetingId, participantId)]);
  }
  if (role === 'facilitator') {
    docs.inbox = new Y.Doc();
    names.push([docs.inbox, inboxDocName(meetingId)]);
  }

  const local = createStore<SessionState>(() => ({
    connection: { status: 'connecting' },
    clockOffsetMs: 0,
    closedCode: null,
    loaded: false,
  }));

  const statuses: ProviderStatus[] = names.map(() => 'connecting');
  const everConnected = names.map(() => false);
  const isOnline = () => (typeof navigator === 'undefined' ? true : navigator.onLine !== false);
  const refresh = () => {
    const previous = local.getState().connection;
    const connection = combineConnection(
      { online: isOnline(), statuses, everConnected: everConnected.every(Boolean) },
      previous,
      Date.now(),
    );
    if (connection !== previous) local.setState({ connection });
  };
  const fromRelay = names.map(() => false);
  // just joined: the join answer carried the meeting and control docs, and a new participant's
  // private doc is empty, so the phone shows the meeting before its sockets have synced
  const joinSnapshot = participantId ? takeJoinSnapshot(meetingId) : null;
  if (joinSnapshot) {
    Y.applyUpdate(docs.meeting, joinSnapshot.meeting, JOIN_ORIGIN);
    Y.applyUpdate(docs.control, joinSnapshot.control, JOIN_ORIGIN);
  }
  const fromJoin = names.map(() => joinSnapshot !== null);
  const fromDevice = names.map(() => false);
  // a doc counts as loaded once the relay synced it, or once this device's copy is read and the
  // device has been in this meeting before (its control doc has content)
  const checkLoaded = () => {
    const visited = docs.control.store.clients.size > 0;
    const ready = names.every((_, i) => fromRelay[i] || fromJoin[i] || (fromDevice[i] && visited));
    if (ready && !local.getState().loaded) local.setState({ loaded: true });
  };

  const providers: WebsocketProvider[] = [];
  const retries: (() => void)[] = [];
  let closed = false;
  const persistences: IndexeddbPersistence[] = [];
  names.forEach(([doc, name], i) => {
    if (typeof indexedDB !== 'undefined') {
      const persistence = new IndexeddbPersistence(name, doc);
      persistence.whenSynced.then(() => {
        fromDevice[i] = true;
        checkLoaded();
      });
      persistences.push(persistence);
    }
    const provider = new WebsocketProvider(serverUrl, name, doc, {
      params: { key },
      shouldReconnect: (event: CloseEvent) => !PERMANENT.includes(event.code),
      ...(options.WebSocketPolyfill ? { WebSocketPolyfill: options.WebSocketPolyfill as typeof WebSocket, disableBc: true } : {}),
    });
    // jittered reconnects, and a socket not synced in time is retried; not after a refusal (the
    // 'closed' handler below stopped every doc on purpose)
    retries.push(
      superviseReconnect(provider, {
        mayRetry: (event) => !closed && !(event && PERMANENT.includes(event.code)) && local.getState().closedCode === null,
        syncTimeoutMs: options.syncTimeoutMs,
      }),
    );
    // presence lives on the meeting doc's awareness only; the others stay silent
    if (i > 0) provider.awareness.setLocalState(null);
    else retries.push(renewPresenceOnReconnect(provider));
    provider.on('status', ({ status }) => {
      statuses[i] = status;
      if (status === 'connected') {
        everConnected[i] = true;
        if (i === 0) void syncClock();
      }
      refresh();
    });
    provider.on('sync', (synced: boolean) => {
      if (!synced) return;
      fromRelay[i] = true;
      checkLoaded();
    });
    provider.on('closed', ({ code }) => {
      // 44xx: the relay will not take this device; stop every doc and say why
      for (const p of providers) p.disconnect();
      local.setState({ closedCode: code });
    });
    providers.push(provider);
  });
  checkLoaded();

  const awareness = providers[0].awareness;
  // the relay lets a board key say only that it is a board
  awareness.setLocalState({ role: role === 'viewer' || role === 'stage' ? 'board' : role, participantId });

  const samples: { offset: number; roundTrip: number }[] = [];
  async function syncClock() {
    const sample = await sampleServerTime(options.apiBase);
    if (!sample || closed) return;
    samples.push({
      offset: estimateOffset(sample.sentAt, sample.serverNow, sample.receivedAt),
      roundTrip: sample.receivedAt - sample.sentAt,
    });
    if (samples.length > 5) samples.shift();
    local.setState({ clockOffsetMs: bestOffset(samples) });
  }
  void syncClock();
  const clockTimer = setInterval(() => void syncClock(), CLOCK_RESYNC_MS);

  const onNetwork = () => refresh();
  if (typeof window !== 'undefined') {
    window.addEventListener('online', onNetwork);
    window.addEventListener('offline', onNetwork);
  }
  refresh();

  return {
    meetingId,
    role,
    participantId,
    key,
    docs,
    local,
    joinCode: options.joinCode ?? null,
    awareness: {
      get clientId() {
        return awareness.clientID;
      },
      getStates: () => awareness.getStates() as Map<number, Record<string, unknown>>,
      on: (event, cb) => awareness.on(event, cb),
      off: (event, cb) => awareness.off(event, cb),
      setLocalStateField: (field, value) => awareness.setLocalStateField(field, value),
    },
    close() {
      if (closed) return;
      closed = true;
      clearInterval(clockTimer);
      for (const stop of retries) stop();
      if (typeof window !== 'undefined') {
        window.removeEventListener('online', onNetwork);
        window.removeEventListener('offline', onNetwork);
      }
      awareness.setLocalState(null);
      for (const p of providers) p.destroy();
      for (const p of persistences) void p.destroy();
      for (const [doc] of names) doc.destroy();
    },
  };
}
