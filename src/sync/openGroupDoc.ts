// A small group's live document `<meetingId>/g/<groupId>`: members and the facilitator write it,
// everyone in the meeting reads it. Opened beside the meeting's docs, never instead of them.
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { IndexeddbPersistence } from 'y-indexeddb';
import { groupDocName } from '@common/docNames';

export interface GroupDocHandle {
  doc: Y.Doc;
  close(): void;
}

export interface OpenGroupDocOptions {
  meetingId: string;
  groupId: string;
  key: string;
  serverUrl?: string;
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
  // presence lives on the meeting doc only
  provider.awareness.setLocalState(null);
  return {
    doc,
    close() {
      provider.destroy();
      void persistence?.destroy();
      doc.destroy();
    },
  };
}
