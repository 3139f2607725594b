// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ControlRoots, PrivateRoots } from '@common/schema';
import { createClusterFromNotes } from '@/doc/facilitator/clusters';
import { createItem } from '@/doc/core';
import { picture, revealNotes } from '@/doc/notesFixture';
import { MeetingProvider } from '@/store/meeting';
import { makeSession } from '@/test/makeSession';
import { ClusteringPhone } from '../ClusteringPhone';

afterEach(cleanup);

function setup(mayMove: boolean) {
  const session = makeSession({ role: 'participant' });
  const { meeting, control } = session.docs;
  const priv = session.docs.private!;
  const [mine, a, b] = revealNotes(meeting, ['Min egen lapp', 'Annans lapp', 'Tredje lappen']);
  createClusterFromNotes(meeting, a, b, 'Kommunikation');
  priv.transact(() => createItem(priv.getMap(PrivateRoots.notes) as never, mine, { id: mine, text: 'Min egen lapp', state: 'revealed' }), 'relay');
  control.transact(() => control.getMap(ControlRoots.clustering).set('participantsMayMove', mayMove), 'relay');
  render(
    <MeetingProvider session={session}>
      <ClusteringPhone />
    </MeetingProvider>,
  );
  return { session, meeting, control, user: userEvent.setup() };
}

describe('ClusteringPhone', () => {
  it('shows the clusters live with their notes', () => {
    setup(false);
    const cluster = screen.getByRole('region', { name: 'Kluster Kommunikation' });
    expect(within(cluster).getByText('Annans lapp')).toBeInTheDocument();
    expect(within(cluster).getByText('Tredje lappen')).toBeInTheDocument();
  });

  it('asks the relay to move the participant’s own note when the facilitator allows it', async () => {
    // the relay applies the request (tests/relay/ownMoves.test.ts); here the phone must ask, not move
    const { user, meeting, session } = setup(true);
    const before = picture(meeting);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Flytta ”Min egen lapp” till' }), 'Kommunikation');
    await user.click(screen.getByRole('button', { name: 'Flytta' }));
    expect(Object.values(session.docs.private!.getMap(PrivateRoots.moves).toJSON())).toHaveLength(1);
    expect(picture(meeting)).toEqual(before);
  });

  it('offers no move controls when moving is not allowed, nor for others’ notes', () => {
    const { control } = setup(false);
    expect(screen.queryByRole('combobox')).not.toBeInTheDocument();
    act(() => control.getMap(ControlRoots.clustering).set('participantsMayMove', true));
    expect(screen.getAllByRole('combobox')).toHaveLength(1);
    expect(screen.queryByRole('combobox', { name: /Annans lapp/ })).not.toBeInTheDocument();
  });
});
