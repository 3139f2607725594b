// The y-websocket protocol per socket, and who may read or write which document.
import type { WebSocket } from 'ws';
import * as Y from 'yjs';
import * as syncProtocol from 'y-protocols/sync';
import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';
import { CloseCode } from '../../common/docNames';
import {
  MESSAGE_AUTH,
  MESSAGE_AWARENESS,
  MESSAGE_QUERY_AWARENESS,
  MESSAGE_SYNC,
  encodeAwareness,
  pendingBytesOf,
  type Room,
  type RoomConn,
} from './rooms';
import { TokenBucket } from './limits';
import type { PresenceEntry } from './presence';
import { checkUpdate } from './validateUpdate';
import type { Logger } from '../log';

/**
 * What one socket may do, decided by the product's access rules when it connects (the transport
 * knows no roles). `mayWrite` is asked on every update, so access can end while a socket is open.
 */
export interface SocketPolicy {
  mayWrite(): boolean;
  /** may this socket publish presence at all */
  mayPresence: boolean;
  /** does its client show others' presence (if not, the relay sends it none) */
  showsPresence: boolean;
  /** may it say this in its presence state */
  acceptPresence(state: Record<string, unknown>): boolean;
  /** past this size the doc takes no more updates from this socket */
  maxDocBytes: number;
  /** who the socket speaks for; presence ids belong to a principal, not to one socket */
  principal: string;
}

/**
 * Unsent output one socket may hold, not counting the one whole-doc answer it asked for: a phone
 * that stopped reading is cut (it resyncs on reconnect) instead of making the relay buffer for it.
 */
export const OUTPUT_CAP_BYTES = 2 * 1024 * 1024;
/** Unsent output of all of one meeting's sockets; past it, sockets holding a backlog are cut. */
export const MEETING_OUTPUT_CAP_BYTES = 64 * 1024 * 1024;
/** A socket is not cut for the meeting's cap while its own backlog is below this. */
const MEETING_CAP_SPARES_BELOW = 64 * 1024;

/** One awareness state as JSON; presence is a role and an id, so this is generous. */
export const AWARENESS_STATE_MAX_CHARS = 4096;
/** States in one awareness message: the stock client echoes the whole room's (300 phones). */
const AWARENESS_ENTRIES_MAX = 4096;
/**
 * Bytes of updates a doc may hold waiting for structs that never arrived. Yjs keeps them forever,
 * so without a cap one socket could grow the relay's memory without bound.
 */
export const PENDING_MAX_BYTES = 256 * 1024;

/** Close code 1003: a message type this relay does not speak. */
export const CLOSE_UNSUPPORTED = 1003;

/** The net socket under a ws WebSocket (ws keeps it as `_socket`). */
interface RawSocket {
  write(data: Buffer): boolean;
  on(event: 'drain', listener: () => void): void;
}

/**
 * The net socket a broadcast writes its prebuilt frames to, or undefined to go through ws.send.
 * It reads ws's internal `_socket`, checked against the ws minor version package.json pins (~8.23);
 * protocol.test.ts fails if a ws upgrade renames it, instead of the relay quietly slowing down.
 * Without an extension (compression is off) ws's sender writes synchronously to this socket, so
 * frames written here directly keep their order with ws's own.
 */
export function rawSocketOf(ws: WebSocket): RawSocket | undefined {
  if (ws.extensions !== '') return undefined;
  const raw = (ws as unknown as { _socket?: Partial<RawSocket> })._socket;
  return raw && typeof raw.write === 'function' && typeof raw.on === 'function' ? (raw as RawSocket) : undefined;
}

class ProtocolError extends Error {
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(message);
  }
}

export interface ConnectionOptions {
  policy: SocketPolicy;
  ratePerSecond: number;
  burst: number;
  log: Logger;
}

/** One websocket on one room: the room is already loaded and access is already checked. */
export class Connection implements RoomConn {
  readonly introduced = new Set<number>();
  readonly held = new Set<number>();
  readonly principal: string;
  readonly joinedAt: number;
  readonly showsPresence: boolean;
  lastAwarenessAnswer = 0;
  private readonly bucket: TokenBucket;
  private closed = false;
  /** sync step 2 answers handed to the socket and not yet written out */
  private syncRepliesQueued = 0;
  /** bytes of sync answers handed to the socket and not yet written out (they may pass the cap) */
  private unsentSync = 0;
  /** the socket's unsent bytes when last looked at: this socket's share of the meeting's budget */
  private seen = 0;
  /** the net socket under the websocket, written to directly with frames built once per room */
  private readonly raw: RawSocket | undefined;

  constructor(
    private readonly ws: WebSocket,
    private readonly room: Room,
    private readonly options: ConnectionOptions,
  ) {
    this.bucket = new TokenBucket(options.ratePerSecond, options.burst);
    this.principal = options.policy.principal;
    this.showsPresence = options.policy.showsPresence;
    this.joinedAt = room.presence.now;
    this.raw = rawSocketOf(ws);
    // a backlog that drained while nothing was sent to this socket stops counting against the meeting
    this.raw?.on('drain', () => this.recount());
  }

  /** Brings this socket's share of the meeting's unsent bytes up to date. */
  private recount(): number {
    if (this.released) return 0;
    const now = this.ws.bufferedAmount;
    this.room.output.bytes += now - this.seen;
    this.seen = now;
    return now;
  }

  /** Sends the server's state vector and the current awareness, like the reference server. */
  start(): void {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MESSAGE_SYNC);
    syncProtocol.writeSyncStep1(encoder, this.room.doc);
    this.send(encoding.toUint8Array(encoder));
    const states = this.room.awareness.getStates();
    if (this.showsPresence && states.size > 0) {
      this.lastAwarenessAnswer = Date.now();
      this.send(encodeAwareness(this.room.awareness, [...states.keys()]));
    }
  }

  send(message: Uint8Array, framed?: Buffer): void {
    this.deliver(message, framed);
  }

  /**
   * Hands a message to the socket unless it has fallen too far behind. What is unsent is read from
   * the socket itself (ws's bufferedAmount), not tracked per write: a broadcast costs one write per
   * socket and no callback, which is a third of a fan-out's time at 300 sockets.
   */
  private deliver(message: Uint8Array, framed?: Buffer, written?: () => void, isSyncAnswer = false): void {
    if (this.closed || this.ws.readyState !== this.ws.OPEN) {
      written?.();
      return;
    }
    const size = message.byteLength;
    const backlog = Math.max(0, this.recount() - this.unsentSync);
    // cut when what it has left unsent would pass the cap: a socket that has taken everything gets
    // the next message whatever its size (a slow store, PostgreSQL under load, merges a room's edits
    // into batches larger than the cap, and those must not cut every phone that reads)
    if (
      (!isSyncAnswer && backlog > 0 && backlog + size > OUTPUT_CAP_BYTES) ||
      (this.room.output.bytes + size > MEETING_OUTPUT_CAP_BYTES && backlog > MEETING_CAP_SPARES_BELOW)
    ) {
      written?.();
      this.cut();
      return;
    }
    if (isSyncAnswer) {
      this.unsentSync += size;
      this.ws.send(message, (err) => {
        this.unsentSync -= size;
        written?.();
        if (err) this.close(1011, 'send failed');
      });
    } else if (framed && this.raw) {
      // a failed write errors the socket, and ws closes it
      this.raw.write(framed);
    } else {
      this.ws.send(message);
    }
    this.recount();
  }

  /** set once detached: the budget no longer counts what this socket still had to send */
  private released = false;

  private cut(): void {
    this.closed = true;
    this.options.log.debug('cutting a socket that does not read', { doc: this.room.docName.kind });
    this.ws.terminate();
  }

  close(code: number, reason: string): void {
    if (this.closed) return;
    this.closed = true;
    try {
      this.ws.close(code, reason);
    } catch {
      this.ws.terminate();
    }
  }

  get isClosed(): boolean {
    return this.closed;
  }

  /** Handles one frame; any malformed input closes only this socket. */
  receive(data: Uint8Array): void {
    if (this.closed) return;
    if (!this.bucket.take()) {
      this.close(CloseCode.policy, 'rate limit');
      return;
    }
    try {
      this.handle(data);
    } catch (err) {
      const code = err instanceof ProtocolError ? err.code : CloseCode.policy;
      this.options.log.debug('closing socket on bad message', { doc: this.room.docName.kind, err: String(err) });
      this.close(code, 'bad message');
    }
  }

  private handle(data: Uint8Array): void {
    const decoder = decoding.createDecoder(data);
    const type = decoding.readVarUint(decoder);
    switch (type) {
      case MESSAGE_SYNC:
        return this.handleSync(decoder);
      case MESSAGE_AWARENESS:
        return this.handleAwareness(decoding.readVarUint8Array(decoder));
      case MESSAGE_QUERY_AWARENESS:
        // answered on the room's tick, at most once a second per socket
        this.room.askAwareness(this);
        return;
      case MESSAGE_AUTH:
        return;
      default:
        throw new ProtocolError(CLOSE_UNSUPPORTED, `unknown message type ${type}`);
    }
  }

  private handleSync(decoder: decoding.Decoder): void {
    const syncType = decoding.readVarUint(decoder);
    switch (syncType) {
      case syncProtocol.messageYjsSyncStep1: {
        const stateVector = decoding.readVarUint8Array(decoder);
        Y.decodeStateVector(stateVector);
        // each answer is the whole doc: a socket that asks again before reading the last answer
        // would make the relay buffer a copy per ask; the answer on its way covers the new ask
        if (this.syncRepliesQueued > 0) return;
        // every update in the doc now is queued for the store; the answer holds only those and
        // leaves once they are written, so nothing a client has seen can be lost to a crash
        const stored = this.room.whenStored();
        const encoder = encoding.createEncoder();
        encoding.writeVarUint(encoder, MESSAGE_SYNC);
        syncProtocol.writeSyncStep2(encoder, this.room.doc, stateVector);
        const reply = encoding.toUint8Array(encoder);
        this.syncRepliesQueued++;
        stored.then(() => this.deliver(reply, undefined, () => this.syncRepliesQueued--, true));
        return;
      }
      case syncProtocol.messageYjsSyncStep2:
      case syncProtocol.messageYjsUpdate: {
        const update = decoding.readVarUint8Array(decoder);
        // read-only docs: drop the write, keep the socket (the client still receives state);
        // a malformed one closes it all the same, whichever the doc
        if (!this.options.policy.mayWrite()) {
          const check = checkUpdate(update);
          if (!check.ok) throw new ProtocolError(CloseCode.policy, check.why);
          return;
        }
        // a participant cannot fill the disk: past its size the doc takes no more from them
        if (this.room.bytes + update.byteLength > this.options.policy.maxDocBytes) {
          throw new ProtocolError(CloseCode.policy, 'document full');
        }
        // decoded and checked before it touches the doc (linear in the update, no doc copy per
        // update); a Yjs throw after that reloads the room from storage instead of wedging it
        const applied = this.room.applyUntrusted(update, this);
        if (!applied.ok) throw new ProtocolError(CloseCode.policy, applied.why);
        if (pendingBytesOf(this.room.doc) > PENDING_MAX_BYTES) {
          // no stock client leaves this much unresolvable: drop it and the socket that sent the last of it
          this.room.doc.store.pendingStructs = null;
          this.room.doc.store.pendingDs = null;
          throw new ProtocolError(CloseCode.policy, 'updates with missing dependencies');
        }
        return;
      }
      default:
        throw new ProtocolError(CLOSE_UNSUPPORTED, `unknown sync message ${syncType}`);
    }
  }

  /**
   * Reads the whole message first (a malformed one closes the socket), then lets the room's
   * presence apply the entries this socket may set: the rest (the stock client's echo of other
   * states) is skipped without closing. Read-only sockets cannot write awareness.
   */
  private handleAwareness(update: Uint8Array): void {
    const decoder = decoding.createDecoder(update);
    const count = decoding.readVarUint(decoder);
    if (count > AWARENESS_ENTRIES_MAX) throw new ProtocolError(CloseCode.policy, 'too many awareness states');
    const entries: PresenceEntry[] = [];
    for (let i = 0; i < count; i++) {
      const clientID = decoding.readVarUint(decoder);
      const clock = decoding.readVarUint(decoder);
      const json = decoding.readVarString(decoder);
      if (clientID > 0xffff_ffff || clock > Number.MAX_SAFE_INTEGER - 2) {
        throw new ProtocolError(CloseCode.policy, 'awareness id or clock out of range');
      }
      if (json.length > AWARENESS_STATE_MAX_CHARS) throw new ProtocolError(CloseCode.policy, 'awareness state too large');
      const state: unknown = JSON.parse(json);
      if (state !== null && (typeof state !== 'object' || Array.isArray(state))) {
        throw new ProtocolError(CloseCode.policy, 'awareness state is not an object');
      }
      entries.push({ clientID, clock, json, state: state as Record<string, unknown> | null });
    }
    if (!this.options.policy.mayPresence) return;
    this.room.presence.receive(this, entries, (state) => this.options.policy.acceptPresence(state));
  }

  /** Removes this socket's awareness states; the room broadcasts the removal. */
  detach(): void {
    this.closed = true;
    this.room.conns.delete(this);
    this.room.presence.detach(this);
    // what the socket never wrote out no longer counts against the meeting
    if (!this.released) {
      this.released = true;
      this.room.output.bytes -= this.seen;
      this.seen = 0;
      this.unsentSync = 0;
    }
  }
}
