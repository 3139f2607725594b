// A full room for board tests: 40 participants online (real sockets with their own keys), expected
// organisations, an agenda, a check-in round with answers, 300 revealed notes in 12 clusters.
// Written with raw Yjs clients as the facilitator and the relay would; talks only to 127.0.0.1.
import WebSocket from 'ws';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { generateNKeysBetween } from 'fractional-indexing';
import type { PhaseId } from '@common/schema';
import { addExpectedOrg } from '@/doc/facilitator/meeting';
import { setOrder, setQuestion, setCurrentSpeaker, markSpoken } from '@/doc/facilitator/checkin';
import { goToPhase } from '@/doc/facilitator/phase';
import { privateDocName } from '@common/docNames';

export const ORGS = ['Primärvård', 'Kommun – hemtjänst', 'Geriatrik', 'Psykiatri', 'Kommunens biståndshandläggare', 'Region – närakut'];
const WORDS = 'utskrivning läkemedelsgenomgång epikris hemtjänst vårdplan anhöriga samordning bostadsanpassning överlämning journal'.split(' ');

export interface SeededRoom {
  meetingId: string;
  facilitatorKey: string;
  /** the view-only key (the room computer's /view link) */
  boardKey: string;
  joinCode: string;
  noteTexts: string[];
  /** the seeded participants, in the order they joined */
  participants: { id: string; key: string }[];
  clusterIds: string[];
  /** writes to the control doc as the facilitator, then lets the views catch up */
  control(write: (doc: Y.Doc) => void): Promise<void>;
  /** writes to the meeting doc as the facilitator's console does, then lets the views catch up */
  meeting(write: (doc: Y.Doc) => void): Promise<void>;
  /** opens a participant's private doc (their outbox), writes to it as that phone, and closes it */
  asPhone(participant: { id: string; key: string }, write: (doc: Y.Doc) => void): Promise<void>;
  goTo(phase: PhaseId): Promise<void>;
  setRevealed(revealed: boolean): Promise<void>;
  close(): void;
}

function connect(port: number, name: string, key: string) {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(`ws://127.0.0.1:${port}/ws`, name, doc, {
    params: { key },
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
  });
  const synced = new Promise<void>((resolve) => provider.once('sync', () => resolve()));
  return { doc, provider, synced };
}

const settle = () => new Promise((r) => setTimeout(r, 400));

/** How far `doc` has the changes `writer` made (its Yjs client's clock). */
const clockOf = (doc: Y.Doc, writer: Y.Doc) => Y.decodeStateVector(Y.encodeStateVector(doc)).get(writer.clientID) ?? 0;

/**
 * Waits until everything `writer` wrote has come back on a second socket to the same doc: the relay
 * stores an update before it broadcasts it, so from then on every view has it or is being sent it
 * (a fixed 400 ms did the same, slower: 22 phase changes per stage size). Bounded: a relay that
 * does not deliver fails the test here.
 */
async function landed(writer: Y.Doc, echo: Y.Doc, timeoutMs = 10_000): Promise<void> {
  const written = clockOf(writer, writer);
  const deadline = Date.now() + timeoutMs;
  while (clockOf(echo, writer) < written) {
    if (Date.now() > deadline) throw new Error(`the relay did not deliver the write (${clockOf(echo, writer)} of ${written})`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

export async function seedRoom(base: { url: string; port: number }, opts: { participants: number; notes: number; clusters: number; allClustered?: boolean } = { participants: 40, notes: 300, clusters: 12 }): Promise<SeededRoom> {
  if (opts.notes < 4) throw new Error('seedRoom parks notes 2 and 4: give it at least 4 notes');
  const created = (await (await fetch(`${base.url}/api/meetings`, { method: 'POST', body: JSON.stringify({ title: 'Samverkansforum Norrort – utskrivning' }) })).json()) as {
    meetingId: string;
    facilitatorKey: string;
    boardKey: string;
    joinCode: string;
  };
  const meeting = connect(base.port, created.meetingId, created.facilitatorKey);
  const control = connect(base.port, `${created.meetingId}/control`, created.facilitatorKey);
  // second sockets on the same docs: a write has landed when it comes back on them
  const meetingEcho = connect(base.port, created.meetingId, created.facilitatorKey);
  const controlEcho = connect(base.port, `${created.meetingId}/control`, created.facilitatorKey);
  await Promise.all([meeting.synced, control.synced, meetingEcho.synced, controlEcho.synced]);
  control.doc.transact(() => {
    const info = control.doc.getMap('meeting');
    info.set('title', 'Samverkansforum Norrort – utskrivning');
    info.set('forumName', 'Lokalt samverkansforum Norrort');
    info.set('purpose', 'Hitta gemensamma brister i utskrivningsprocessen och välja ett utvecklingsområde');
  });
  for (const org of ORGS.slice(0, 5)) addExpectedOrg(control.doc, org);

  // participants join through the relay's API and come online with their own keys
  const people: { id: string; key: string; provider: WebsocketProvider }[] = [];
  for (let i = 0; i < opts.participants; i++) {
    const res = await fetch(`${base.url}/api/meetings/${created.meetingId}/participants`, {
      method: 'POST',
      body: JSON.stringify({ name: `Deltagare ${i + 1} Andersson-Lindqvist`, organisation: ORGS[i % 4] }),
    });
    const { participantId, participantKey } = (await res.json()) as { participantId: string; participantKey: string };
    const phone = connect(base.port, created.meetingId, participantKey);
    phone.provider.awareness.setLocalState({ role: 'participant', participantId });
    people.push({ id: participantId, key: participantKey, provider: phone.provider });
  }

  // a check-in round: half have spoken (with answers), one is speaking
  setQuestion(control.doc, 'Vad har du med dig in i dagens möte?');
  setOrder(control.doc, people.map((p) => p.id));
  const answers = meeting.doc.getMap<Y.Map<unknown>>('checkin');
  meeting.doc.transact(() => {
    people.slice(0, Math.floor(people.length / 2)).forEach((p, i) => {
      const a = new Y.Map<unknown>();
      a.set('text', i % 5 === 0 ? 'Jag står över' : `Nyfiken på hur vi kan förbättra samordningen vid utskrivning, del ${i + 1}`);
      a.set('passed', i % 5 === 0);
      a.set('updatedAt', Date.now());
      answers.set(p.id, a);
    });
  });
  for (const p of people.slice(0, Math.floor(people.length / 2))) markSpoken(control.doc, p.id);
  if (people.length > 0) setCurrentSpeaker(control.doc, people[Math.floor(people.length / 2)].id, Date.now());

  // revealed notes as the relay writes them; half already in clusters
  const clusterIds = Array.from({ length: opts.clusters }, (_, i) => `cluster${String(i).padStart(16, '0')}`);
  const clusterOrders = generateNKeysBetween(null, null, opts.clusters);
  const noteOrders = generateNKeysBetween(null, null, opts.notes);
  const noteTexts: string[] = [];
  meeting.doc.transact(() => {
    clusterIds.forEach((id, i) => {
      const c = new Y.Map<unknown>();
      for (const [k, v] of Object.entries({ id, name: `${WORDS[i % WORDS.length]} och ansvar ${i + 1}`, order: clusterOrders[i], parked: false, handOverTo: '', createdAt: Date.now() })) c.set(k, v);
      meeting.doc.getMap('clusters').set(id, c);
    });
    for (let i = 0; i < opts.notes; i++) {
      const id = `note${String(i).padStart(17, '0')}`;
      const text = `${WORDS[i % WORDS.length]} brister när ${WORDS[(i * 7) % WORDS.length]} saknas (${i + 1})`;
      noteTexts.push(text);
      const n = new Y.Map<unknown>();
      // allClustered: every note sorted, round robin (300 notes in 12 clusters = 25 each)
      const clusterId = opts.allClustered ? clusterIds[i % opts.clusters] : i % 2 === 0 ? clusterIds[i % opts.clusters] : null;
      const fields = { id, text, color: ['yellow', 'pink', 'blue', 'green'][i % 4], tag: i % 3 === 0 ? ORGS[i % 4] : '', group: 0, clusterId, stackedOn: null, parked: !opts.allClustered && (i === 1 || i === 3), handOverTo: !opts.allClustered && i === 1 ? 'Kommunens biståndshandläggare' : '', order: noteOrders[i], createdAt: Date.now() };
      for (const [k, v] of Object.entries(fields)) n.set(k, v);
      meeting.doc.getMap('notes').set(id, n);
    }
  });
  control.doc.getMap('gathering').set('revealed', true);
  await settle();

  return {
    ...created,
    noteTexts,
    participants: people.map(({ id, key }) => ({ id, key })),
    clusterIds,
    async control(write) {
      write(control.doc);
      await landed(control.doc, controlEcho.doc);
    },
    async meeting(write) {
      write(meeting.doc);
      await landed(meeting.doc, meetingEcho.doc);
    },
    async asPhone(participant, write) {
      const phone = connect(base.port, privateDocName(created.meetingId, participant.id), participant.key);
      await phone.synced;
      write(phone.doc);
      // the relay acknowledges by echoing nothing; wait for the socket to flush before closing
      await settle();
      phone.provider.destroy();
    },
    async goTo(phase) {
      goToPhase(control.doc, phase);
      await landed(control.doc, controlEcho.doc);
    },
    async setRevealed(revealed) {
      control.doc.getMap('gathering').set('revealed', revealed);
      await landed(control.doc, controlEcho.doc);
    },
    close() {
      for (const p of people) p.provider.destroy();
      meeting.provider.destroy();
      control.provider.destroy();
      meetingEcho.provider.destroy();
      controlEcho.provider.destroy();
    },
  };
}
