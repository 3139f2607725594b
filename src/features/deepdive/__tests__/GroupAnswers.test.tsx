// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import * as Y from 'yjs';
import { GroupRoots } from '@common/schema';
import { addAnswer } from '@/doc/groups';
import { makeFakeAwareness, makeSession } from '@/test/makeSession';
import { renderWithSession } from '@/test/renderWithSession';
import { GroupAnswers } from '../GroupAnswers';

afterEach(cleanup);

const WHY = 'a) Varför är det ett problem? – svar 1';

function setup() {
  const session = makeSession({ participantId: 'a', participants: [{ id: 'a', name: 'Anna' }, { id: 'b', name: 'Bo Ek' }] });
  const doc = new Y.Doc();
  const remote = new Y.Doc();
  doc.on('update', (u: Uint8Array, origin: unknown) => origin !== 'remote' && Y.applyUpdate(remote, u, 'remote'));
  remote.on('update', (u: Uint8Array, origin: unknown) => origin !== 'remote' && Y.applyUpdate(doc, u, 'remote'));
  const presence = makeFakeAwareness(7);
  presence.setLocalStateField('role', 'participant');
  presence.setLocalStateField('participantId', 'a');
  renderWithSession(<GroupAnswers group={{ doc, presence, close() {} }} editable />, session);
  const remoteText = () => (remote.getMap(GroupRoots.answers).values().next().value as Y.Map<unknown>).get('text') as Y.Text;
  return { doc, remote, presence, remoteText };
}

describe('GroupAnswers', () => {
  it('"Lägg till svar" puts the caret in the new box', async () => {
    setup();
    await userEvent.click(screen.getByRole('button', { name: 'Lägg till svar: a) Varför är det ett problem?' }));
    expect(document.activeElement).toBe(screen.getByRole('textbox', { name: WHY }));
  });

  it('someone else’s words arriving before the caret leave it beside what this person typed', async () => {
    const { remoteText } = setup();
    await userEvent.click(screen.getByRole('button', { name: 'Lägg till svar: a) Varför är det ett problem?' }));
    await userEvent.keyboard('remisser');
    act(() => remoteText().insert(0, 'Bo: '));
    const box = screen.getByRole<HTMLTextAreaElement>('textbox', { name: WHY });
    expect(box.value).toBe('Bo: remisser');
    expect(box.selectionStart).toBe('Bo: remisser'.length);
    await userEvent.keyboard(' tappas');
    act(() => remoteText().insert(remoteText().length, ' (Bo)'));
    await userEvent.keyboard(' bort');
    expect(remoteText().toString()).toBe('Bo: remisser tappas bort (Bo)');
  });

  it('says who else is typing beside the box, as its description, and not for this person', async () => {
    const { doc, presence } = setup();
    const id = addAnswer(doc, 'why');
    act(() => presence.setRemote(20, { role: 'participant', participantId: 'b', typing: id }));
    const box = await screen.findByRole('textbox', { name: WHY });
    expect(box).toHaveAccessibleDescription('Bo Ek skriver…');
    act(() => presence.setRemote(21, { role: 'facilitator', typing: id }));
    expect(box).toHaveAccessibleDescription('Bo Ek och Mötesledaren skriver…');
    act(() => presence.setRemote(22, { role: 'participant', participantId: 'a', typing: id }));
    expect(box).toHaveAccessibleDescription('Bo Ek och Mötesledaren skriver…');
    act(() => {
      presence.setRemote(20, null);
      presence.setRemote(21, { role: 'facilitator', typing: null });
    });
    expect(box).not.toHaveAccessibleDescription();
    // this device's own typing is said in the group's presence
    await userEvent.type(box, 'x');
    expect(presence.getStates().get(7)?.typing).toBe(id);
  });
});
