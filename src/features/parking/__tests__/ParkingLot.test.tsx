// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createClusterFromNotes } from '@/doc/facilitator/clusters';
import { picture, revealNotes } from '@/doc/notesFixture';
import { parkCluster, parkNote } from '@/doc/facilitator/parking';
import { MeetingProvider } from '@/store/meeting';
import { makeSession } from '@/test/makeSession';
import type { Role } from '@/sync/session';
import { ParkingLot } from '../ParkingLot';

afterEach(cleanup);

function setup(role: Role, variant: 'board' | 'phone' | 'console') {
  const session = makeSession({ role });
  const meeting = session.docs.meeting;
  const [a, b, c] = revealNotes(meeting, ['Taxi till vårdcentralen', 'Nattbemanning', 'Larmrutiner']);
  parkNote(meeting, a, 'Regionens kollektivtrafik');
  const k = createClusterFromNotes(meeting, b, c, 'Bemanning')!;
  parkCluster(meeting, k);
  render(
    <MeetingProvider session={session}>
      <ParkingLot variant={variant} />
    </MeetingProvider>,
  );
  return { meeting, user: userEvent.setup() };
}

describe('ParkingLot', () => {
  it.each([['participant', 'phone']] as const)('lists parked notes and clusters with to whom they are handed over (%s)', (role, variant) => {
    setup(role, variant);
    const list = screen.getByRole('region', { name: 'Parkering: parkera eller lämna över till andra' });
    expect(within(list).getByText('Taxi till vårdcentralen')).toBeInTheDocument();
    expect(within(list).getByText('Lämnas över till: Regionens kollektivtrafik')).toBeInTheDocument();
    expect(within(list).getByText('Kluster ”Bemanning”')).toBeInTheDocument();
    expect(within(list).getByText('Nattbemanning')).toBeInTheDocument();
    expect(within(list).getByText('Lämnas över till: Ingen mottagare ännu')).toBeInTheDocument();
    expect(screen.queryByRole('textbox')).not.toBeInTheDocument();
  });

  it('the projector shows parked items as one strip with their count and recipients', () => {
    setup('stage', 'board');
    const strip = screen.getByRole('region', { name: 'Parkerat (2)' });
    expect(within(strip).getByText('Taxi till vårdcentralen → Regionens kollektivtrafik')).toBeInTheDocument();
    expect(within(strip).getByText('Bemanning')).toBeInTheDocument();
    expect(screen.queryByRole('textbox')).not.toBeInTheDocument();
  });

  it('the projector shows nothing when nothing is parked', () => {
    const { meeting } = setup('stage', 'board');
    act(() => {
      meeting.getMap('notes').forEach((item) => (item as unknown as Map<string, unknown>).set('parked', false));
      meeting.getMap('clusters').forEach((item) => (item as unknown as Map<string, unknown>).set('parked', false));
    });
    expect(screen.queryByRole('region')).not.toBeInTheDocument();
  });

  it('lets the facilitator set the hand-over and put an item back on the board', async () => {
    const { user, meeting } = setup('facilitator', 'console');
    const field = screen.getByRole('textbox', { name: 'Lämnas över till, för ”Bemanning”' });
    await user.type(field, 'Styrgruppen för vård och omsorg{Enter}');
    expect(within(screen.getByRole('region', { name: 'Parkering: parkera eller lämna över till andra' })).getByDisplayValue('Styrgruppen för vård och omsorg')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Tillbaka till tavlan: ”Taxi till vårdcentralen”' }));
    expect(picture(meeting).loose).toEqual(['Taxi till vårdcentralen']);
    expect(picture(meeting).parked).toEqual(['[Bemanning]']);
  });

  it('says so when nothing is parked', () => {
    const { meeting } = setup('facilitator', 'console');
    act(() => {
      meeting.getMap('notes').forEach((item) => (item as unknown as Map<string, unknown>).set('parked', false));
      meeting.getMap('clusters').forEach((item) => (item as unknown as Map<string, unknown>).set('parked', false));
    });
    expect(screen.getByText('Inget parkerat.')).toBeInTheDocument();
  });
});
