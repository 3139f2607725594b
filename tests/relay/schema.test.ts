// Meetings stored before the schema version existed still open: the relay migrates each document
// as it loads, stamps the version, and the client reads the same meeting as before.
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { controlDocName, meetingDocName } from '../../common/docNames';
import { ControlRoots, DEFAULT_TEMPLATE, MeetingRoots } from '../../common/schema';
import { SCHEMA_VERSION } from '../../common/schemaVersion';
import { DocRoots } from '../../common/schema';
import { MeetingRegistry } from '../../server/meetings';
import { checkinAnswersView } from '../../src/doc/checkin';
import { readCheckin } from '../../src/doc/facilitator/checkin';
import { gatheringSettings } from '../../src/doc/gathering';
import { notesView } from '../../src/doc/boardView';
import { meetingInfoView } from '../../src/doc/meeting';
import { participantsView } from '../../src/doc/participants';
import { readPhase } from '../../src/doc/facilitator/phase';
import { connectDoc, makeTempDir, openRelayStore, startRelay, waitFor, type TestRelay } from './helpers';

let relay: TestRelay | null = null;
afterEach(async () => {
  await relay?.dispose();
  relay = null;
});

/** Writes a meeting exactly as the relay and clients stored it before this change: no `schema` root. */
async function storeTodaysMeeting(dataDir: string) {
  const store = await openRelayStore({ dataDir });
  const storage = store.docs;
  const registry = new MeetingRegistry(store.registry);
  const created = await registry.createMeeting();
  const participant = await registry.addParticipant(created.meetingId);
  const control = new Y.Doc();
  control.transact(() => {
    const meeting = control.getMap(ControlRoots.meeting);
    meeting.set('title', 'Samverkan Umeå');
    meeting.set('purpose', 'Utskrivning');
    meeting.set('forumName', '');
    meeting.set('joinCode', created.joinCode);
    const phase = control.getMap(ControlRoots.phase);
    phase.set('current', 'checkin');
    phase.set('phases', [...DEFAULT_TEMPLATE]);
    const gathering = control.getMap(ControlRoots.gathering);
    // the relay's old default: a stored meeting keeps it
    gathering.set('mode', 'group');
    gathering.set('groupCount', 4);
    gathering.set('showAuthors', false);
    gathering.set('revealed', false);
    const checkin = control.getMap(ControlRoots.checkin);
    checkin.set('question', 'Hur mår du?');
    checkin.set('order', [participant!.participantId]);
    checkin.set('current', null);
    checkin.set('spoken', []);
    checkin.set('speakerSeconds', 0);
    checkin.set('speakerStartedAt', null);
    const entry = new Y.Map<unknown>();
    entry.set('id', participant!.participantId);
    // accepted before the shared text parser: a bidi override in a stored name
    entry.set('name', '\u202EannA\u202C');
    entry.set('organisation', 'Region Västerbotten');
    entry.set('joinedAt', 1);
    control.getMap(ControlRoots.participants).set(participant!.participantId, entry);
  });
  const meeting = new Y.Doc();
  meeting.transact(() => {
    const answer = new Y.Map<unknown>();
    answer.set('text', 'Pigg');
    answer.set('passed', false);
    answer.set('updatedAt', 5);
    meeting.getMap(MeetingRoots.checkin).set(participant!.participantId, answer);
    const note = new Y.Map<unknown>();
    for (const [k, v] of Object.entries({ id: 'n1', text: 'Långa väntetider', color: 'pink', tag: '', group: 1, clusterId: null, stackedOn: null, parked: false, handOverTo: '', order: 'a0', createdAt: 7 })) {
      note.set(k, v);
    }
    meeting.getMap(MeetingRoots.notes).set('n1', note);
  });
  await storage.storeUpdate(controlDocName(created.meetingId), Y.encodeStateAsUpdate(control));
  await storage.storeUpdate(meetingDocName(created.meetingId), Y.encodeStateAsUpdate(meeting));
  await store.close();
  return { ...created, participantId: participant!.participantId, before: { control, meeting } };
}

describe('schema version', () => {
  it("a meeting stored in today's shape opens, is stamped with the version and reads the same to the client", async () => {
    const dir = await makeTempDir();
    const stored = await storeTodaysMeeting(dir);
    relay = await startRelay({}, dir);
    const control = connectDoc(relay.wsUrl, controlDocName(stored.meetingId), stored.facilitatorKey);
    const meeting = connectDoc(relay.wsUrl, meetingDocName(stored.meetingId), stored.facilitatorKey);
    await Promise.all([control.synced, meeting.synced]);
    await waitFor(() => control.doc.getMap(DocRoots.control.schema).get('version') === SCHEMA_VERSION);
    await waitFor(() => meeting.doc.getMap(DocRoots.meeting.schema).get('version') === SCHEMA_VERSION);

    // the client reads what it read before the change, except the name the parser now cleans
    const { before } = stored;
    expect(meetingInfoView(control.doc).get()).toEqual(meetingInfoView(before.control).get());
    expect(readPhase(control.doc)).toEqual({ current: 'checkin', phases: [...DEFAULT_TEMPLATE] });
    expect(readCheckin(control.doc)).toEqual(readCheckin(before.control));
    expect(gatheringSettings(control.doc.getMap(ControlRoots.gathering).toJSON())).toEqual({
      mode: 'group',
      groupCount: 4,
      showAuthors: false,
      revealed: false,
    });
    expect(checkinAnswersView(meeting.doc).get()).toEqual(checkinAnswersView(before.meeting).get());
    expect(notesView(meeting.doc).get()).toEqual(notesView(before.meeting).get());
    const participant = participantsView(control.doc).get().get(stored.participantId);
    expect(participant).toMatchObject({ name: 'annA', organisation: 'Region Västerbotten' });
    // the migration wrote the cleaned name into the stored doc itself, not only into the read model
    expect(control.doc.getMap<Y.Map<unknown>>(ControlRoots.participants).get(stored.participantId)?.get('name')).toBe('annA');
    control.destroy();
    meeting.destroy();

    // stored: after a restart the documents are current and nothing is migrated again
    relay = await relay.restart();
    const again = connectDoc(relay.wsUrl, controlDocName(stored.meetingId), stored.facilitatorKey);
    await again.synced;
    expect(again.doc.getMap(DocRoots.control.schema).get('version')).toBe(SCHEMA_VERSION);
    const clientsBefore = again.doc.store.clients.size;
    await relay.server.settle();
    expect(again.doc.store.clients.size).toBe(clientsBefore);
    again.destroy();
  });

  it('a new meeting is created at the current version with the shared defaults', async () => {
    relay = await startRelay();
    const res = await fetch(relay.url + '/api/meetings', { method: 'POST', body: JSON.stringify({ title: ' Ny\u202E ' }) });
    const created = (await res.json()) as { meetingId: string; facilitatorKey: string };
    const control = connectDoc(relay.wsUrl, controlDocName(created.meetingId), created.facilitatorKey);
    await control.synced;
    expect(control.doc.getMap(DocRoots.control.schema).get('version')).toBe(SCHEMA_VERSION);
    expect(control.doc.getMap(ControlRoots.gathering).toJSON()).toEqual({ mode: 'individual', groupCount: 3, showAuthors: false, revealed: false });
    expect(control.doc.getMap(ControlRoots.meeting).get('title')).toBe('Ny');
    control.destroy();
  });
});
