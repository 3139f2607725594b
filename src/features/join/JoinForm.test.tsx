// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

afterEach(cleanup);
import { loadParticipant } from '@/sync/identity';
import { JoinForm } from './JoinForm';

const meetingId = 'V1StGXR8_Z5jdHi6B-myT';

describe('JoinForm', () => {
  beforeEach(() => localStorage.clear());
  afterEach(() => vi.unstubAllGlobals());

  it('asks for name and organisation before sending anything', async () => {
    const fetchMock = vi.fn();
    vi.stubGlobal('fetch', fetchMock);
    render(<JoinForm meetingId={meetingId} onJoined={() => {}} />);
    await userEvent.click(screen.getByRole('button', { name: 'Gå med' }));
    expect(screen.getByText('Skriv ditt namn.')).toBeInTheDocument();
    expect(screen.getByText('Skriv din organisation.')).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: 'Ditt namn' })).toHaveFocus();
    expect(screen.getByRole('textbox', { name: 'Ditt namn' })).toHaveAccessibleDescription('Skriv ditt namn.');
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('joins, remembers the identity on this device and hands it on', async () => {
    const fetchMock = vi.fn(async () => new Response(JSON.stringify({ participantId: 'pid-1', participantKey: 'pkey-1' }), { status: 201 }));
    vi.stubGlobal('fetch', fetchMock);
    const onJoined = vi.fn();
    render(<JoinForm meetingId={meetingId} onJoined={onJoined} />);
    await userEvent.type(screen.getByRole('textbox', { name: 'Ditt namn' }), '  Anna Berg ');
    await userEvent.type(screen.getByRole('textbox', { name: /Din organisation/ }), 'Primärvård');
    await userEvent.click(screen.getByRole('button', { name: 'Gå med' }));
    expect(onJoined).toHaveBeenCalledWith({ participantId: 'pid-1', participantKey: 'pkey-1' });
    expect(loadParticipant(meetingId)).toEqual({ participantId: 'pid-1', participantKey: 'pkey-1' });
    const [url, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe(`/api/meetings/${meetingId}/participants`);
    expect(JSON.parse(init.body as string)).toEqual({ name: 'Anna Berg', organisation: 'Primärvård' });
  });

  it('refuses a name of only invisible characters as the relay does, and sends no bidi override', async () => {
    const fetchMock = vi.fn(async () => new Response(JSON.stringify({ participantId: 'pid-1', participantKey: 'pkey-1' }), { status: 201 }));
    vi.stubGlobal('fetch', fetchMock);
    render(<JoinForm meetingId={meetingId} onJoined={() => {}} />);
    const nameBox = screen.getByRole('textbox', { name: 'Ditt namn' });
    await userEvent.type(nameBox, '\u200B\u200B\u2800');
    await userEvent.type(screen.getByRole('textbox', { name: /Din organisation/ }), 'Region\u202E');
    await userEvent.click(screen.getByRole('button', { name: 'Gå med' }));
    expect(nameBox).toHaveAccessibleDescription('Skriv ditt namn.');
    expect(fetchMock).not.toHaveBeenCalled();
    await userEvent.clear(nameBox);
    await userEvent.type(nameBox, '\u202EAnna');
    await userEvent.click(screen.getByRole('button', { name: 'Gå med' }));
    const [, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect(JSON.parse(init.body as string)).toEqual({ name: 'Anna', organisation: 'Region' });
  });

  it('says so when the meeting no longer exists', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => new Response('{}', { status: 404 })));
    render(<JoinForm meetingId={meetingId} onJoined={() => {}} />);
    await userEvent.type(screen.getByRole('textbox', { name: 'Ditt namn' }), 'Anna');
    await userEvent.type(screen.getByRole('textbox', { name: /Din organisation/ }), 'Geriatrik');
    await userEvent.click(screen.getByRole('button', { name: 'Gå med' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Mötet finns inte längre.');
  });
});
