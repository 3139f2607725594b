// @vitest-environment jsdom
import { act, cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';

afterEach(cleanup);
import { nextSpeaker, setOrder, setQuestion } from '@/doc/facilitator/checkin';
import { relayAnswer } from '@/test/relayWrites';
import { makeSession } from '@/test/makeSession';
import { asRole, renderWithSession } from '@/test/renderWithSession';
import { CheckinBoard } from './CheckinBoard';
import { CheckinConsole } from './CheckinConsole';
import { CheckinPhone } from './CheckinPhone';

function meeting() {
  const session = makeSession({
    phase: 'checkin',
    participantId: 'p-self',
    participants: [
      { id: 'p-self', name: 'Anna', organisation: 'Primärvård' },
      { id: 'p-2', name: 'Bo', organisation: 'Geriatrik' },
      { id: 'p-3', name: 'Cecilia', organisation: 'Kommun – hemtjänst' },
    ],
  });
  setQuestion(session.docs.control, 'Vad har du med dig in i dagens möte?');
  return session;
}

describe('check-in', () => {
  it('an answer typed on the phone is kept on the phone and shown as on the board once the relay has put it there', async () => {
    const session = meeting();
    setOrder(session.docs.control, ['p-self', 'p-2']);
    renderWithSession(<CheckinPhone />, session);
    await userEvent.type(screen.getByRole('textbox', { name: /Ditt svar/ }), 'Nyfiken på dagen');
    await userEvent.click(screen.getByRole('button', { name: 'Spara svar' }));
    expect(screen.getByText('Sparat på telefonen – skickas till tavlan.')).toBeInTheDocument();
    // the phone wrote only its own private doc; the relay copies it (tests/relay/writeModel.test.ts)
    expect(session.docs.private!.getMap('checkin').get('text')).toBe('Nyfiken på dagen');
    expect(session.docs.meeting.getMap('checkin').size).toBe(0);
    act(() => relayAnswer(session.docs.meeting, 'p-self', { text: 'Nyfiken på dagen', passed: false, updatedAt: 1 }));
    expect(screen.getByText('Ditt svar syns på tavlan.')).toBeInTheDocument();
    const board = renderWithSession(<CheckinBoard />, asRole(session, 'stage'));
    expect(within(board.container).getByText('Nyfiken på dagen')).toBeInTheDocument();
  });

  it('a participant who passes sees it at once, the board shows it as passing, and the phone can take it back', async () => {
    const session = meeting();
    setOrder(session.docs.control, ['p-2', 'p-self']);
    renderWithSession(<CheckinPhone />, session);
    await userEvent.click(screen.getByRole('button', { name: 'Stå över' }));
    expect(screen.getByText('Du står över den här rundan.')).toBeInTheDocument();
    expect(session.docs.private!.getMap('checkin').get('passed')).toBe(true);
    act(() => relayAnswer(session.docs.meeting, 'p-self', { text: '', passed: true, updatedAt: 1 }));
    renderWithSession(<CheckinBoard />, asRole(session, 'stage'));
    const anna = screen.getByText('Anna').closest('li')!;
    expect(within(anna).getByText('står över')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Ångra, jag vill säga något' }));
    expect(session.docs.private!.getMap('checkin').get('passed')).toBe(false);
    act(() => relayAnswer(session.docs.meeting, 'p-self', { text: '', passed: false, updatedAt: 2 }));
    expect(within(anna).getByText('väntar')).toBeInTheDocument();
  });

  it('the phone tells the participant when it is their turn', () => {
    const session = meeting();
    setOrder(session.docs.control, ['p-2', 'p-self']);
    renderWithSession(<CheckinPhone />, session);
    expect(screen.getByText('Du är nummer 2 i talarordningen.')).toBeInTheDocument();
    act(() => {
      nextSpeaker(session.docs.control, 0);
      nextSpeaker(session.docs.control, 1);
    });
    expect(screen.getByText('Din tur att prata!')).toBeInTheDocument();
  });

  it('the board shows the question, the speaking order and who speaks now', () => {
    const session = meeting();
    setOrder(session.docs.control, ['p-3', 'p-self', 'p-2']);
    nextSpeaker(session.docs.control, 0);
    nextSpeaker(session.docs.control, 0);
    renderWithSession(<CheckinBoard />, asRole(session, 'stage'));
    expect(screen.getByText('Vad har du med dig in i dagens möte?')).toBeInTheDocument();
    const items = within(screen.getByRole('list')).getAllByRole('listitem');
    expect(items.map((li) => li.querySelector('.speaker__name')?.textContent)).toEqual(['Cecilia', 'Anna', 'Bo']);
    expect(within(items[0]).getByText('klar')).toBeInTheDocument();
    expect(within(items[1]).getByText('talar nu')).toBeInTheDocument();
    expect(items[1]).toHaveAttribute('aria-current', 'true');
    expect(within(items[2]).getByText('väntar')).toBeInTheDocument();
  });

  it('the facilitator starts the round and moves on with the N key, skipping who passed', async () => {
    const session = meeting();
    const console = asRole(session, 'facilitator');
    renderWithSession(<CheckinConsole />, console);
    await userEvent.click(screen.getByRole('button', { name: 'Talarordning efter ankomst' }));
    expect(screen.getByText('0 av 3 har svarat')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Starta rundan' }));
    renderWithSession(<CheckinBoard />, asRole(session, 'stage'));
    expect(screen.getByText(/talar nu:/i)).toHaveTextContent('Anna');
    // what the relay writes when Bo's phone passes
    act(() => relayAnswer(session.docs.meeting, 'p-2', { text: '', passed: true, updatedAt: 1 }));
    await userEvent.click(document.body);
    await userEvent.keyboard('n');
    expect(screen.getByText(/talar nu:/i)).toHaveTextContent('Cecilia');
    expect(screen.getByText('2 av 3 har svarat')).toBeInTheDocument();
  });

  it('typing N in the question field does not move to the next speaker', async () => {
    const session = meeting();
    renderWithSession(<CheckinConsole />, asRole(session, 'facilitator'));
    await userEvent.click(screen.getByRole('button', { name: 'Talarordning efter ankomst' }));
    await userEvent.click(screen.getByRole('button', { name: 'Starta rundan' }));
    const field = screen.getByRole('textbox', { name: 'Fråga till rundan' });
    await userEvent.clear(field);
    await userEvent.type(field, 'Nu n ');
    expect(field).toHaveValue('Nu n ');
    expect(screen.getByText('0 av 3 har svarat')).toBeInTheDocument();
  });

  it('an emptied question cannot be set, so the board keeps the question people are answering', async () => {
    const session = meeting();
    renderWithSession(<CheckinConsole />, asRole(session, 'facilitator'));
    await userEvent.clear(screen.getByRole('textbox', { name: 'Fråga till rundan' }));
    expect(screen.getByRole('button', { name: 'Använd frågan' })).toBeDisabled();
    expect(session.docs.control.getMap('checkin').get('question')).toBe('Vad har du med dig in i dagens möte?');
  });

  it('a per-speaker timer counts down beside the current speaker', async () => {
    const session = meeting();
    renderWithSession(<CheckinConsole />, asRole(session, 'facilitator'));
    await userEvent.type(screen.getByRole('spinbutton', { name: 'Tid per talare i sekunder (0 = ingen)' }), '{selectall}90');
    await userEvent.click(screen.getByRole('button', { name: 'Talarordning efter ankomst' }));
    await userEvent.click(screen.getByRole('button', { name: 'Starta rundan' }));
    expect(screen.getByRole('timer', { name: 'Tid kvar för talaren' })).toHaveTextContent(/^1:(30|29)$/);
  });
});
