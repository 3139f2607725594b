import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { meetingInfoView } from './meeting';
import { addExpectedOrg, listExpectedOrgs, moveExpectedOrg, removeExpectedOrg, renameExpectedOrg, setMeetingInfo } from './facilitator/meeting';
import { twoDocsWithRelay } from '@/test/twoDocs';

describe('meeting info', () => {
  it('setting the purpose keeps the title and trims whitespace', () => {
    const doc = new Y.Doc();
    setMeetingInfo(doc, { title: 'Samverkan Nacka' });
    setMeetingInfo(doc, { purpose: '  Vilka brister ser vi?  ' });
    expect(meetingInfoView(doc).get()).toEqual({ title: 'Samverkan Nacka', purpose: 'Vilka brister ser vi?', forumName: '' });
  });

  it('concurrent edits of different fields both survive', () => {
    const { a, b, pause, resume } = twoDocsWithRelay();
    pause();
    setMeetingInfo(a, { title: 'A' });
    setMeetingInfo(b, { forumName: 'Forum B' });
    resume();
    expect(meetingInfoView(a).get()).toEqual({ title: 'A', purpose: '', forumName: 'Forum B' });
    expect(b.getMap('meeting').toJSON()).toEqual(a.getMap('meeting').toJSON());
  });
});

describe('expected organisations', () => {
  it('are listed in the order they were added, without case-insensitive duplicates', () => {
    const doc = new Y.Doc();
    addExpectedOrg(doc, 'Primärvård');
    addExpectedOrg(doc, 'Geriatrik');
    addExpectedOrg(doc, 'primärvård');
    expect(listExpectedOrgs(doc).map((o) => o.name)).toEqual(['Primärvård', 'Geriatrik']);
  });

  it('can be renamed, moved up and down, and removed', () => {
    const doc = new Y.Doc();
    const a = addExpectedOrg(doc, 'A')!;
    addExpectedOrg(doc, 'B');
    const c = addExpectedOrg(doc, 'C')!;
    moveExpectedOrg(doc, c, -1);
    expect(listExpectedOrgs(doc).map((o) => o.name)).toEqual(['A', 'C', 'B']);
    moveExpectedOrg(doc, a, 1);
    expect(listExpectedOrgs(doc).map((o) => o.name)).toEqual(['C', 'A', 'B']);
    moveExpectedOrg(doc, c, -1);
    expect(listExpectedOrgs(doc).map((o) => o.name)).toEqual(['C', 'A', 'B']);
    renameExpectedOrg(doc, a, 'Akutsjukvård');
    removeExpectedOrg(doc, c);
    expect(listExpectedOrgs(doc).map((o) => o.name)).toEqual(['Akutsjukvård', 'B']);
  });

  it('two devices adding organisations at once converge on the same list', () => {
    const { a, b, pause, resume } = twoDocsWithRelay();
    addExpectedOrg(a, 'Kommun – hemtjänst');
    pause();
    addExpectedOrg(a, 'Psykiatri');
    addExpectedOrg(b, 'Geriatrik');
    resume();
    expect(listExpectedOrgs(a)).toEqual(listExpectedOrgs(b));
    expect(listExpectedOrgs(a)).toHaveLength(3);
  });
});
