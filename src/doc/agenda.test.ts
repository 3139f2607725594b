import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  acceptProposal,
  addAgendaItem,
  declineProposal,
  editAgendaItem,
  listAgenda,
  moveAgendaItem,
  proposalsView,
  proposeAgendaPoint,
  removeAgendaItem,
} from './agenda';
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

describe('agenda proposals', () => {
  it('accepting a participant proposal adds it to the agenda and marks it accepted', () => {
    const control = new Y.Doc();
    const meeting = new Y.Doc();
    const id = proposeAgendaPoint(meeting, 'p1', 'Läkemedelslistor vid utskrivning', 5)!;
    const agendaId = acceptProposal(control, meeting, id);
    expect(listAgenda(control)).toEqual([
      expect.objectContaining({ id: agendaId, text: 'Läkemedelslistor vid utskrivning', proposalId: id }),
    ]);
    expect(proposalsView(meeting).get().get(id)?.status).toBe('accepted');
    acceptProposal(control, meeting, id);
    expect(listAgenda(control)).toHaveLength(1);
  });

  it('a declined proposal stays out of the agenda', () => {
    const control = new Y.Doc();
    const meeting = new Y.Doc();
    const id = proposeAgendaPoint(meeting, 'p1', 'Något annat')!;
    declineProposal(meeting, id);
    expect(proposalsView(meeting).get().get(id)?.status).toBe('declined');
    expect(listAgenda(control)).toEqual([]);
  });

  it('proposals from two phones at once are both kept', () => {
    const { a, b, pause, resume } = twoDocsWithRelay();
    pause();
    proposeAgendaPoint(a, 'p1', 'Ett');
    proposeAgendaPoint(b, 'p2', 'Två');
    resume();
    expect([...proposalsView(a).get().values()].map((p) => p.text).sort()).toEqual(['Ett', 'Två']);
    expect(proposalsView(b).get().size).toBe(2);
  });
});
