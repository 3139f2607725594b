// @vitest-environment jsdom
import { act, cleanup, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { PhaseStepper } from '@/features/phases/PhaseStepper';
import { makeSession } from '@/test/makeSession';
import { asRole, renderWithSession } from '@/test/renderWithSession';
import { goToPhase } from '@/doc/phase';
import { PhaseSlot } from './PhaseSlot';

afterEach(cleanup);

describe('phase engine', () => {
  it('the phone follows the phase the facilitator moves to', async () => {
    const session = makeSession({ participants: [{ id: 'p-self', name: 'Anna', organisation: 'Primärvård' }] });
    renderWithSession(<PhaseStepper />, asRole(session, 'facilitator'));
    renderWithSession(<PhaseSlot kind="Phone" />, session);
    expect(await screen.findByRole('heading', { name: 'Välkommen, Anna!' })).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Nästa fas' }));
    expect(await screen.findByRole('heading', { name: 'Incheckning' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: /^Gå till Incheckning/ })).toHaveAttribute('aria-current', 'step');
  });

  it('a phase not built yet says on the board that it comes later, without repeating the board\'s phase heading', async () => {
    const session = makeSession({ role: 'board' });
    renderWithSession(<PhaseSlot kind="Board" />, session);
    act(() => goToPhase(session.docs.control, 'voting'));
    expect(await screen.findByText('Kommer i en senare version')).toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'Prioritera' })).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'Prioritera' })).not.toBeInTheDocument();
  });

  it('a phase not built yet gives the phone its one h1 with the phase name', async () => {
    const session = makeSession({ participants: [{ id: 'p-self', name: 'Anna', organisation: 'Primärvård' }] });
    renderWithSession(<PhaseSlot kind="Phone" />, session);
    act(() => goToPhase(session.docs.control, 'voting'));
    expect(await screen.findByRole('heading', { level: 1, name: 'Prioritera' })).toBeInTheDocument();
  });

  it('skipped phases are stepped over by Nästa fas', async () => {
    const session = makeSession({ role: 'facilitator' });
    renderWithSession(<PhaseStepper />, session);
    await userEvent.click(screen.getByRole('button', { name: 'Ändra faser' }));
    await userEvent.click(screen.getByRole('button', { name: 'Hoppa över Incheckning' }));
    await userEvent.click(screen.getByRole('button', { name: 'Nästa fas' }));
    expect(screen.getByRole('button', { name: /^Gå till Identifiera brister/ })).toHaveAttribute('aria-current', 'step');
    expect(screen.getByRole('button', { name: 'Ta med Incheckning' })).toBeInTheDocument();
  });
});
