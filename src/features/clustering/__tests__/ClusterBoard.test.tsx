// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { meetingClusters } from '@/doc/clusters';
import { createClusterFromNotes } from '@/doc/facilitator/clusters';
import { revealNotes, picture } from '@/doc/notesFixture';
import { MeetingProvider } from '@/store/meeting';
import { makeSession } from '@/test/makeSession';
import { ClusterBoard } from '../ClusterBoard';

afterEach(cleanup);

function setup(role: 'facilitator' | 'participant' = 'facilitator') {
  const session = makeSession({ role });
  const meeting = session.docs.meeting;
  const [a, b, c] = revealNotes(meeting, ['Remisser försvinner', 'Ingen ringer tillbaka', 'Läkemedelslistor stämmer inte']);
  const k = createClusterFromNotes(meeting, a, b, 'Kommunikation')!;
  render(
    <MeetingProvider session={session}>
      <ClusterBoard />
    </MeetingProvider>,
  );
  return { session, meeting, k, c, user: userEvent.setup() };
}

const cluster = (name: string) => screen.getByRole('region', { name: `Kluster ${name}` });

describe('ClusterBoard', () => {
  it('gives every note card and cluster an accessible name and a data attribute', () => {
    const { k, c } = setup();
    expect(cluster('Kommunikation')).toHaveAttribute('data-cluster-id', k);
    const card = screen.getByRole('button', { name: 'Läkemedelslistor stämmer inte' });
    expect(card.closest('[data-note-id]')).toHaveAttribute('data-note-id', c);
    expect(within(cluster('Kommunikation')).getByRole('button', { name: 'Remisser försvinner' })).toBeInTheDocument();
  });

  it('moves a note into a cluster from the note’s menu, and undo puts it back', async () => {
    const { user, meeting } = setup();
    await user.click(screen.getByRole('button', { name: 'Åtgärder för lappen ”Läkemedelslistor stämmer inte”' }));
    await user.selectOptions(screen.getByRole('combobox', { name: 'Flytta till kluster' }), 'Kommunikation');
    expect(within(cluster('Kommunikation')).getByRole('button', { name: 'Läkemedelslistor stämmer inte' })).toBeInTheDocument();
    expect(picture(meeting).loose).toEqual([]);
    await user.click(screen.getByRole('button', { name: 'Ångra' }));
    expect(picture(meeting).loose).toEqual(['Läkemedelslistor stämmer inte']);
    await user.keyboard('{Control>}{Shift>}z{/Shift}{/Control}');
    expect(picture(meeting).loose).toEqual([]);
  });

  it('an opened note menu is scrolled into view whole, so the loose tray’s edge does not cut it off', async () => {
    const scrolled: Element[] = [];
    Element.prototype.scrollIntoView ??= () => {}; // jsdom has no layout and no scrollIntoView
    const spy = vi.spyOn(Element.prototype, 'scrollIntoView').mockImplementation(function (this: Element) {
      scrolled.push(this);
    });
    try {
      const { user } = setup();
      await user.click(screen.getByRole('button', { name: 'Åtgärder för lappen ”Läkemedelslistor stämmer inte”' }));
      const menu = screen.getByRole('group', { name: /Läkemedelslistor stämmer inte/ });
      expect(scrolled).toContain(menu);
      expect(within(menu).getByRole('combobox', { name: 'Flytta till kluster' })).toHaveFocus();
    } finally {
      spy.mockRestore();
    }
  });

  it('counts one note in a cluster in the singular', async () => {
    const { user } = setup();
    expect(within(cluster('Kommunikation')).getByText('2 lappar')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Åtgärder för lappen ”Remisser försvinner”' }));
    await user.selectOptions(screen.getByRole('combobox', { name: 'Flytta till kluster' }), 'Osorterade');
    expect(within(cluster('Kommunikation')).getByText('1 lapp')).toBeInTheDocument();
  });

  it('renames a cluster inline with one write on Enter', async () => {
    const { user, meeting, k } = setup();
    const name = within(cluster('Kommunikation')).getByRole('textbox', { name: 'Klusternamn' });
    await user.clear(name);
    await user.type(name, 'Informationsöverföring{Enter}');
    expect(meetingClusters(meeting).get(k)?.get('name')).toBe('Informationsöverföring');
    expect(cluster('Informationsöverföring')).toBeInTheDocument();
  });

  it('a new cluster gets a default name that is selected for renaming', async () => {
    const { user } = setup();
    await user.click(screen.getByRole('button', { name: 'Åtgärder för lappen ”Läkemedelslistor stämmer inte”' }));
    await user.selectOptions(screen.getByRole('combobox', { name: 'Flytta till kluster' }), 'Nytt kluster');
    const name = within(cluster('Kluster 2')).getByRole('textbox', { name: 'Klusternamn' }) as HTMLTextAreaElement;
    // a frame or two later: after dnd-kit has given focus back to the dragged note
    await waitFor(() => expect(name).toHaveFocus());
    expect([name.selectionStart, name.selectionEnd]).toEqual([0, 'Kluster 2'.length]);
  });

  it('parks a note from its menu', async () => {
    const { user, meeting } = setup();
    await user.click(screen.getByRole('button', { name: 'Åtgärder för lappen ”Remisser försvinner”' }));
    await user.click(screen.getByRole('button', { name: 'Parkera' }));
    expect(picture(meeting).parked).toEqual(['Remisser försvinner']);
  });

  it('merges two clusters from the cluster menu', async () => {
    const { user, meeting, c } = setup();
    act(() => {
      const [d] = revealNotes(meeting, ['Fjärde']);
      createClusterFromNotes(meeting, c, d, 'Läkemedel');
    });
    await user.click(screen.getByRole('button', { name: 'Åtgärder för klustret Läkemedel' }));
    await user.selectOptions(screen.getByRole('combobox', { name: 'Slå ihop med…' }), 'Kommunikation');
    expect(Object.keys(picture(meeting).clusters)).toEqual(['Kommunikation']);
  });

  it('moves a note into a cluster with the keyboard, announced in Swedish', async () => {
    const { meeting } = setup();
    const card = screen.getByRole('button', { name: 'Läkemedelslistor stämmer inte' });
    expect(card).toHaveAccessibleDescription(/Tryck mellanslag eller Enter för att lyfta/);
    const live = () => screen.getAllByRole('status').find((el) => el.id.startsWith('DndLiveRegion'))!;
    card.focus();
    fireEvent.keyDown(card, { code: 'Space', key: ' ' });
    // jsdom has no layout: every target measures 0×0 at the origin, so the first note target is "over"
    await waitFor(() => expect(live()).toHaveTextContent('Lappen ”Läkemedelslistor stämmer inte” är över lappen ”Ingen ringer tillbaka”.'));
    fireEvent.keyDown(document.activeElement ?? card, { code: 'Space', key: ' ' });
    await waitFor(() => expect(picture(meeting).clusters.Kommunikation).toContain('Läkemedelslistor stämmer inte'));
    expect(live()).toHaveTextContent('Släppte lappen ”Läkemedelslistor stämmer inte” på lappen ”Ingen ringer tillbaka”.');
  });

  it('stacks a duplicate from the menu and takes it off the stack again', async () => {
    const { user, meeting } = setup();
    await user.click(screen.getByRole('button', { name: 'Åtgärder för lappen ”Ingen ringer tillbaka”' }));
    await user.selectOptions(screen.getByRole('combobox', { name: 'Stapla på…' }), 'Remisser försvinner');
    expect(picture(meeting).clusters.Kommunikation).toEqual(['Ingen ringer tillbaka@Remisser försvinner', 'Remisser försvinner']);
    expect(screen.getByText('+1 dubblett')).toBeInTheDocument();
    const menuButton = screen.getByRole('button', { name: 'Åtgärder för lappen ”Remisser försvinner”' });
    await user.click(menuButton);
    await user.click(screen.getByRole('button', { name: 'Ta av från stapeln: Ingen ringer tillbaka' }));
    expect(picture(meeting).clusters.Kommunikation).toEqual(['Ingen ringer tillbaka', 'Remisser försvinner']);
    expect(menuButton).toHaveFocus();
  });

  it('is read-only for participants: no menus, no name fields', () => {
    setup('participant');
    expect(screen.queryByRole('textbox')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Åtgärder/ })).not.toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Kommunikation' })).toBeInTheDocument();
  });
});
