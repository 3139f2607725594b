// @vitest-environment jsdom
import { act, cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { pauseTimer, startTimer } from '@/doc/facilitator/timer';
import { makeSession } from '@/test/makeSession';
import { renderWithSession } from '@/test/renderWithSession';
import { PhaseTimer } from './PhaseTimer';

afterEach(cleanup);

describe('PhaseTimer', () => {
  it('shows the same time left on a device whose clock is ten minutes fast', () => {
    const session = makeSession({ clockOffsetMs: -600_000 });
    // the facilitator started 2 minutes on the server clock 30 s ago
    const serverNow = Date.now() - 600_000;
    startTimer(session.docs.control, 120_000, serverNow - 30_000);
    renderWithSession(<PhaseTimer size="small" />, session);
    expect(screen.getByRole('timer', { name: 'Tid kvar' })).toHaveTextContent('1:30');
  });

  it('says in words that time is up, not only by colour', () => {
    const session = makeSession();
    startTimer(session.docs.control, 60_000, Date.now() - 120_000);
    renderWithSession(<PhaseTimer size="huge" />, session);
    expect(screen.getByRole('timer')).toHaveTextContent('0:00');
    expect(screen.getByRole('alert')).toHaveTextContent('Tiden är slut!');
  });

  it('shows a paused timer as paused and stays hidden while idle', () => {
    const session = makeSession();
    renderWithSession(<PhaseTimer size="small" />, session);
    expect(screen.queryByRole('timer')).not.toBeInTheDocument();
    cleanup();
    startTimer(session.docs.control, 300_000, Date.now());
    pauseTimer(session.docs.control, Date.now() + 60_000);
    renderWithSession(<PhaseTimer size="small" />, session);
    expect(screen.getByRole('timer')).toHaveTextContent('4:00');
    expect(screen.getByText('Pausad')).toBeInTheDocument();
  });

  it('announces the last minute in a live region that was there before the timer started', () => {
    const session = makeSession();
    renderWithSession(<PhaseTimer size="small" />, session);
    const region = screen.getByRole('status');
    expect(region).toHaveAttribute('aria-live', 'polite');
    expect(region).toBeEmptyDOMElement();
    act(() => startTimer(session.docs.control, 5 * 60_000, Date.now()));
    expect(region).toBeEmptyDOMElement();
    act(() => startTimer(session.docs.control, 50_000, Date.now()));
    expect(screen.getByRole('status')).toBe(region);
    expect(region).toHaveTextContent('En minut kvar på timern.');
  });
});
