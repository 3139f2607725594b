// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, render, screen } from '@testing-library/react';
import { ControlRoots } from '@common/schema';
import { MeetingProvider } from '@/store/meeting';
import { makeSession } from '@/test/makeSession';
import { revealNotes } from '@/doc/notesFixture';
import { GatheringBoard } from '../GatheringBoard';

function setup() {
  const session = makeSession({
    role: 'stage',
    participants: [
      { id: 'p1', name: 'Anna' },
      { id: 'p2', name: 'Bo' },
      { id: 'p3', name: 'Cia' },
    ],
  });
  const control = session.docs.control;
  control.transact(() => {
    control.getMap(ControlRoots.noteCounts).set('p1', 3);
    control.getMap(ControlRoots.noteCounts).set('p2', 2);
  }, 'relay');
  // the meeting doc already holds text, to prove the board does not show it before the reveal
  revealNotes(session.docs.meeting, ['Hemlig lapp']);
  render(
    <MeetingProvider session={session}>
      <GatheringBoard />
    </MeetingProvider>,
  );
  return session;
}

afterEach(cleanup);

describe('GatheringBoard', () => {
  it('shows only counts before the reveal, never note text', () => {
    setup();
    expect(screen.getByText('5 lappar från 2 av 3 deltagare')).toBeInTheDocument();
    expect(screen.queryByText('Hemlig lapp')).not.toBeInTheDocument();
  });

  it('shows every note after the reveal, without authors when anonymous', () => {
    const session = setup();
    act(() => session.docs.control.getMap(ControlRoots.gathering).set('revealed', true));
    expect(screen.getByText('Hemlig lapp')).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Alla lappar (1)' })).toBeInTheDocument();
  });
});
