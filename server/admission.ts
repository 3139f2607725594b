// Socket admission, in the order a reader expects: connect (limits, frames kept while we look
// things up) → authenticate (document name, key) → open the document (access, group membership,
// the meeting served here, the room). Each stage refuses with its close code; nothing of a
// meeting loads before its key is checked, and nothing loads unless this instance serves it.
import type { IncomingMessage } from 'node:http';
import type { RawData, WebSocket } from 'ws';
import { CloseCode, formatDocName, parseDocName, type DocName } from '../common/docNames';
import { ControlRoots } from '../common/schema';
import type { RelayConfig } from './config';
import type { MeetingRegistry, Role } from './meetings';
import type { MeetingSockets } from './meetingSockets';
import type { Lifecycle } from './lifecycle';
import { accessFor, socketPolicy } from './access';
import { Connection } from './relay/protocol';
import { ConnectionCounter } from './relay/limits';
import type { Room, Rooms } from './relay/rooms';
import { NotOwnerError } from './relay/docStore';
import { clientAddress, parseTarget } from './http/http';
import { idPrefix, type Logger } from './log';

export interface AdmissionDeps {
  config: RelayConfig;
  registry: MeetingRegistry;
  rooms: Rooms;
  lifecycle: Lifecycle;
  sockets: MeetingSockets;
  log: Logger;
}

function toBytes(data: RawData): Uint8Array {
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data));
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}

/** One socket on its way in: what it sent early, and what to undo when it closes. */
class Arrival {
  conn: Connection | null = null;
  readonly early: Uint8Array[] = [];
  private earlyBytes = 0;
  private onClose: (() => void)[] = [];
  private isClosed = false;

  constructor(
    readonly ws: WebSocket,
    private readonly maxBytes: number,
  ) {
    ws.on('message', (data) => {
      const bytes = toBytes(data);
      if (this.conn) return this.conn.receive(bytes);
      // kept while the key is checked and the doc loads: a stock client sends sync step 1 and
      // its awareness here, a few hundred bytes, so one frame's worth is plenty
      this.earlyBytes += bytes.byteLength;
      if (this.early.length < 64 && this.earlyBytes <= this.maxBytes) this.early.push(bytes);
      else ws.close(CloseCode.policy, 'too many messages before sync');
    });
    ws.on('close', () => {
      this.isClosed = true;
      for (const fn of this.onClose) fn();
      this.onClose = [];
    });
  }

  get open(): boolean {
    return this.ws.readyState === this.ws.OPEN;
  }

  /** `fn` runs when the socket closes (at once if it already did: it may close while we await). */
  whenClosed(fn: () => void): void {
    if (this.isClosed) fn();
    else this.onClose.push(fn);
  }

  reject(code: number, reason: string): void {
    this.ws.close(code, reason);
  }
}

export class Admission {
  private readonly perAddress = new ConnectionCounter();
  private readonly perMeeting = new ConnectionCounter();
  private total = 0;

  constructor(private readonly deps: AdmissionDeps) {}

  async admit(ws: WebSocket, req: IncomingMessage): Promise<void> {
    const arrival = new Arrival(ws, this.deps.config.maxMessageBytes);
    if (!this.connect(arrival, clientAddress(req, this.deps.config.trustProxy))) return;
    const who = await this.authenticate(arrival, req);
    if (!who) return;
    await this.openDocument(arrival, who.docName, who.role);
  }

  /** Connection limits: the whole process and one client address. */
  private connect(arrival: Arrival, address: string): boolean {
    const { config } = this.deps;
    if (this.total >= config.maxConnectionsTotal || this.perAddress.get(address) >= config.maxConnectionsPerAddress) {
      arrival.reject(CloseCode.tooManyConnections, 'too many connections');
      return false;
    }
    this.total++;
    this.perAddress.increment(address);
    arrival.whenClosed(() => {
      this.total--;
      this.perAddress.decrement(address);
    });
    return true;
  }

  /** The document name and the key: which meeting, and who this is in it. */
  private async authenticate(arrival: Arrival, req: IncomingMessage): Promise<{ docName: DocName; role: Role } | null> {
    const url = parseTarget(req.url);
    if (!url) return void arrival.reject(CloseCode.badDocName, 'bad document name'), null;
    let rawName: string;
    try {
      rawName = decodeURIComponent(url.pathname.slice('/ws/'.length));
    } catch {
      return void arrival.reject(CloseCode.badDocName, 'bad document name'), null;
    }
    const docName = parseDocName(rawName);
    // the meeting id itself as it was sent, not percent-encoded: the balancer routes a meeting's
    // sockets by that segment, and an encoded id would reach an instance it did not choose
    if (!docName || /^[A-Za-z0-9_-]*/.exec(url.pathname.slice('/ws/'.length))?.[0] !== docName.meetingId) {
      return void arrival.reject(CloseCode.badDocName, 'bad document name'), null;
    }
    const key = url.searchParams.get('key');
    if (!key) return void arrival.reject(CloseCode.badKey, 'missing key'), null;
    // the key is checked before any document is loaded
    const role = await this.deps.registry.authenticate(docName.meetingId, key);
    if (role === 'unknownMeeting') return void arrival.reject(CloseCode.unknownMeeting, 'unknown meeting'), null;
    if (role === null) return void arrival.reject(CloseCode.badKey, 'wrong key'), null;
    arrival.whenClosed(this.deps.sockets.track(docName.meetingId, role, arrival.ws));
    void this.deps.lifecycle.touch(docName.meetingId);
    return { docName, role };
  }

  /** Access to this document, the meeting's limit, and the room (only where this instance serves the meeting). */
  private async openDocument(arrival: Arrival, docName: DocName, role: Role): Promise<void> {
    const { config, registry, rooms, lifecycle, log } = this.deps;
    const access = accessFor(docName, role);
    if (access === 'forbidden') return arrival.reject(CloseCode.forbidden, 'forbidden');
    if (docName.kind === 'private' && !(await registry.hasParticipant(docName.meetingId, docName.participantId))) {
      return arrival.reject(CloseCode.forbidden, 'forbidden');
    }
    if (this.perMeeting.get(docName.meetingId) >= config.maxConnectionsPerMeeting) {
      return arrival.reject(CloseCode.tooManyConnections, 'too many connections to this meeting');
    }
    this.perMeeting.increment(docName.meetingId);
    arrival.whenClosed(() => this.perMeeting.decrement(docName.meetingId));
    if (!arrival.open) return;

    let room: Room;
    let isMember: (() => boolean) | undefined;
    try {
      // a group doc's writers are its members now: hold the control doc to ask on every write
      if (access === 'member' && docName.kind === 'group' && role.kind === 'participant') {
        const control = await rooms.acquire(formatDocName({ kind: 'control', meetingId: docName.meetingId }), {
          kind: 'control',
          meetingId: docName.meetingId,
        });
        arrival.whenClosed(() => rooms.release(control));
        const members = control.doc.getMap<unknown>(ControlRoots.groupMembers);
        isMember = () => members.get(role.participantId) === docName.groupId;
      }
      room = await rooms.acquire(formatDocName(docName), docName);
    } catch (err) {
      // another instance serves this meeting: the client comes back (through the balancer) later
      if (err instanceof NotOwnerError) return arrival.reject(CloseCode.tryAgainLater, 'meeting served elsewhere');
      throw err;
    }
    if (!arrival.open) {
      rooms.release(room);
      return;
    }
    const connection = new Connection(arrival.ws, room, {
      policy: socketPolicy({ doc: docName, role, access, isMember, isOpen: () => !lifecycle.isClosed(docName.meetingId) }),
      ratePerSecond: config.messageRatePerSecond,
      burst: config.messageRateBurst,
      log,
    });
    room.conns.add(connection);
    arrival.whenClosed(() => {
      connection.detach();
      rooms.release(room);
    });
    arrival.conn = connection;
    log.debug('socket open', { doc: docName.kind, meeting: idPrefix(docName.meetingId), role: role.kind });
    connection.start();
    for (const bytes of arrival.early.splice(0)) connection.receive(bytes);
  }
}
