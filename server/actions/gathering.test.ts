// The gathering rules as pure functions: counts, the inbox mirror, moderation, the reveal.
import { describe, expect, it } from 'vitest';
import { Limits } from '../../common/schema';
import { gatherDrafts } from './gatherDrafts';
import { hideNoteCounts } from './hideNoteCounts';
import { moderateNotes } from './moderateNotes';
import { revealLateDrafts } from './revealLateDrafts';
import { revealNotes } from './revealNotes';
import { env, id, P, Q, woken as snapshot } from './snapshot.testkit';
import type { Write } from './types';

const draft = (n: number, text = `lapp ${n}`, extra: Record<string, unknown> = {}) => ({
  id: id(n),
  text,
  color: 'yellow',
  tag: '',
  group: 0,
  createdAt: n,
  updatedAt: n,
  state: 'draft',
  ...extra,
});
const notes = (...list: ReturnType<typeof draft>[]) => ({ notes: Object.fromEntries(list.map((d) => [d.id, d])) as never });
const on = (writes: Write[], kind: string) => writes.filter((w) => w.doc.kind === kind);

describe('gatherDrafts', () => {
  it('publishes a count (never text) and mirrors the drafts into the inbox with their author', () => {
    const writes = gatherDrafts.decide(snapshot({ private: { [P]: notes(draft(1), draft(2, 'hemlig')) } }), env);
    expect(on(writes, 'control')).toEqual([{ doc: { kind: 'control' }, root: 'noteCounts', op: 'set', key: P, value: 2 }]);
    expect(JSON.stringify(on(writes, 'control'))).not.toContain('hemlig');
    expect(on(writes, 'inbox')).toHaveLength(2);
    expect(on(writes, 'inbox')[1]).toMatchObject({ op: 'item', id: id(2), fields: { text: 'hemlig', authorId: P } });
  });

  it('a deleted draft leaves the inbox; an unchanged count is not written again', () => {
    const s = snapshot({
      control: { noteCounts: { [P]: 1 } },
      inbox: { notes: { [id(1)]: { id: id(1), authorId: P, text: 'x' }, [id(9)]: { id: id(9), authorId: P, text: 'borta' } } },
      private: { [P]: notes(draft(1)) },
    });
    const writes = gatherDrafts.decide(s, env);
    expect(on(writes, 'control')).toEqual([]);
    expect(writes).toContainEqual({ doc: { kind: 'inbox' }, root: 'notes', op: 'delete', key: id(9) });
  });

  it('a note id someone else’s note already has in the inbox is not taken over', () => {
    const s = snapshot({ inbox: { notes: { [id(1)]: { id: id(1), authorId: Q, text: 'Qs' } } }, private: { [P]: notes(draft(1, 'kapad')) } });
    expect(on(gatherDrafts.decide(s, env), 'inbox')).toEqual([]);
  });

  it('mirrors at most the per-participant limit, earliest first', () => {
    const many = Array.from({ length: Limits.draftsPerParticipant + 10 }, (_, i) => draft(i + 1));
    const writes = on(gatherDrafts.decide(snapshot({ private: { [P]: notes(...many) } }), env), 'inbox');
    expect(writes).toHaveLength(Limits.draftsPerParticipant);
    expect(writes.map((w) => (w as { id: string }).id)).not.toContain(id(Limits.draftsPerParticipant + 1));
  });
});

describe('moderateNotes', () => {
  it('removes the note in its author’s private doc (found through the inbox), clears the inbox, lowers the count and the request', () => {
    const s = snapshot({
      control: { removedNotes: { [id(1)]: true } },
      inbox: { notes: { [id(1)]: { id: id(1), authorId: P, text: 'olämplig' } } },
      private: { [P]: notes(draft(1, 'olämplig'), draft(2)) },
    });
    expect(moderateNotes.decide(s, env)).toEqual([
      { doc: { kind: 'private', participantId: P }, root: 'notes', op: 'update', id: id(1), fields: { state: 'removed', text: '' } },
      { doc: { kind: 'inbox' }, root: 'notes', op: 'delete', key: id(1) },
      { doc: { kind: 'control' }, root: 'noteCounts', op: 'set', key: P, value: 1 },
      { doc: { kind: 'control' }, root: 'removedNotes', op: 'delete', key: id(1), ifValue: true },
    ]);
  });

  it('a revealed note cannot be removed this way; the request is still cleared', () => {
    const s = snapshot({
      control: { removedNotes: { [id(1)]: true } },
      inbox: { notes: { [id(1)]: { id: id(1), authorId: P } } },
      private: { [P]: notes(draft(1, 'x', { state: 'revealed' })) },
    });
    expect(moderateNotes.decide(s, env)).toEqual([{ doc: { kind: 'control' }, root: 'removedNotes', op: 'delete', key: id(1), ifValue: true }]);
  });
});

describe('the reveal', () => {
  const base = () =>
    snapshot({
      control: { gathering: { revealed: true, showAuthors: false }, participants: { [P]: { id: P, name: 'Anna' } } },
      inbox: { notes: { [id(1)]: { authorId: P }, [id(2)]: { authorId: Q } } },
      private: { [P]: notes(draft(1, 'Annas lapp')), [Q]: notes(draft(2, 'Qs lapp')) },
    });

  it('waits for the facilitator and for drafts to reveal', () => {
    const s = base();
    expect(revealNotes.when!(s)).toBe(true);
    s.control.gathering = { revealed: false };
    expect(revealNotes.when!(s)).toBe(false);
    s.control.gathering = { revealed: true };
    s.inbox.notes = {};
    expect(revealNotes.when!(s)).toBe(false);
  });

  it('writes who wrote what in the relay’s own doc first, then the board, then the private docs, then clears the inbox', () => {
    const writes = revealNotes.decide(base(), env);
    expect(writes.map((w) => w.doc.kind)).toEqual(['relay', 'relay', 'meeting', 'meeting', 'private', 'private', 'inbox', 'inbox']);
    const board = on(writes, 'meeting').map((w) => (w as { fields: Record<string, unknown> }).fields);
    // anonymous: no author anywhere on the board, and the reveal time instead of the write time
    expect(board.every((f) => !('authorId' in f) && !('authorName' in f) && f.createdAt === env.now)).toBe(true);
    expect(JSON.stringify(on(writes, 'meeting'))).not.toContain(P);
    expect(on(writes, 'relay')).toContainEqual({ doc: { kind: 'relay' }, root: 'authors', op: 'set', key: id(1), value: P });
    expect(board.map((f) => f.text).sort()).toEqual(['Annas lapp', 'Qs lapp']);
    expect(new Set(board.map((f) => f.order)).size).toBe(2);
  });

  it('with authors shown, a note carries its author’s id and name', () => {
    const s = base();
    s.control.gathering = { revealed: true, showAuthors: true };
    const annas = on(revealNotes.decide(s, env), 'meeting').find((w) => (w as { id: string }).id === id(1)) as { fields: Record<string, unknown> };
    expect(annas.fields).toMatchObject({ authorId: P, authorName: 'Anna', createdAt: 1 });
  });

  it('a note already on the board is not written again (a reveal cut short by a crash finishes without doubles)', () => {
    const s = base();
    s.relay.authors = { [id(1)]: P };
    s.meeting.notes = { [id(1)]: { id: id(1), text: 'Annas lapp', clusterId: null, order: 'a0' } };
    const writes = revealNotes.decide(s, env);
    expect(on(writes, 'meeting').map((w) => (w as { id: string }).id)).toEqual([id(2)]);
    expect((on(writes, 'meeting')[0] as unknown as { fields: { order: string } }).fields.order > 'a0').toBe(true);
    expect(on(writes, 'private')).toHaveLength(2);
  });

  it('after the reveal a late note appears at once; an author’s edit of their own revealed note follows it, nobody else’s', () => {
    const s = snapshot({
      control: { gathering: { revealed: true } },
      meeting: { notes: { [id(1)]: { id: id(1), text: 'gammal' }, [id(5)]: { id: id(5), text: 'Qs' } } },
      relay: { authors: { [id(1)]: P, [id(5)]: Q } },
      private: { [P]: notes(draft(1, 'ny text', { state: 'revealed' }), draft(3, 'sen lapp'), draft(5, 'kapad', { state: 'revealed' })) },
    });
    expect(revealLateDrafts.when!(s)).toBe(true);
    const writes = revealLateDrafts.decide(s, env);
    expect(writes).toContainEqual({ doc: { kind: 'meeting' }, root: 'notes', op: 'update', id: id(1), fields: { text: 'ny text' } });
    expect(writes.some((w) => 'id' in w && w.id === id(5) && w.doc.kind === 'meeting')).toBe(false);
    expect(on(writes, 'meeting').some((w) => (w as { fields: { text?: string } }).fields.text === 'sen lapp')).toBe(true);
  });
});

describe('a note id is a claim, never proof', () => {
  const board = { [id(5)]: { id: id(5), text: 'Qs lapp', clusterId: null, order: 'a0' } };
  const revealed = { gathering: { revealed: true } };

  it('a draft with the id of someone else’s revealed note is not revealed, not recorded as the phone’s, not marked revealed', () => {
    const s = snapshot({ control: revealed, meeting: { notes: board }, relay: { authors: { [id(5)]: Q } }, private: { [P]: notes(draft(5, 'kapad')) } });
    expect(revealLateDrafts.decide(s, env)).toEqual([]);
    // and a later edit of it, with the phone's own 'revealed', does not reach the board either
    const edited = snapshot({ control: revealed, meeting: { notes: board }, relay: { authors: { [id(5)]: Q } }, private: { [P]: notes(draft(5, 'kapad', { state: 'revealed' })) } });
    expect(revealLateDrafts.decide(edited, env)).toEqual([]);
  });

  it('a recorded author is never changed: a draft with the id of a note taken off the board stays off it', () => {
    const s = snapshot({ control: revealed, relay: { authors: { [id(5)]: Q } }, private: { [P]: notes(draft(5, 'tillbaka')) } });
    expect(revealLateDrafts.decide(s, env)).toEqual([]);
  });

  it('a note on the board that no participant wrote (imported) belongs to nobody', () => {
    const s = snapshot({ control: revealed, meeting: { notes: board }, private: { [P]: notes(draft(5, 'min nu')) } });
    expect(revealLateDrafts.decide(s, env)).toEqual([]);
  });

  it('the record is written once, for the first author, when the note first reaches the board', () => {
    const s = snapshot({ control: revealed, meeting: { notes: {} }, private: { [P]: notes(draft(7, 'Ps')), [Q]: notes(draft(7, 'Qs')) } });
    const writes = revealLateDrafts.decide(s, env);
    expect(on(writes, 'relay')).toEqual([{ doc: { kind: 'relay' }, root: 'authors', op: 'set', key: id(7), value: P }]);
    expect(on(writes, 'meeting')).toHaveLength(1);
    expect((on(writes, 'meeting')[0] as unknown as { fields: { text: string } }).fields.text).toBe('Ps');
    expect(on(writes, 'private')).toEqual([{ doc: { kind: 'private', participantId: P }, root: 'notes', op: 'update', id: id(7), fields: { state: 'revealed' } }]);
  });

  it('at the reveal, a draft reveals for the author the inbox mirrors it for, not for another phone with the same id', () => {
    const s = snapshot({
      control: { gathering: { revealed: true } },
      inbox: { notes: { [id(1)]: { authorId: Q } } },
      private: { [P]: notes(draft(1, 'kapad', { createdAt: 0 })), [Q]: notes(draft(1, 'Qs lapp')) },
    });
    const writes = revealNotes.decide(s, env);
    expect(on(writes, 'relay')).toEqual([{ doc: { kind: 'relay' }, root: 'authors', op: 'set', key: id(1), value: Q }]);
    expect((on(writes, 'meeting')[0] as unknown as { fields: { text: string } }).fields.text).toBe('Qs lapp');
    expect(on(writes, 'private').map((w) => (w.doc as { participantId: string }).participantId)).toEqual([Q]);
  });

  it('two phones bringing one new id in the same run: the inbox mirrors the first, the second neither overwrites nor re-owns it', () => {
    const writes = on(gatherDrafts.decide(snapshot({ private: { [P]: notes(draft(4, 'Ps')), [Q]: notes(draft(4, 'kapad')) } }), env), 'inbox');
    expect(writes).toHaveLength(1);
    expect(writes[0]).toMatchObject({ id: id(4), fields: { text: 'Ps', authorId: P } });
  });

  it('gatherDrafts does not mirror a draft whose id is on the board or recorded for someone else', () => {
    const s = snapshot({ meeting: { notes: board }, relay: { authors: { [id(6)]: Q } }, private: { [P]: notes(draft(5, 'på tavlan'), draft(6, 'Qs borttagna'), draft(8, 'egen')) } });
    expect(on(gatherDrafts.decide(s, env), 'inbox').map((w) => (w as { id: string }).id)).toEqual([id(8)]);
  });
});

describe('counts after the reveal', () => {
  it('hideNoteCounts withdraws every count once the notes are revealed, and none before', () => {
    const counts = { noteCounts: { [P]: 3, [Q]: 1 } };
    expect(hideNoteCounts.decide(snapshot({ control: { ...counts, gathering: { revealed: false } } }), env)).toEqual([]);
    expect(hideNoteCounts.decide(snapshot({ control: { ...counts, gathering: { revealed: true } } }), env)).toEqual([
      { doc: { kind: 'control' }, root: 'noteCounts', op: 'delete', key: P },
      { doc: { kind: 'control' }, root: 'noteCounts', op: 'delete', key: Q },
    ]);
  });

  it('a note written after the reveal moves nobody’s count (it would name the late note’s author)', () => {
    const writes = gatherDrafts.decide(snapshot({ control: { gathering: { revealed: true } }, private: { [P]: notes(draft(1)) } }), env);
    expect(on(writes, 'control')).toEqual([]);
  });
});
