// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { loadFacilitator } from '@/sync/identity';
import { LandingPage } from './LandingPage';

const created = { meetingId: 'V1StGXR8_Z5jdHi6B-myT', facilitatorKey: 'fkey-fkey-fkey-fkey-fkey', joinCode: 'K7P2QX' };

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});
beforeEach(() => localStorage.clear());

describe('landing page', () => {
  it('creating a meeting remembers its key on this device and opens the console', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => new Response(JSON.stringify(created), { status: 201 })));
    const onCreated = vi.fn();
    render(<LandingPage onCreated={onCreated} onJoinCode={() => {}} onOpen={() => {}} />);
    await userEvent.type(screen.getByRole('textbox', { name: 'Mötets namn' }), 'Samverkan Nacka');
    await userEvent.click(screen.getByRole('button', { name: 'Skapa möte' }));
    expect(onCreated).toHaveBeenCalledWith(created);
    expect(loadFacilitator(created.meetingId)).toMatchObject({ key: created.facilitatorKey, joinCode: 'K7P2QX', title: 'Samverkan Nacka' });
  });

  it('lists the meetings created on this device to reopen', async () => {
    localStorage.setItem(`svv:facilitator:${created.meetingId}`, JSON.stringify({ meetingId: created.meetingId, key: 'k', joinCode: 'K7P2QX', title: 'Forum', savedAt: 1 }));
    const onOpen = vi.fn();
    render(<LandingPage onCreated={() => {}} onJoinCode={() => {}} onOpen={onOpen} />);
    await userEvent.click(screen.getByRole('button', { name: 'Öppna Forum (K7P2QX)' }));
    expect(onOpen).toHaveBeenCalledWith(expect.objectContaining({ meetingId: created.meetingId }));
  });

  it('a typed code is normalised, and a malformed one is explained', async () => {
    const onJoinCode = vi.fn();
    render(<LandingPage onCreated={() => {}} onJoinCode={onJoinCode} onOpen={() => {}} />);
    const field = screen.getByRole('textbox', { name: 'Mötets kod' });
    await userEvent.type(field, 'k7p');
    await userEvent.click(screen.getByRole('button', { name: 'Gå med' }));
    expect(field).toHaveAccessibleDescription(/Koden ska vara sex tecken/);
    expect(onJoinCode).not.toHaveBeenCalled();
    await userEvent.type(field, ' 2qx');
    await userEvent.click(screen.getByRole('button', { name: 'Gå med' }));
    expect(onJoinCode).toHaveBeenCalledWith('K7P2QX');
  });
});
