// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ControlRoots, InboxRoots } from '@common/schema';
import { createItem } from '@/doc/core';
import { MeetingProvider } from '@/store/meeting';
import { makeSession } from '@/test/makeSession';
import { GatheringConsole } from '../GatheringConsole';

function setup() {
  const session = makeSession({ role: 'facilitator', participants: [{ id: 'p1', name: 'Anna' }, { id: 'p2', name: 'Bo' }] });
  const { control, inbox } = session.docs;
  control.transact(() => control.getMap(ControlRoots.noteCounts).set('p1', 2), 'relay');
  inbox!.transact(() => {
    createItem(inbox!.getMap(InboxRoots.notes) as never, 'n1', { id: 'n1', text: 'Olämplig', color: 'yellow', tag: '', group: 0, authorId: 'p1', createdAt: 1 });
    createItem(inbox!.getMap(InboxRoots.notes) as never, 'n2', { id: 'n2', text: 'Bra lapp', color: 'blue', tag: '', group: 0, authorId: 'p1', createdAt: 2 });
  }, 'relay');
  render(
    <MeetingProvider session={session}>
      <GatheringConsole />
    </MeetingProvider>,
  );
  return { session, user: userEvent.setup() };
}

afterEach(cleanup);

describe('GatheringConsole', () => {
  it('shows who has and has not written', () => {
    setup();
    expect(screen.getByText(/1 av 2 har skrivit/)).toBeInTheDocument();
    expect(screen.getByText('Anna')).toBeInTheDocument();
    expect(screen.getByText('Bo')).toBeInTheDocument();
  });

  it('removes an inappropriate note before the reveal', async () => {
    const { user, session } = setup();
    await user.click(screen.getByRole('button', { name: 'Ta bort lappen ”Olämplig”' }));
    expect(session.docs.control.getMap(ControlRoots.removedNotes).toJSON()).toEqual({ n1: true });
    expect(screen.queryByText('Olämplig')).not.toBeInTheDocument();
    expect(screen.getByText('Bra lapp')).toBeInTheDocument();
  });

  it('reveals only after confirming', async () => {
    const { user, session } = setup();
    const gathering = session.docs.control.getMap(ControlRoots.gathering);
    await user.click(screen.getByRole('button', { name: 'Visa alla lappar' }));
    await user.click(screen.getByRole('button', { name: 'Avbryt' }));
    expect(gathering.get('revealed')).toBeUndefined();
    await user.click(screen.getByRole('button', { name: 'Visa alla lappar' }));
    await user.click(screen.getByRole('button', { name: 'Ja, visa alla lappar' }));
    expect(gathering.get('revealed')).toBe(true);
    expect(screen.getByRole('status')).toHaveTextContent('Lapparna är visade');
  });

  it('switches to group mode with a number of groups and shows authors on request', async () => {
    const { user, session } = setup();
    await user.click(screen.getByRole('radio', { name: 'I grupper' }));
    await user.selectOptions(screen.getByRole('combobox', { name: 'Antal grupper' }), '5');
    await user.click(screen.getByRole('radio', { name: 'Visa vem som skrev' }));
    act(() => undefined);
    expect(session.docs.control.getMap(ControlRoots.gathering).toJSON()).toMatchObject({ mode: 'group', groupCount: 5, showAuthors: true });
    expect(screen.getByText('Grupp 5: 0 lappar')).toBeInTheDocument();
  });
});
