// @vitest-environment jsdom
import { act, cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { makeSession } from '@/test/makeSession';
import { renderWithSession } from '@/test/renderWithSession';
import BoardView from './BoardView';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('board', () => {
  it('the join screen shows a QR code, the code in large letters and the LAN address when opened on localhost', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => new Response(JSON.stringify({ lanUrls: ['http://192.168.1.20:8080/'] }))));
    const session = makeSession({ role: 'stage', joinCode: 'K7P2QX', participants: [{ id: 'a', organisation: 'Geriatrik' }] });
    renderWithSession(<BoardView joinScreen />, session);
    expect(screen.getByRole('heading', { level: 1, name: 'Gå med i mötet med mobilen' })).toBeInTheDocument();
    expect(screen.getByRole('img', { name: 'QR-kod för att gå med i mötet' })).toBeInTheDocument();
    expect(screen.getByRole('status', { name: 'Mötets kod' })).toHaveTextContent('K7P2QX');
    expect(await screen.findByText('Skanna QR-koden eller gå till 192.168.1.20:8080 och skriv koden.')).toBeInTheDocument();
    expect(screen.getByText('1 ansluten')).toBeInTheDocument();
  });

  it('during set-up the board shows the QR code and the join code while people arrive', () => {
    vi.stubGlobal('fetch', vi.fn(async () => new Response('{}')));
    const session = makeSession({ role: 'stage', joinCode: 'K7P2QX' });
    renderWithSession(<BoardView joinScreen={false} />, session);
    expect(screen.getByRole('heading', { level: 1, name: 'Förberedelser' })).toBeInTheDocument();
    expect(screen.getByRole('img', { name: 'QR-kod för att gå med i mötet' })).toBeInTheDocument();
    expect(screen.getByRole('status', { name: 'Mötets kod' })).toHaveTextContent('K7P2QX');
  });

  it('shows the connection state in words', () => {
    vi.stubGlobal('fetch', vi.fn(async () => new Response('{}')));
    const session = makeSession({ role: 'stage' });
    renderWithSession(<BoardView joinScreen={false} />, session);
    expect(screen.getByText('Ansluten')).toBeInTheDocument();
    act(() => session.local.setState({ connection: { status: 'reconnecting', since: 0 } }));
    expect(screen.getByText('Återansluter…')).toBeInTheDocument();
  });
});
