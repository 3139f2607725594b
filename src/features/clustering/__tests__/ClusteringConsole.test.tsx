// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ControlRoots } from '@common/schema';
import { createClusterFromNotes, moveNoteToCluster } from '@/doc/facilitator/clusters';
import { picture, revealNotes } from '@/doc/notesFixture';
import { parkNote } from '@/doc/facilitator/parking';
import { MeetingProvider } from '@/store/meeting';
import { makeSession } from '@/test/makeSession';
import { ClusteringConsole } from '../ClusteringConsole';

afterEach(cleanup);

describe('ClusteringConsole', () => {
  it('lets participants move their own notes, counts the board and undoes the facilitator’s last move', async () => {
    const session = makeSession({ role: 'facilitator' });
    const { meeting, control } = session.docs;
    const [a, b, c, d] = revealNotes(meeting, ['A', 'B', 'C', 'D']);
    render(
      <MeetingProvider session={session}>
        <ClusteringConsole />
      </MeetingProvider>,
    );
    const user = userEvent.setup();
    expect(screen.getByRole('button', { name: 'Ångra' })).toBeDisabled();
    let k = '';
    act(() => {
      k = createClusterFromNotes(meeting, a, b, 'K')!;
      parkNote(meeting, c);
    });
    expect(screen.getByText('1 kluster, 1 osorterad lapp, 1 parkerad')).toBeInTheDocument();
    await user.click(screen.getByRole('switch', { name: 'Deltagarna får flytta sina egna lappar' }));
    expect(control.getMap(ControlRoots.clustering).get('participantsMayMove')).toBe(true);
    act(() => moveNoteToCluster(meeting, d, k));
    await user.click(screen.getByRole('button', { name: 'Ångra' }));
    expect(picture(meeting).loose).toEqual(['D']);
    expect(screen.getByRole('button', { name: 'Gör om' })).toBeEnabled();
  });
});
