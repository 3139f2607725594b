// A room for trying what a hostile participant's phone can claim (issue 17): an honest victim,
// the facilitator and the view-only board, all on stock y-websocket clients, and an attacker
// holding only their own participant key, writing raw y-protocols frames into their own private
// document (the only document they may write). `expectNoTrace` runs an attack and shows that no
// client sees anything change, then restarts the relay on the same DATA_DIR, lets the attacker's
// stored writes be read again, and shows the same.
import { afterEach, beforeEach, expect } from 'vitest';
import * as Y from 'yjs';
import { controlDocName, inboxDocName, meetingDocName, privateDocName } from '../../common/docNames';
import {
  addParticipant,
  connectDoc,
  createMeeting,
  rawDocClient,
  sleep,
  startRelay,
  roundTrip,
  waitFor,
  type CreatedMeeting,
  type DocClient,
  type RawDocClient,
  type TestRelay,
} from './helpers';

export const MEETING_ROOTS = ['notes', 'clusters', 'checkin', 'checkout', 'agendaProposals', 'solutions', 'nextSteps', 'clusterMerges'];
export const CONTROL_ROOTS = [
  'phase',
  'gathering',
  'participants',
  'noteCounts',
  'removedNotes',
  'clustering',
  'voting',
  'voteProgress',
  'voteResults',
  'rating',
  'ratingResult',
  'groups',
  'groupMembers',
];
export const PRIVATE_ROOTS = ['notes', 'moves', 'checkin', 'checkout', 'proposals', 'votes', 'voteDone', 'rating', 'volunteer'];

export interface Person {
  participantId: string;
  participantKey: string;
}

export interface ClaimsRoom {
  relay: TestRelay;
  m: CreatedMeeting;
  victim: Person;
  attacker: Person;
  /** the facilitator's meeting, control and inbox documents */
  facilitator: { meeting: DocClient; control: DocClient; inbox: DocClient };
  /** the view-only board key */
  board: { meeting: DocClient; control: DocClient };
  /** the victim's phone: the shared documents as it reads them, and its own outbox */
  phone: { meeting: DocClient; control: DocClient; private: DocClient };
  /** the attacker's hand-made client on their own private document */
  evil: RawDocClient;
  /** a second client on the attacker's private document: what it has received, the relay has applied and stored */
  echo: DocClient;
}

type Strip = (root: string, key: string, value: unknown) => boolean;

let current: { room: ClaimsRoom; clients: DocClient[]; raws: RawDocClient[] } | null = null;

/** A fresh relay and room for every test in the file. */
export function claimsRoomForEachTest(): {
  readonly room: ClaimsRoom;
  connect: typeof connectDoc;
  /** another hand-made client (e.g. the attacker on their group's doc), closed with the room */
  raw: typeof rawDocClient;
  reopen(): Promise<void>;
} {
  beforeEach(async () => {
    const relay = await startRelay();
    const m = await createMeeting(relay.url);
    const victim = await addParticipant(relay.url, m.meetingId, 'Anna', 'Region');
    const attacker = await addParticipant(relay.url, m.meetingId, 'Mallory', 'Kommun');
    current = { room: { relay, m, victim, attacker } as ClaimsRoom, clients: [], raws: [] };
    await openClients(current.room);
  });
  afterEach(async () => {
    if (!current) return;
    closeClients();
    await current.room.relay.dispose();
    current = null;
  });
  return {
    get room() {
      if (!current) throw new Error('only inside a test');
      return current.room;
    },
    connect: (...args) => {
      const c = connectDoc(...args);
      current!.clients.push(c);
      return c;
    },
    raw: (...args) => {
      const r = rawDocClient(...args);
      current!.raws.push(r);
      return r;
    },
    reopen: async () => {
      const room = current!.room;
      closeClients();
      room.relay = await room.relay.restart();
      await openClients(room);
    },
  };
}

function closeClients() {
  for (const c of current!.clients.splice(0)) c.destroy();
  for (const r of current!.raws.splice(0)) r.raw.ws.terminate();
}

async function openClients(room: ClaimsRoom) {
  const { relay, m, victim, attacker } = room;
  const c = (name: string, key: string) => {
    const client = connectDoc(relay.wsUrl, name, key);
    current!.clients.push(client);
    return client;
  };
  room.facilitator = { meeting: c(meetingDocName(m.meetingId), m.facilitatorKey), control: c(controlDocName(m.meetingId), m.facilitatorKey), inbox: c(inboxDocName(m.meetingId), m.facilitatorKey) };
  room.board = { meeting: c(meetingDocName(m.meetingId), m.boardKey), control: c(controlDocName(m.meetingId), m.boardKey) };
  room.phone = {
    meeting: c(meetingDocName(m.meetingId), victim.participantKey),
    control: c(controlDocName(m.meetingId), victim.participantKey),
    private: c(privateDocName(m.meetingId, victim.participantId), victim.participantKey),
  };
  room.echo = c(privateDocName(m.meetingId, attacker.participantId), attacker.participantKey);
  room.evil = rawDocClient(relay.wsUrl, privateDocName(m.meetingId, attacker.participantId), attacker.participantKey);
  current!.raws.push(room.evil);
  await Promise.all([...current!.clients.map((x) => x.synced), room.evil.synced]);
}

const rootsJson = (doc: Y.Doc, roots: string[], strip: Strip) =>
  Object.fromEntries(
    roots.map((root) => [root, Object.fromEntries(Object.entries(doc.getMap(root).toJSON()).filter(([key, value]) => !strip(root, key, value)))]),
  );

/** Every document every honest client holds, as JSON, without what is the attacker's own record. */
export function views(room: ClaimsRoom, strip: Strip = () => false) {
  const own: Strip = (root, key, value) => key === room.attacker.participantId || key.endsWith(`:${room.attacker.participantId}`) || strip(root, key, value);
  return {
    facilitatorMeeting: rootsJson(room.facilitator.meeting.doc, MEETING_ROOTS, own),
    facilitatorControl: rootsJson(room.facilitator.control.doc, CONTROL_ROOTS, own),
    facilitatorInbox: rootsJson(room.facilitator.inbox.doc, ['notes'], own),
    boardMeeting: rootsJson(room.board.meeting.doc, MEETING_ROOTS, own),
    boardControl: rootsJson(room.board.control.doc, CONTROL_ROOTS, own),
    phoneMeeting: rootsJson(room.phone.meeting.doc, MEETING_ROOTS, own),
    phoneControl: rootsJson(room.phone.control.doc, CONTROL_ROOTS, own),
    phonePrivate: rootsJson(room.phone.private.doc, PRIVATE_ROOTS, own),
  };
}

/** How far `doc` has the changes made by `writer` (a Yjs client's clock). */
const clockOf = (doc: Y.Doc, writer: Y.Doc) => Y.decodeStateVector(Y.encodeStateVector(doc)).get(writer.clientID) ?? 0;

/**
 * Lets every write in flight reach the relay, its actions run and their writes reach every client:
 * waits until what the attacker wrote has come back on another socket (the relay stores before it
 * broadcasts, and wakes its actions as it applies), then for the actions to finish and their
 * writes to be stored and sent, then for a round trip on every honest client's socket (a socket
 * delivers in order, so each client then holds all the relay sent it), and settles once more.
 */
export async function quiet(room: ClaimsRoom): Promise<void> {
  const written = clockOf(room.evil.doc, room.evil.doc);
  await waitFor(() => clockOf(room.echo.doc, room.evil.doc) >= written, { message: 'the attacker’s writes at the relay' });
  await room.relay.server.settle();
  await Promise.all(honestClients(room).map(roundTrip));
  await room.relay.server.settle();
  await Promise.all(honestClients(room).map(roundTrip));
}

const honestClients = (room: ClaimsRoom): DocClient[] => [
  room.facilitator.meeting,
  room.facilitator.control,
  room.facilitator.inbox,
  room.board.meeting,
  room.board.control,
  room.phone.meeting,
  room.phone.control,
  room.phone.private,
  room.echo,
];


/**
 * Runs the attack and shows that no honest client sees a change (but for the attacker's own
 * records), then restarts the relay on the same data, reconnects everyone (the attacker's stored
 * writes are read again as their doc loads) and shows the same documents.
 */
export async function expectNoTrace(
  kit: { readonly room: ClaimsRoom; reopen(): Promise<void> },
  attack: (evil: RawDocClient) => unknown,
  strip?: Strip,
): Promise<ReturnType<typeof views>> {
  await quiet(kit.room);
  const before = views(kit.room, strip);
  await attack(kit.room.evil);
  await quiet(kit.room);
  expect(views(kit.room, strip)).toEqual(before);
  await kit.reopen();
  await quiet(kit.room);
  expect(views(kit.room, strip)).toEqual(before);
  return before;
}

/** A nested Y.Map with these fields under `root[id]` of `doc`. */
export function putItem(doc: Y.Doc, root: string, id: string, fields: Record<string, unknown>): void {
  doc.transact(() => {
    const item = new Y.Map<unknown>();
    for (const [k, v] of Object.entries(fields)) item.set(k, v);
    doc.getMap(root).set(id, item);
  });
}

/** Fields to set on the existing `root[id]` of `doc`, or on a new map there. */
export function setFields(doc: Y.Doc, root: string, id: string, fields: Record<string, unknown>): void {
  doc.transact(() => {
    let item = doc.getMap(root).get(id);
    if (!(item instanceof Y.Map)) {
      item = new Y.Map<unknown>();
      doc.getMap(root).set(id, item);
    }
    for (const [k, v] of Object.entries(fields)) (item as Y.Map<unknown>).set(k, v);
  });
}

export { waitFor, sleep };
