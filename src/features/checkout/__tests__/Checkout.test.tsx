// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import * as Y from 'yjs';
import { PartTwoControlRoots, PartTwoPrivateRoots, PrivateRoots } from '@common/schema';
import { rootFields } from '@/doc/core';
import { setRatingSettings } from '@/doc/checkout';
import { MeetingProvider } from '@/store/meeting';
import { makeSession } from '@/test/makeSession';
import { CheckoutPhone } from '../CheckoutPhone';
import { CheckoutBoard } from '../CheckoutBoard';

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
    expect(rootFields(priv, PartTwoPrivateRoots.rating).get('value')).toBe(4);
    expect(Y.encodeStateVector(session.docs.meeting)).toEqual(before.meeting);
    expect(Y.encodeStateVector(session.docs.control)).toEqual(before.control);
  });
});

describe('CheckoutBoard', () => {
  it('says too few answers below three, and shows the distribution from the relay’s result', () => {
    const session = makeSession({ role: 'board' });
    setRatingSettings(session.docs.control, { enabled: true, revealed: true });
    rootFields(session.docs.control, PartTwoControlRoots.ratingResult).set('count', 2);
    render(<MeetingProvider session={session}><CheckoutBoard /></MeetingProvider>);
    expect(screen.getByText('För få svar för att visa (minst 3).')).toBeInTheDocument();
    act(() => {
      session.docs.control.transact(() => {
        rootFields(session.docs.control, PartTwoControlRoots.ratingResult).set('count', 3);
        rootFields(session.docs.control, PartTwoControlRoots.ratingResult).set('distribution', [0, 0, 1, 2, 0]);
      });
    });
    expect(screen.getByText('Antal svar: 3')).toBeInTheDocument();
    expect(screen.getByText('2 st')).toBeInTheDocument();
  });
});
