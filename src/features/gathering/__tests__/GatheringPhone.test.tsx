// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { PrivateRoots } from '@common/schema';
import { MeetingProvider } from '@/store/meeting';
import { makeSession } from '@/test/makeSession';
import { GatheringPhone } from '../GatheringPhone';

function setup() {
  const session = makeSession({ role: 'participant', participantId: 'p-self', participants: [{ id: 'p-self', name: 'Anna', organisation: 'Region Norr' }] });
  render(
    <MeetingProvider session={session}>
      <GatheringPhone />
    </MeetingProvider>,
  );
  return { session, user: userEvent.setup() };
}

const myList = () => screen.getByRole('list');

afterEach(cleanup);

describe('GatheringPhone', () => {
  it('adds one note after another with Enter, keeping the field focused and cleared', async () => {
    const { user } = setup();
    const field = screen.getByRole('textbox', { name: 'Ny lapp' });
    await user.type(field, 'Remisser försvinner{Enter}');
    expect(field).toHaveValue('');
    expect(field).toHaveFocus();
    await user.type(field, 'Ingen vet vem som ringer');
    await user.click(screen.getByRole('button', { name: 'Lägg till' }));
    expect(within(myList()).getByText('Remisser försvinner')).toBeInTheDocument();
    expect(within(myList()).getByText('Ingen vet vem som ringer')).toBeInTheDocument();
    expect(screen.getByText('Dina lappar syns bara för dig tills mötesledaren visar alla.')).toBeInTheDocument();
  });

  it('refuses an empty note with a clear message', async () => {
    const { user, session } = setup();
    await user.click(screen.getByRole('button', { name: 'Lägg till' }));
    expect(screen.getByRole('alert')).toHaveTextContent('Lappen är tom');
    expect(session.docs.private!.getMap(PrivateRoots.notes).size).toBe(0);
  });

  it('tags a note with the participant’s organisation and a colour named in text', async () => {
    const { user } = setup();
    await user.click(screen.getByRole('radio', { name: 'Rosa' }));
    await user.click(screen.getByRole('checkbox', { name: 'Märk med Region Norr' }));
    await user.type(screen.getByRole('textbox', { name: 'Ny lapp' }), 'Taggad{Enter}');
    expect(within(myList()).getByText(/Rosa · Region Norr/)).toBeInTheDocument();
  });

  it('edits and deletes a draft note', async () => {
    const { user } = setup();
    await user.type(screen.getByRole('textbox', { name: 'Ny lapp' }), 'Först{Enter}');
    await user.click(screen.getByRole('button', { name: 'Ändra lappen ”Först”' }));
    const edit = screen.getByRole('textbox', { name: 'Lappens text' });
    await user.clear(edit);
    await user.type(edit, 'Sedan');
    await user.click(screen.getByRole('button', { name: 'Spara' }));
    expect(within(myList()).getByText('Sedan')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Ta bort lappen ”Sedan”' }));
    expect(screen.queryByRole('list')).not.toBeInTheDocument();
    expect(screen.getByText('Du har inte skrivit någon lapp än.')).toBeInTheDocument();
  });

  it('locks revealed notes: no edit or delete, shown as visible to all', async () => {
    const { user, session } = setup();
    await user.type(screen.getByRole('textbox', { name: 'Ny lapp' }), 'Visad{Enter}');
    const notes = session.docs.private!.getMap(PrivateRoots.notes);
    act(() => {
      session.docs.private!.transact(() => {
        notes.forEach((item) => (item as unknown as Map<string, unknown>).set('state', 'revealed'));
      }, 'relay');
    });
    expect(within(myList()).getByText(/Visad för alla/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Ändra lappen/ })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Ta bort lappen/ })).not.toBeInTheDocument();
  });

  it('tells the participant notes are kept on the phone while offline', () => {
    const { session } = setup();
    act(() => session.local.setState({ connection: { status: 'offline', since: 1 } }));
    expect(screen.getByText(/sparas på telefonen, skickas när du är ansluten igen/)).toBeInTheDocument();
  });
});
