// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MeetingProvider } from '@/store/meeting';
import { makeSession } from '@/test/makeSession';
import { PromptsConsole } from '../PromptsConsole';
import { PromptsOverlay } from '../PromptsOverlay';

afterEach(cleanup);

function setup() {
  const session = makeSession({ role: 'facilitator' });
  render(
    <MeetingProvider session={session}>
      <PromptsConsole />
      <div data-testid="board">
        <PromptsOverlay />
      </div>
    </MeetingProvider>,
  );
  return userEvent.setup();
}

describe('conversation support', () => {
  it('shows one prompt on the board and hides it again', async () => {
    const user = setup();
    const board = screen.getByTestId('board');
    expect(board).toHaveTextContent('');
    await user.click(screen.getByRole('button', { name: 'Hur menar du?' }));
    expect(board).toHaveTextContent('Hur menar du?');
    await user.click(screen.getByRole('button', { name: 'Vad kan ni göra annorlunda?' }));
    expect(board).toHaveTextContent('Vad kan ni göra annorlunda?');
    expect(board).not.toHaveTextContent('Hur menar du?');
    expect(screen.getByRole('button', { name: 'Vad kan ni göra annorlunda?' })).toHaveAttribute('aria-pressed', 'true');
    await user.click(screen.getByRole('button', { name: 'Dölj frågan på tavlan' }));
    expect(board).toHaveTextContent('');
  });

  it('shows the ground rules on the board', async () => {
    const user = setup();
    await user.click(screen.getByRole('switch', { name: 'Visa samtalsreglerna på tavlan' }));
    const board = screen.getByTestId('board');
    expect(board).toHaveTextContent('Snälltolka varandra');
    expect(board).toHaveTextContent('Tala inte illa om den som inte är med');
  });
});
