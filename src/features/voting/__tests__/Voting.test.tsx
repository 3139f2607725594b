// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import * as Y from 'yjs';
import { MeetingRoots, ControlRoots } from '@common/schema';
import { createItem, rootFields, rootItems } from '@/doc/core';
import { mergeClusters } from '@/doc/facilitator/clusters';
import { readBallots } from '@/doc/voting';
import { setVoting } from '@/doc/facilitator/voting';
import { MeetingProvider } from '@/store/meeting';
import { makeSession } from '@/test/makeSession';
import { VotingPhone } from '../VotingPhone';
import { VotingBoard } from '../VotingBoard';
import { VotingConsole } from '../VotingConsole';

function board(meeting: import('yjs').Doc) {
  const clusters = rootItems(meeting, MeetingRoots.clusters);
  createItem(clusters, 'c1', { id: 'c1', name: 'Remisser', order: 'a0', parked: false, handOverTo: '', createdAt: 1 });
  createItem(clusters, 'c2', { id: 'c2', name: 'Kontaktvägar', order: 'a1', parked: false, handOverTo: '', createdAt: 1 });
}

afterEach(cleanup);

describe('VotingPhone', () => {
  it('places dots into the private doc only and shows the dots left by the relay’s rule', async () => {
    const session = makeSession({ role: 'participant', participantId: 'p-self', participants: [{ id: 'p-self', name: 'Anna' }] });
    board(session.docs.meeting);
    setVoting(session.docs.control, 'areas', { dots: 2 });
    const meetingBefore = Y.encodeStateVector(session.docs.meeting);
    render(<MeetingProvider session={session}><VotingPhone /></MeetingProvider>);
    const user = userEvent.setup();
    expect(screen.getByText('Prickar kvar: 2 av 2')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Lägg prick på ”Remisser”' }));
    await user.click(screen.getByRole('button', { name: 'Lägg prick på ”Remisser”' }));
    expect(screen.getByText('Prickar kvar: 0 av 2')).toBeInTheDocument();
    // out of dots: the button says so and does nothing, but keeps the keyboard's focus
    const full = screen.getByRole('button', { name: 'Lägg prick på ”Kontaktvägar”' });
    expect(full).toHaveAttribute('aria-disabled', 'true');
    await user.click(full);
    expect(readBallots(session.docs.private!)).toHaveLength(2);
    // nothing written to the shared doc: its state vector did not move
    expect(Y.encodeStateVector(session.docs.meeting)).toEqual(meetingBefore);
    await user.click(screen.getByRole('button', { name: 'Ta tillbaka en prick från ”Remisser”' }));
    expect(screen.getByText('Prickar kvar: 1 av 2')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Jag är klar' }));
    expect(screen.getByText('Du har röstat klart och avstår med 1 prick.')).toHaveFocus();
  });

  it('says one dot as one: "1 prick", "Lägg den"', () => {
    const session = makeSession({ role: 'participant', participantId: 'p-self', participants: [{ id: 'p-self', name: 'Anna' }] });
    board(session.docs.meeting);
    setVoting(session.docs.control, 'areas', { dots: 1 });
    render(<MeetingProvider session={session}><VotingPhone /></MeetingProvider>);
    expect(screen.getByText('Du har 1 prick. Lägg den på det som är viktigast. Ingen ser hur du röstar.')).toBeInTheDocument();
  });

  it('a cluster merged into another keeps the phone’s dots on the target', async () => {
    const session = makeSession({ role: 'participant', participantId: 'p-self', participants: [{ id: 'p-self', name: 'Anna' }] });
    board(session.docs.meeting);
    render(<MeetingProvider session={session}><VotingPhone /></MeetingProvider>);
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Lägg prick på ”Remisser”' }));
    act(() => mergeClusters(session.docs.meeting, 'c1', 'c2'));
    expect(screen.getByText('Dina prickar här: 1')).toBeInTheDocument();
    expect(screen.getByText('Prickar kvar: 2 av 3')).toBeInTheDocument();
  });
});

describe('VotingBoard', () => {
  it('shows only how many have voted before the reveal, and the ranked totals with shared places after it', () => {
    const session = makeSession({ role: 'stage', participants: [{ id: 'a', name: 'A' }, { id: 'b', name: 'B' }, { id: 'c', name: 'C' }] });
    board(session.docs.meeting);
    rootFields(session.docs.control, ControlRoots.voteProgress).set('areas:a', true);
    render(<MeetingProvider session={session}><VotingBoard /></MeetingProvider>);
    expect(screen.getByText('1 av 3 har röstat klart')).toBeInTheDocument();
    act(() => {
      setVoting(session.docs.control, 'areas', { revealed: true });
      rootFields(session.docs.control, ControlRoots.voteResults).set('areas', { totals: { c1: 4, c2: 4 }, voters: 3, unused: 1 });
    });
    expect(screen.getAllByText('1. (delad plats)')).toHaveLength(2);
    expect(screen.getAllByText('4 prickar')).toHaveLength(2);
  });
});

describe('VotingConsole', () => {
  it('lists who is done and who is not while the vote is open; a room of 13 folds its names behind the count; once shown, the result takes their place', () => {
    const people = Array.from({ length: 13 }, (_, i) => ({ id: `p${i}`, name: `Person ${i + 1}` }));
    const session = makeSession({ role: 'facilitator', participants: people });
    board(session.docs.meeting);
    render(<MeetingProvider session={session}><VotingConsole /></MeetingProvider>);
    expect(screen.getByText('Inte klara')).toBeInTheDocument();
    // 13 waiting: behind their count, every name there when opened
    const fold = screen.getByText('Visa alla 13');
    expect(fold.tagName).toBe('SUMMARY');
    expect(fold.closest('details')).toHaveTextContent('Person 13');
    expect(fold.closest('details')).not.toHaveAttribute('open');
    // nobody done: said as such, not folded
    expect(screen.getByText('Ingen')).toBeInTheDocument();
    act(() => setVoting(session.docs.control, 'areas', { open: false, revealed: true }));
    expect(screen.queryByText('Inte klara')).not.toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Resultat' })).toBeInTheDocument();
  });

  it('a few names are listed as they are', () => {
    const session = makeSession({ role: 'facilitator', participants: [{ id: 'a', name: 'Anna' }, { id: 'b', name: 'Omar' }] });
    board(session.docs.meeting);
    render(<MeetingProvider session={session}><VotingConsole /></MeetingProvider>);
    expect(screen.getByText('Anna, Omar')).toBeInTheDocument();
    expect(screen.queryByText(/^Visa alla/)).not.toBeInTheDocument();
  });
});
