// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ControlRoots } from '@common/schema';
import { applyGroups } from '@/doc/facilitator/groups';
import { loadCatalogue } from '@/i18n/translate';
import { useLanguageStore } from '@/i18n/language';
import { makeSession } from '@/test/makeSession';
import { renderWithSession } from '@/test/renderWithSession';
import { DeepDiveConsole } from '../DeepDiveConsole';

afterEach(() => {
  cleanup();
  act(() => useLanguageStore.getState().applyLang('sv'));
});

function setup() {
  const session = makeSession({
    role: 'facilitator',
    phase: 'deepdive',
    participants: [
      { id: 'a', name: 'Anna', organisation: 'Region', joinedAt: 1 },
      { id: 'b', name: 'Bo', organisation: 'Kommun', joinedAt: 2 },
      { id: 'c', name: 'Cleo', organisation: 'Region', joinedAt: 3 },
      { id: 'd', name: 'Dan', organisation: 'Kommun', joinedAt: 4 },
    ],
  });
  applyGroups(session.docs.control, [['a', 'b'], ['c']]);
  renderWithSession(<DeepDiveConsole />, session);
  const memberOf = () => session.docs.control.getMap(ControlRoots.groupMembers).toJSON();
  const live = () => screen.getAllByRole('status').find((el) => el.id.startsWith('DndLiveRegion'))!;
  return { session, memberOf, live };
}

/** Space to pick up, (arrows,) Space to drop: what a keyboard user does with the drag handle. */
function keyboardDrag(handle: HTMLElement, arrows: string[] = []) {
  handle.focus();
  fireEvent.keyDown(handle, { code: 'Space', key: ' ' });
  for (const code of arrows) fireEvent.keyDown(document.activeElement ?? handle, { code, key: code });
}

describe('DeepDiveConsole', () => {
  it('moves a person to another group by keyboard drag, announced in Swedish', async () => {
    const { memberOf, live } = setup();
    const handle = screen.getByRole('button', { name: 'Dra Anna till en annan grupp' });
    expect(handle).toHaveAccessibleDescription(/Välj grupp med piltangenterna/);
    keyboardDrag(handle);
    // jsdom has no layout: every group measures 0×0 at the origin, so the first other group is "over"
    await waitFor(() => expect(live()).toHaveTextContent('Anna är över Grupp 2.'));
    fireEvent.keyDown(document.activeElement ?? handle, { code: 'Space', key: ' ' });
    await waitFor(() => expect(memberOf()).toMatchObject({ a: 'g2' }));
    expect(live()).toHaveTextContent('Flyttade Anna till Grupp 2.');
    expect(within(screen.getByRole('region', { name: 'Grupp 2' })).getByText('Anna')).toBeInTheDocument();
  });

  it('a latecomer in no group is dragged into one, and cancelling with Escape moves nobody', async () => {
    const { memberOf, live } = setup();
    const tray = screen.getByRole('region', { name: 'Utan grupp' });
    const handle = within(tray).getByRole('button', { name: 'Dra Dan till en annan grupp' });
    keyboardDrag(handle);
    await waitFor(() => expect(live()).toHaveTextContent('Dan är över Grupp 1.'));
    fireEvent.keyDown(document.activeElement ?? handle, { code: 'Escape', key: 'Escape' });
    await waitFor(() => expect(live()).toHaveTextContent('Flytten av Dan avbröts.'));
    expect(memberOf()).not.toHaveProperty('d');
    keyboardDrag(screen.getByRole('button', { name: 'Dra Dan till en annan grupp' }));
    await waitFor(() => expect(live()).toHaveTextContent('Dan är över Grupp 1.'));
    fireEvent.keyDown(document.activeElement!, { code: 'Space', key: ' ' });
    await waitFor(() => expect(memberOf()).toMatchObject({ d: 'g1' }));
    expect(screen.getByText('Alla är med i en grupp.')).toBeInTheDocument();
  });

  it('the menu beside the name does the same move', async () => {
    const { memberOf } = setup();
    await userEvent.setup().selectOptions(screen.getByRole('combobox', { name: 'Grupp för Cleo' }), 'Grupp 1');
    expect(memberOf()).toMatchObject({ c: 'g1' });
  });

  it('speaks English when the console is in English', async () => {
    await loadCatalogue('en');
    act(() => useLanguageStore.getState().applyLang('en'));
    const { memberOf, live } = setup();
    const handle = screen.getByRole('button', { name: 'Drag Bo to another group' });
    expect(handle).toHaveAccessibleDescription(/Choose a group with the arrow keys/);
    keyboardDrag(handle);
    await waitFor(() => expect(live()).toHaveTextContent('Bo is over Group 2.'));
    fireEvent.keyDown(document.activeElement ?? handle, { code: 'Space', key: ' ' });
    await waitFor(() => expect(memberOf()).toMatchObject({ b: 'g2' }));
    expect(live()).toHaveTextContent('Moved Bo to Group 2.');
  });

  it('opens no group document until its answers are edited', () => {
    setup();
    expect(screen.queryAllByRole('textbox')).toEqual([]);
    expect(screen.queryByRole('button', { name: 'Hämta förslagen till röstningen' })).not.toBeInTheDocument();
  });
});
