// Who may say what in a room's awareness. A presence client id belongs to the principal that first
// introduced it (a participant, "facilitator", "board"), not to one socket, so a reconnecting
// client gets its id back; the stock client's echo of other states is skipped, never punished.
import * as awarenessProtocol from 'y-protocols/awareness';
import * as encoding from 'lib0/encoding';

/** Client ids a socket may introduce (a stock provider uses one); past it new ids are skipped. */
export const AWARENESS_IDS_PER_SOCKET = 4;
/** Ids remembered per principal while absent, so a reload's or reconnect's id can come back. */
export const AWARENESS_IDS_KEPT_PER_PRINCIPAL = 4;

export interface PresenceConn {
  readonly principal: string;
  /** the room's change counter when the socket joined: anything older it may have heard */
  readonly joinedAt: number;
  /** ids this socket introduced (counted against AWARENESS_IDS_PER_SOCKET) */
  readonly introduced: Set<number>;
  /** ids whose current state came from this socket: removed when it closes */
  readonly held: Set<number>;
}

export interface PresenceEntry {
  clientID: number;
  clock: number;
  state: Record<string, unknown> | null;
  json: string;
}

export class Presence {
  /** principal that owns each id */
  private readonly owners = new Map<number, string>();
  /** ids per principal, oldest first (bounded for absent ids) */
  private readonly byPrincipal = new Map<string, number[]>();
  private readonly holders = new Map<number, PresenceConn>();
  /** room change counter at each id's last accepted change or removal */
  private readonly changedAt = new Map<number, number>();
  private seq = 0;

  constructor(private readonly awareness: awarenessProtocol.Awareness) {}

  /** The counter a joining socket records as its `joinedAt`. */
  get now(): number {
    return ++this.seq;
  }

  owns(clientID: number): boolean {
    return this.owners.has(clientID);
  }

  /**
   * Applies the entries `conn` may set and skips the rest: ids of other principals (the stock
   * client's echo), removals it does not hold, stale echoes, new ids past the per-socket cap.
   * A returning id whose clock is not above the last one seen is sent on with a higher clock,
   * or every other client would ignore it (y-protocols keeps only newer clocks).
   */
  receive(conn: PresenceConn, entries: PresenceEntry[], accept: (state: Record<string, unknown>) => boolean): void {
    const out: PresenceEntry[] = [];
    for (const entry of entries) {
      const { clientID, state } = entry;
      if (clientID === this.awareness.clientID) continue;
      const owner = this.owners.get(clientID);
      if (owner !== undefined && owner !== conn.principal) continue;
      const last = this.awareness.meta.get(clientID)?.clock;
      const holder = this.holders.get(clientID);
      if (state === null) {
        // only the socket that holds a state removes it (echoes carry removals too)
        if (holder !== conn) continue;
        out.push(entry);
        this.holders.delete(clientID);
        conn.held.delete(clientID);
        continue;
      }
      if (!accept(state)) continue;
      if (owner === undefined) {
        if (conn.introduced.size >= AWARENESS_IDS_PER_SOCKET) continue;
        conn.introduced.add(clientID);
        this.own(conn.principal, clientID);
      } else if (holder !== conn && last !== undefined && entry.clock <= last && (this.changedAt.get(clientID) ?? 0) > conn.joinedAt) {
        // this socket heard that state from us: an echo, not its own
        continue;
      }
      const clock = last !== undefined && entry.clock <= last && holder !== conn ? last + 1 : entry.clock;
      if (holder !== conn) {
        holder?.held.delete(clientID);
        this.holders.set(clientID, conn);
        conn.held.add(clientID);
      }
      out.push({ ...entry, clock });
    }
    if (out.length === 0) return;
    // removals are not counted: a removed state is never echoed as present
    for (const e of out) if (e.state !== null) this.changedAt.set(e.clientID, ++this.seq);
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, out.length);
    for (const { clientID, clock, json } of out) {
      encoding.writeVarUint(encoder, clientID);
      encoding.writeVarUint(encoder, clock);
      encoding.writeVarString(encoder, json);
    }
    awarenessProtocol.applyAwarenessUpdate(this.awareness, encoding.toUint8Array(encoder), conn);
  }

  /** Removes the states this socket holds; their ids stay with its principal for a reconnect. */
  detach(conn: PresenceConn): void {
    const ids = [...conn.held].filter((id) => this.holders.get(id) === conn);
    for (const id of ids) this.holders.delete(id);
    conn.held.clear();
    const present = ids.filter((id) => this.awareness.states.has(id));
    if (present.length > 0) awarenessProtocol.removeAwarenessStates(this.awareness, present, null);
  }

  /** May the room forget this id's clock (nobody owns it any more)? */
  forgettable(clientID: number): boolean {
    return !this.owners.has(clientID) && !this.awareness.states.has(clientID);
  }

  private own(principal: string, clientID: number): void {
    this.owners.set(clientID, principal);
    let ids = this.byPrincipal.get(principal);
    if (!ids) this.byPrincipal.set(principal, (ids = []));
    ids.push(clientID);
    // keep every id in use and the few most recent absent ones
    let absent = ids.filter((id) => !this.holders.has(id) && !this.awareness.states.has(id) && id !== clientID).length;
    for (let i = 0; i < ids.length && absent > AWARENESS_IDS_KEPT_PER_PRINCIPAL; ) {
      const id = ids[i];
      if (id !== clientID && !this.holders.has(id) && !this.awareness.states.has(id)) {
        ids.splice(i, 1);
        this.owners.delete(id);
        this.changedAt.delete(id);
        this.awareness.meta.delete(id);
        absent--;
      } else i++;
    }
  }
}
