// @vitest-environment jsdom
import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { makeSession } from '@/test/makeSession';
import { asRole, renderWithSession } from '@/test/renderWithSession';
import { PhaseTimer } from './PhaseTimer';
import { TimerControls } from './TimerControls';

afterEach(cleanup);

describe('TimerControls', () => {
  it('the facilitator starts, pauses, extends and resets a timer that phones show too', async () => {
    const session = makeSession({ role: 'facilitator' });
    renderWithSession(<TimerControls />, session);
    const phone = renderWithSession(<PhaseTimer size="small" />, asRole(session, 'participant', 'p1'));
    const minutes = screen.getByRole('spinbutton', { name: 'Minuter' });
    await userEvent.clear(minutes);
    await userEvent.type(minutes, '2');
    await userEvent.click(screen.getByRole('button', { name: 'Starta timer' }));
    expect(within(phone.container).getByRole('timer')).toHaveTextContent(/^(2:00|1:59)$/);
    await userEvent.click(screen.getByRole('button', { name: 'Pausa timer' }));
    expect(within(phone.container).getByText('Pausad')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: '+1 minut' }));
    expect(within(phone.container).getByRole('timer')).toHaveTextContent(/^(3:00|2:59)$/);
    await userEvent.click(screen.getByRole('button', { name: 'Fortsätt timer' }));
    await userEvent.click(screen.getByRole('button', { name: 'Nollställ timer' }));
    expect(within(phone.container).queryByRole('timer')).not.toBeInTheDocument();
  });
});
