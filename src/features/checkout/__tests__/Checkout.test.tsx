// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import * as Y from 'yjs';
import { PrivateRoots, ControlRoots } from '@common/schema';
import { rootFields } from '@/doc/core';
import { setRatingSettings } from '@/doc/checkout';
import { MeetingProvider } from '@/store/meeting';
import { makeSession } from '@/test/makeSession';
import { CheckoutPhone } from '../CheckoutPhone';
import { CheckoutBoard } from '../CheckoutBoard';
import { CheckoutConsole } from '../CheckoutConsole';

afterEach(cleanup);

describe('CheckoutPhone', () => {
  it('writes the answer and the rating only into the private doc', async () => {
    const session = makeSession({ role: 'participant', participantId: 'p-self', participants: [{ id: 'p-self', name: 'Anna' }] });
    const before = { meeting: Y.encodeStateVector(session.docs.meeting), control: Y.encodeStateVector(session.docs.control) };
    render(<MeetingProvider session={session}><CheckoutPhone /></MeetingProvider>);
    const user = userEvent.setup();
    await user.type(screen.getByRole('textbox', { name: 'Ditt svar (frivilligt, syns på tavlan)' }), 'Bra samtal');
    await user.click(screen.getByRole('button', { name: 'Spara svar' }));
    await user.click(screen.getByRole('radio', { name: '4' }));
    expect(screen.getByText('Tack! Du kan ändra dig tills fördelningen visas.')).toBeInTheDocument();
    const priv = session.docs.private!;
    expect(rootFields(priv, PrivateRoots.checkout).get('text')).toBe('Bra samtal');
    expect(rootFields(priv, PrivateRoots.rating).get('value')).toBe(4);
    expect(Y.encodeStateVector(session.docs.meeting)).toEqual(before.meeting);
    expect(Y.encodeStateVector(session.docs.control)).toEqual(before.control);
  });
});

describe('rating while the distribution is shown', () => {
  const shown = (session: ReturnType<typeof makeSession>, fields: Record<string, unknown>) =>
    act(() => {
      setRatingSettings(session.docs.control, { enabled: true, revealed: true });
      session.docs.control.transact(() => {
        for (const [k, v] of Object.entries(fields)) rootFields(session.docs.control, ControlRoots.ratingResult).set(k, v);
      });
    });

  it('a latecomer still finds the picker and is told their rating waits for two more', async () => {
    const session = makeSession({ role: 'participant', participantId: 'p-late', participants: [{ id: 'p-late', name: 'Dan' }] });
    render(<MeetingProvider session={session}><CheckoutPhone /></MeetingProvider>);
    shown(session, { count: 3, distribution: [0, 0, 1, 2, 0] });
    await userEvent.setup().click(screen.getByRole('radio', { name: '2' }));
    expect(rootFields(session.docs.private!, PrivateRoots.rating).get('value')).toBe(2);
    expect(screen.getByText(/Ditt svar är räknat\. Fördelningen ändras först när minst 3 nya svar har kommit/)).toBeInTheDocument();
    shown(session, { count: 4, pending: 1 });
    expect(screen.getByText(/1 svar har kommit eller ändrats sedan fördelningen visades/)).toBeInTheDocument();
  });

  it('the console says how many answered, how many the chart shows, and why the rest wait', () => {
    const session = makeSession({ role: 'facilitator' });
    render(<MeetingProvider session={session}><CheckoutConsole /></MeetingProvider>);
    shown(session, { count: 2, distribution: null });
    expect(screen.getByText('Fördelningen visas när minst 3 har svarat – nu 2. Telefonerna kan fortfarande svara.')).toBeInTheDocument();
    shown(session, { count: 5, distribution: [0, 0, 1, 2, 0], pending: 2 });
    expect(screen.getByText('5 har svarat. Fördelningen visar 3 svar.')).toBeInTheDocument();
    expect(screen.getByText('Antal svar: 3')).toBeInTheDocument();
    expect(screen.getByText(/2 svar har kommit eller ändrats sedan fördelningen visades\. De kommer med när minst 3 har kommit/)).toBeInTheDocument();
  });
});

describe('CheckoutBoard', () => {
  it('says too few answers below three, and shows the distribution from the relay’s result', () => {
    const session = makeSession({ role: 'stage' });
    setRatingSettings(session.docs.control, { enabled: true, revealed: true });
    rootFields(session.docs.control, ControlRoots.ratingResult).set('count', 2);
    render(<MeetingProvider session={session}><CheckoutBoard /></MeetingProvider>);
    expect(screen.getByText('För få svar för att visa (minst 3).')).toBeInTheDocument();
    act(() => {
      session.docs.control.transact(() => {
        rootFields(session.docs.control, ControlRoots.ratingResult).set('count', 3);
        rootFields(session.docs.control, ControlRoots.ratingResult).set('distribution', [0, 0, 1, 2, 0]);
      });
    });
    expect(screen.getByText('Antal svar: 3')).toBeInTheDocument();
    expect(screen.getByText('2 st')).toBeInTheDocument();
  });
});
