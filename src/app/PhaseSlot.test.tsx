// @vitest-environment jsdom
import { act, cleanup, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { PhaseStepper } from '@/features/phases/PhaseStepper';
import { makeSession } from '@/test/makeSession';
import { asRole, renderWithSession } from '@/test/renderWithSession';
import { goToPhase } from '@/doc/facilitator/phase';
import { PhaseSlot } from './PhaseSlot';
import { boardViews } from './phaseViews';
import { phoneViews } from './phoneViews';

afterEach(cleanup);

describe('phase engine', () => {
  it('the phone follows the phase the facilitator moves to', async () => {
    const session = makeSession({ participants: [{ id: 'p-self', name: 'Anna', organisation: 'Primärvård' }] });
    renderWithSession(<PhaseStepper />, asRole(session, 'facilitator'));
    renderWithSession(<PhaseSlot kind="Phone" views={phoneViews} />, session);
    // phase views are lazy chunks: on a busy machine the first one can take a while to load
    expect(await screen.findByRole('heading', { name: 'Välkommen, Anna!' }, { timeout: 10_000 })).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Nästa fas' }));
    expect(await screen.findByRole('heading', { name: 'Incheckning' }, { timeout: 10_000 })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: /^Gå till Incheckning/ })).toHaveAttribute('aria-current', 'step');
  });

  it('the summary on the board shows the next steps without repeating the board\'s phase heading', async () => {
    const session = makeSession({ role: 'stage' });
    renderWithSession(<PhaseSlot kind="Board" views={boardViews} />, session);
    act(() => goToPhase(session.docs.control, 'summary'));
    expect(await screen.findByRole('heading', { name: 'Nästa steg' })).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'Sammanfattning' })).not.toBeInTheDocument();
  });

  it('the summary phase gives the phone its one h1 with the phase name', async () => {
    const session = makeSession({ participants: [{ id: 'p-self', name: 'Anna', organisation: 'Primärvård' }] });
    renderWithSession(<PhaseSlot kind="Phone" views={phoneViews} />, session);
    act(() => goToPhase(session.docs.control, 'summary'));
    expect(await screen.findByRole('heading', { level: 1, name: 'Sammanfattning' }, { timeout: 10_000 })).toBeInTheDocument();
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
