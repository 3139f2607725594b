import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ownProposalsView, proposalsView, proposeAgendaPoint } from './agenda';
import { acceptProposal, addAgendaItem, declineProposal, editAgendaItem, listAgenda, moveAgendaItem, removeAgendaItem } from './facilitator/agenda';
import { twoDocsWithRelay } from '@/test/twoDocs';

const texts = (doc: Y.Doc) => listAgenda(doc).map((a) => a.text);

describe('agenda', () => {
  it('items can be added, edited, reordered and removed', () => {
    const doc = new Y.Doc();
    const first = addAgendaItem(doc, 'Incheckning')!;
    addAgendaItem(doc, 'Brister');
    const third = addAgendaItem(doc, 'Nästa steg')!;
    expect(addAgendaItem(doc, '   ')).toBeNull();
    moveAgendaItem(doc, third, -1);
    expect(texts(doc)).toEqual(['Incheckning', 'Nästa steg', 'Brister']);
    editAgendaItem(doc, first, 'Välkommen');
    removeAgendaItem(doc, third);
    expect(texts(doc)).toEqual(['Välkommen', 'Brister']);
  });

  it('two concurrent moves of different items converge', () => {
    const { a, b, pause, resume } = twoDocsWithRelay();
    const ids = ['1', '2', '3', '4'].map((t) => addAgendaItem(a, t)!);
    pause();
    moveAgendaItem(a, ids[0], 1);
    moveAgendaItem(b, ids[3], -1);
    resume();
    expect(texts(a)).toEqual(texts(b));
    expect(texts(a).sort()).toEqual(['1', '2', '3', '4']);
  });
});

/** What the relay's proposeAgenda action writes when a phone's proposal arrives. */
function relayProposal(meeting: Y.Doc, id: string, text: string, participantId = 'p1') {
  meeting.transact(() => {
    const item = new Y.Map<unknown>();
    for (const [k, v] of Object.entries({ id, text, participantId, status: 'proposed', createdAt: 5 })) item.set(k, v);
    meeting.getMap('agendaProposals').set(id, item);
  }, 'relay');
}

describe('agenda proposals', () => {
  it('a phone proposes into its own private doc, trimmed, never into the meeting doc', () => {
    const privateDoc = new Y.Doc();
    const id = proposeAgendaPoint(privateDoc, '  Läkemedelslistor vid utskrivning ', 5)!;
    expect(ownProposalsView(privateDoc).get().get(id)).toEqual({ id, text: 'Läkemedelslistor vid utskrivning', createdAt: 5 });
    expect(proposeAgendaPoint(privateDoc, '   ')).toBeNull();
    expect(proposalsView(privateDoc).get().size).toBe(0);
  });

  it('accepting a participant proposal adds it to the agenda and marks it accepted', () => {
    const control = new Y.Doc();
    const meeting = new Y.Doc();
    relayProposal(meeting, 'prop-1', 'Läkemedelslistor vid utskrivning');
    const agendaId = acceptProposal(control, meeting, 'prop-1');
    expect(listAgenda(control)).toEqual([
      expect.objectContaining({ id: agendaId, text: 'Läkemedelslistor vid utskrivning', proposalId: 'prop-1' }),
    ]);
    expect(proposalsView(meeting).get().get('prop-1')?.status).toBe('accepted');
    acceptProposal(control, meeting, 'prop-1');
    expect(listAgenda(control)).toHaveLength(1);
  });

  it('a declined proposal stays out of the agenda', () => {
    const control = new Y.Doc();
    const meeting = new Y.Doc();
    relayProposal(meeting, 'prop-2', 'Något annat');
    declineProposal(meeting, 'prop-2');
    expect(proposalsView(meeting).get().get('prop-2')?.status).toBe('declined');
    expect(listAgenda(control)).toEqual([]);
  });
});
