// @vitest-environment jsdom
// The phones' bikupa line and fyra hörn reason take what the relay keeps: the rule's length in code
// points (an input's maxLength counts UTF-16 units), and never a bidi or control character.
import { cleanup, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, expect, it } from 'vitest';
import { TextRules } from '@common/records';
import { setBuzz } from '@/doc/facilitator/methods';
import { makeSession } from '@/test/makeSession';
import { renderWithSession } from '@/test/renderWithSession';
import { CornersPhone } from '../corners/CornersPhone';
import { BuzzPhone } from './BuzzPhone';

afterEach(cleanup);

// 561 UTF-16 units: the input lets 560 through, the text rule keeps 280 code points without the override
const PASTED = `\u202E${'👍'.repeat(TextRules.answer.max - 1)}ab`;
const KEPT = `${'👍'.repeat(TextRules.answer.max - 1)}a`;

it('the bikupa line takes the whole length in emoji, and no bidi override', async () => {
  const session = makeSession({ phase: 'buzz', participantId: 'p-self', participants: [{ id: 'p-self', name: 'Anna', organisation: 'Region' }] });
  session.docs.control.getMap('buzzGroups').set('p-self', 1);
  setBuzz(session.docs.control, { question: 'Vad behöver vi?' });
  renderWithSession(<BuzzPhone />, session);
  const box = screen.getByRole('textbox') as HTMLTextAreaElement;
  await userEvent.click(box);
  await userEvent.paste(PASTED);
  expect(box.value).toBe(KEPT);
});

it('the fyra hörn reason takes the whole length in emoji, and no bidi override', async () => {
  const session = makeSession({ phase: 'corners', participantId: 'p-self', participants: [{ id: 'p-self', name: 'Anna', organisation: 'Region' }] });
  session.docs.control.transact(() => {
    const corners = session.docs.control.getMap('corners');
    corners.set('statement', 'Vi har tydliga roller');
    corners.set('answers', ['Ja', 'Delvis', 'Tveksam', 'Nej']);
    corners.set('revealed', true);
    corners.set('reasonsOpen', true);
    session.docs.control.getMap('cornerResult').set('count', 3);
    session.docs.control.getMap('cornerResult').set('totals', [3, 0, 0, 0]);
  });
  session.docs.private!.getMap('corner').set('choice', 0);
  renderWithSession(<CornersPhone />, session);
  const box = screen.getByRole('textbox') as HTMLTextAreaElement;
  await userEvent.click(box);
  await userEvent.paste(PASTED);
  expect(box.value).toBe(KEPT);
});
