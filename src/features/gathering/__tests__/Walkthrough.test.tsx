// @vitest-environment jsdom
// The walk-through's console controls and a phone's mark, as the facilitator and a participant see them.
import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ControlRoots, MeetingRoots, PrivateRoots } from '@common/schema';
import { createItem } from '@/doc/core';
import { MeetingProvider } from '@/store/meeting';
import { makeSession } from '@/test/makeSession';
import { GatheringConsole } from '../GatheringConsole';
import { GatheringPhone } from '../GatheringPhone';

const LONG = 'Utskrivningen från geriatriken sker ofta på fredagseftermiddagar när hemtjänsten inte hinner planera och läkemedelslistan saknas. '.repeat(2);

function room(role: 'facilitator' | 'participant') {
  const session = makeSession({ role, phase: 'gathering' });
  const { control, meeting } = session.docs;
  control.transact(() => control.getMap(ControlRoots.gathering).set('revealed', true), 'relay');
  meeting.transact(() => {
    for (let i = 0; i < 40; i++) {
      const id = `n${String(i).padStart(2, '0')}`;
      createItem(meeting.getMap(MeetingRoots.notes) as never, id, { id, text: i % 4 === 0 ? LONG : `Lapp ${i}`, color: 'yellow', tag: '', group: 0, clusterId: null, stackedOn: null, parked: false, handOverTo: '', order: `a${id}`, createdAt: i });
    }
  }, 'relay');
  return session;
}

afterEach(cleanup);

describe('the walk-through', () => {
  it('the console starts it, turns pages with the buttons and ←/→, pages automatically and ends it', async () => {
    const session = room('facilitator');
    const walk = session.docs.control.getMap(ControlRoots.walkthrough);
    render(
      <MeetingProvider session={session}>
        <GatheringConsole />
      </MeetingProvider>,
    );
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Starta genomgången' }));
    expect(walk.get('active')).toBe(true);
    const where = screen.getByText(/^Sida 1 av \d+$/);
    const pages = Number(/av (\d+)/.exec(where.textContent!)![1]);
    expect(pages).toBeGreaterThan(2);
    // announced where the room is
    expect(where).toHaveAttribute('aria-live', 'polite');
    await user.click(screen.getByRole('button', { name: /Nästa sida/ }));
    expect(walk.get('page')).toBe(1);
    await user.keyboard('{ArrowRight}');
    expect(walk.get('page')).toBe(2);
    await user.keyboard('{ArrowLeft}');
    expect(walk.get('page')).toBe(1);
    expect(screen.getByText(`Sida 2 av ${pages}`)).toBeInTheDocument();
    await user.clear(screen.getByRole('spinbutton', { name: 'Bläddra automatiskt var' }));
    await user.type(screen.getByRole('spinbutton', { name: 'Bläddra automatiskt var' }), '15');
    await user.click(screen.getByRole('button', { name: 'Bläddra automatiskt' }));
    expect(walk.get('autoSeconds')).toBe(15);
    expect(typeof walk.get('autoStartedAt')).toBe('number');
    await user.click(screen.getByRole('button', { name: 'Sluta bläddra automatiskt' }));
    expect(walk.get('autoStartedAt')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Avsluta genomgången' }));
    expect(walk.get('active')).toBe(false);
  });

  it('a phone marks its own note while its page is on the board, and only its own', () => {
    const session = room('participant');
    const { control } = session.docs;
    const mine = session.docs.private!;
    mine.transact(() => createItem(mine.getMap(PrivateRoots.notes) as never, 'n01', { id: 'n01', text: 'Lapp 1', color: 'yellow', tag: '', group: 0, createdAt: 1, updatedAt: 1, state: 'revealed' }));
    render(
      <MeetingProvider session={session}>
        <GatheringPhone />
      </MeetingProvider>,
    );
    expect(screen.queryByText('På tavlan nu')).not.toBeInTheDocument();
    act(() => control.transact(() => (control.getMap(ControlRoots.walkthrough).set('active', true), control.getMap(ControlRoots.walkthrough).set('page', 0))));
    expect(screen.getByText('På tavlan nu')).toBeInTheDocument();
    expect(screen.getByText('1 av dina lappar är på tavlan nu.')).toHaveAttribute('role', 'status');
    act(() => control.getMap(ControlRoots.walkthrough).set('page', 3));
    expect(screen.queryByText('På tavlan nu')).not.toBeInTheDocument();
  });
});
