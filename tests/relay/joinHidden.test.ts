// Hiding the join code is a meeting setting in the control doc: only the facilitator changes it.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as syncProtocol from 'y-protocols/sync';
import { controlDocName } from '../../common/docNames';
import { ControlRoots } from '../../common/schema';
import { addParticipant, createMeeting, openRaw, updateFrame, waitFor, relayForEachTest } from './helpers';

const t = relayForEachTest();

describe('the join corner setting (control.board.joinHidden)', () => {
  it('a participant and the board key cannot hide the join code; the facilitator can, and every reader follows', async () => {
    const m = await createMeeting(t.relay.url);
    const p = await addParticipant(t.relay.url, m.meetingId);
    const fac = t.connect(t.relay.wsUrl, controlDocName(m.meetingId), m.facilitatorKey);
    await fac.synced;
    for (const key of [p.participantKey, m.boardKey]) {
      const raw = openRaw(t.relay.wsUrl, controlDocName(m.meetingId), key);
      await raw.opened;
      const evil = new Y.Doc();
      Y.applyUpdate(evil, Y.encodeStateAsUpdate(fac.doc));
      const sv = Y.encodeStateVector(evil);
      evil.getMap(ControlRoots.board).set('joinHidden', true);
      const update = Y.encodeStateAsUpdate(evil, sv);
      raw.ws.send(updateFrame(update, syncProtocol.messageYjsSyncStep2));
      raw.ws.send(updateFrame(update, syncProtocol.messageYjsUpdate));
      raw.ws.close();
    }
    const board = t.connect(t.relay.wsUrl, controlDocName(m.meetingId), m.boardKey);
    await board.synced;
    // a marker written after the hand-made updates: once it arrives, they would have too
    fac.doc.getMap(ControlRoots.meeting).set('purpose', 'marker');
    await waitFor(() => board.doc.getMap(ControlRoots.meeting).get('purpose') === 'marker');
    expect(board.doc.getMap(ControlRoots.board).get('joinHidden')).toBe(false);
    fac.doc.getMap(ControlRoots.board).set('joinHidden', true);
    await waitFor(() => board.doc.getMap(ControlRoots.board).get('joinHidden') === true, { message: 'the board follows the facilitator' });
  });
});
