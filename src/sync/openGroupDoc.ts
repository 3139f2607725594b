// A small group's live document `<meetingId>/g/<groupId>`: members and the facilitator write it,
// everyone in the meeting reads it. Opened beside the meeting's docs, never instead of them. Its
// presence says who is typing in which answer (members and the facilitator see it).
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { IndexeddbPersistence } from 'y-indexeddb';
import { groupDocName } from '@common/docNames';
import type { PresenceSource } from './session';

export interface GroupDocHandle {
  doc: Y.Doc;
  /** who is in the group's answers now and what they type in (the group doc's awareness) */
  presence: PresenceSource;
  close(): void;
}

/** What this device says about itself in the group's presence; null says nothing (the boards). */
export type GroupPresence = { role: 'participant'; participantId: string } | { role: 'facilitator' } | null;

export interface OpenGroupDocOptions {
  meetingId: string;
  groupId: string;
  key: string;
  serverUrl?: string;
  /** a member's phone or the facilitator's console; the relay refuses the board's presence here */
  self?: GroupPresence;
  /** Node tests: ws's WebSocket, and no BroadcastChannel so they prove the relay */
  WebSocketPolyfill?: unknown;
}

export function openGroupDoc(options: OpenGroupDocOptions): GroupDocHandle {
  const name = groupDocName(options.meetingId, options.groupId);
  const doc = new Y.Doc();
  const serverUrl = options.serverUrl ?? location.origin.replace(/^http/, 'ws') + '/ws';
  // offline-first like the meeting's docs: answers typed without Wi-Fi are kept on the device
  const persistence = typeof indexedDB !== 'undefined' ? new IndexeddbPersistence(name, doc) : null;
  const provider = new WebsocketProvider(serverUrl, name, doc, {
    params: { key: options.key },
    ...(options.WebSocketPolyfill ? { WebSocketPolyfill: options.WebSocketPolyfill as typeof WebSocket, disableBc: true } : {}),
  });
  // who types in which answer ('typing'); who is online stays on the meeting doc
  const awareness = provider.awareness;
  awareness.setLocalState(options.self ? { ...options.self, typing: null } : null);
  return {
    doc,
    presence: {
      get clientId() {
        return awareness.clientID;
      },
      getStates: () => awareness.getStates() as Map<number, Record<string, unknown>>,
      on: (event, cb) => awareness.on(event, cb),
      off: (event, cb) => awareness.off(event, cb),
      setLocalStateField: (field, value) => {
        if (awareness.getLocalState() !== null) awareness.setLocalStateField(field, value);
      },
    },
    close() {
      awareness.setLocalState(null);
      provider.destroy();
      void persistence?.destroy();
      doc.destroy();
    },
  };
}
