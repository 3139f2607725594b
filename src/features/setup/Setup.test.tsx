// @vitest-environment jsdom
import { act, cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { addExpectedOrg } from '@/doc/facilitator/meeting';
import * as Y from 'yjs';
import { makeSession } from '@/test/makeSession';
import { relayProposal } from '@/test/relayWrites';
import { asRole, renderWithSession } from '@/test/renderWithSession';
import { AgendaEditor } from './AgendaEditor';
import { AgendaList } from './AgendaList';
import { OrgsEditor } from './OrgsEditor';
import { Representation } from './Representation';
import { SetupPhone } from './SetupPhone';

afterEach(cleanup);

describe('agenda proposals', () => {
  it('a point proposed from a phone can be accepted onto the agenda by the facilitator', async () => {
    const session = makeSession({ participants: [{ id: 'p-self', name: 'Anna', organisation: 'Primärvård' }] });
    const phone = renderWithSession(<SetupPhone />, session);
    expect(within(phone.container).getByRole('heading', { name: 'Välkommen, Anna!' })).toBeInTheDocument();
    await userEvent.type(within(phone.container).getByRole('textbox', { name: 'Ditt förslag' }), 'Läkemedelslistor vid utskrivning');
    await userEvent.click(within(phone.container).getByRole('button', { name: 'Skicka förslag' }));
    expect(within(phone.container).getByText('Tack! Ditt förslag är skickat till mötesledaren.')).toBeInTheDocument();
    expect(within(phone.container).getByText(/Läkemedelslistor vid utskrivning \(skickas\)/)).toBeInTheDocument();
    // what the relay's proposeAgenda action writes once the phone's private doc reaches it
    const [[id, own]] = [...session.docs.private!.getMap<Y.Map<unknown>>('proposals')];
    act(() => relayProposal(session.docs.meeting, { id, text: String(own.get('text')), participantId: 'p-self' }));
    expect(within(phone.container).getByText(/Läkemedelslistor vid utskrivning \(väntar\)/)).toBeInTheDocument();

    const console = renderWithSession(<AgendaEditor />, asRole(session, 'facilitator'));
    expect(within(console.container).getByText(/från Anna/)).toBeInTheDocument();
    await userEvent.click(within(console.container).getByRole('button', { name: 'Lägg till på dagordningen: Läkemedelslistor vid utskrivning' }));
    expect(within(console.container).getByText('Inga nya förslag.')).toBeInTheDocument();
    expect(within(phone.container).getByText(/tillagd på dagordningen/)).toBeInTheDocument();
    const agenda = within(phone.container).getByRole('region', { name: 'Dagordning' });
    expect(within(agenda).getByRole('listitem')).toHaveTextContent('Läkemedelslistor vid utskrivning');
  });

  it('the facilitator reorders the agenda with buttons', async () => {
    const session = makeSession({ role: 'facilitator' });
    const editor = renderWithSession(<AgendaEditor />, session);
    for (const text of ['Incheckning', 'Brister', 'Nästa steg']) {
      await userEvent.type(within(editor.container).getByRole('textbox', { name: 'Ny punkt på dagordningen' }), text);
      await userEvent.click(within(editor.container).getByRole('button', { name: 'Lägg till punkt' }));
    }
    await userEvent.click(screen.getByRole('button', { name: 'Flytta upp Nästa steg' }));
    await userEvent.click(screen.getByRole('button', { name: 'Ta bort punkten Incheckning' }));
    const list = renderWithSession(<AgendaList />, session);
    expect(within(list.container).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['Nästa steg', 'Brister']);
  });
});

describe('expected organisations', () => {
  it('the facilitator adds a suggestion, renames it and removes another', async () => {
    const session = makeSession({ role: 'facilitator' });
    renderWithSession(<OrgsEditor />, session);
    await userEvent.click(screen.getByRole('button', { name: 'Lägg till Primärvård' }));
    await userEvent.type(screen.getByRole('textbox', { name: 'Organisation' }), 'Geriatrik{Enter}');
    await userEvent.click(screen.getByRole('button', { name: 'Byt namn på Primärvård' }));
    const field = screen.getByRole('textbox', { name: 'Nytt namn för Primärvård' });
    await userEvent.clear(field);
    await userEvent.type(field, 'Primärvård Nacka');
    await userEvent.click(screen.getByRole('button', { name: 'Spara namnet' }));
    await userEvent.click(screen.getByRole('button', { name: 'Ta bort Geriatrik' }));
    const region = screen.getByRole('region', { name: 'Förväntade organisationer' });
    expect(within(region).getAllByRole('listitem').map((li) => li.querySelector('.edit-list__text')?.textContent)).toEqual(['Primärvård Nacka']);
  });
});

describe('representation', () => {
  it('the board shows which expected organisations are present and which are missing', () => {
    const session = makeSession({
      role: 'stage',
      participants: [
        { id: 'a', name: 'Anna', organisation: 'primärvård' },
        { id: 'b', name: 'Bo', organisation: 'Geriatrik', online: false },
        { id: 'c', name: 'Cia', organisation: 'Apoteket' },
      ],
    });
    for (const org of ['Primärvård', 'Geriatrik', 'Psykiatri']) addExpectedOrg(session.docs.control, org);
    renderWithSession(<Representation />, session);
    const region = screen.getByRole('region', { name: 'Är alla representanter med?' });
    const items = within(region).getAllByRole('listitem').map((li) => li.textContent);
    expect(items).toEqual(['✓Primärvård: med (1)', '✗Geriatrik: saknas', '✗Psykiatri: saknas']);
    expect(within(region).getByText(/Även med: Apoteket/)).toBeInTheDocument();
  });

  it('an organisation turns present when its representative comes online', () => {
    const session = makeSession({ role: 'stage', participants: [{ id: 'b', name: 'Bo', organisation: 'Geriatrik', online: false }] });
    addExpectedOrg(session.docs.control, 'Geriatrik');
    renderWithSession(<Representation />, session);
    expect(screen.getByText('Geriatrik: saknas')).toBeInTheDocument();
    act(() => session.awareness.setRemote(900, { role: 'participant', participantId: 'b' }));
    expect(screen.getByText('Geriatrik: med (1)')).toBeInTheDocument();
    expect(screen.getByText('Alla förväntade organisationer är med.')).toBeInTheDocument();
  });
});
