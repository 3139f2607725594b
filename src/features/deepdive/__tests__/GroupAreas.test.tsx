// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MeetingRoots, ControlRoots } from '@common/schema';
import { createItem, rootFields, rootItems } from '@/doc/core';
import { applyGroups } from '@/doc/facilitator/groups';
import { setVoting } from '@/doc/facilitator/voting';
import { makeSession } from '@/test/makeSession';
import { renderWithSession } from '@/test/renderWithSession';
import { DeepDiveConsole } from '../DeepDiveConsole';

afterEach(cleanup);

const AREAS = { A: 'Utskrivningen', B: 'Läkemedelslistan', C: 'Hemtjänstens besked' };

function setup(chosen: string[]) {
  const session = makeSession({
    role: 'facilitator',
    phase: 'deepdive',
    participants: ['a', 'b', 'c', 'd', 'e', 'f'].map((id, i) => ({ id, name: `P${id}`, organisation: i % 2 ? 'Kommun' : 'Region', joinedAt: i })),
  });
  const { meeting, control } = session.docs;
  meeting.transact(() => {
    Object.entries(AREAS).forEach(([id, name], i) => createItem(rootItems(meeting, MeetingRoots.clusters), id, { id, name, order: `a${i}`, parked: false, handOverTo: '', createdAt: i }));
  });
  setVoting(control, 'areas', { revealed: true, open: false, chosen });
  rootFields(control, ControlRoots.voteResults).set('areas', { totals: { A: 2, B: 5, C: 1 }, voters: 3, unused: 0 });
  return session;
}

const areaOf = (group: string) => (within(screen.getByRole('region', { name: group })).getByRole('combobox', { name: 'Område' }) as HTMLSelectElement).selectedOptions[0].textContent;

describe('areas for the deep-dive groups', () => {
  it('groups formed after the area vote get the chosen areas, spread over them, and stay editable', async () => {
    const session = setup(['A', 'C']);
    renderWithSession(<DeepDiveConsole />, session);
    const user = userEvent.setup();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Ange' }), 'count');
    const count = screen.getByRole('spinbutton', { name: 'Antal grupper' });
    await user.clear(count);
    await user.type(count, '3');
    await user.click(screen.getByRole('button', { name: 'Dela in grupperna' }));
    expect(['Grupp 1', 'Grupp 2', 'Grupp 3'].map(areaOf)).toEqual([AREAS.A, AREAS.C, AREAS.A]);
    expect(screen.queryByText(/saknar område/)).not.toBeInTheDocument();
    await user.selectOptions(within(screen.getByRole('region', { name: 'Grupp 3' })).getByRole('combobox', { name: 'Område' }), AREAS.C);
    expect(areaOf('Grupp 3')).toBe(AREAS.C);
  });

  it('groups without an area are named on the console, with the top area proposed and given with one button', async () => {
    const session = setup([]);
    applyGroups(session.docs.control, [['a', 'b'], ['c', 'd']]);
    renderWithSession(<DeepDiveConsole />, session);
    const notice = screen.getAllByRole('status').find((el) => el.classList.contains('dd-areas-notice'))!;
    expect(notice).toHaveTextContent('2 grupper saknar område');
    expect(notice).toHaveTextContent('så förslaget är det som fick flest prickar');
    expect(notice).toHaveTextContent(`Förslag: Grupp 1 – ${AREAS.B}`);
    await userEvent.setup().click(screen.getByRole('button', { name: 'Ge grupperna områdena i förslaget' }));
    expect([areaOf('Grupp 1'), areaOf('Grupp 2')]).toEqual([AREAS.B, AREAS.B]);
    expect(screen.queryByText(/saknar område/)).not.toBeInTheDocument();
  });

  it('before the vote has a result, says where the areas come from', () => {
    const session = setup([]);
    act(() => setVoting(session.docs.control, 'areas', { revealed: false }));
    applyGroups(session.docs.control, [['a', 'b']]);
    renderWithSession(<DeepDiveConsole />, session);
    expect(screen.getByText(/En grupp saknar område/)).toBeInTheDocument();
    expect(screen.getByText(/Visa resultatet under Prioritera/)).toBeInTheDocument();
  });
});
