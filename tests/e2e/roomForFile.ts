// One app, one browser and one seeded room for a whole test file: started before its tests,
// stopped after them.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import type { PhaseId } from '@common/schema';
import { launchBrowser, startApp, type RunningApp } from './harness';
import { seedRoom, type SeededRoom } from './seedRoom';

export interface RoomForFile {
  app: RunningApp;
  browser: Browser;
  room: SeededRoom;
}

export function roomForFile(opts?: Parameters<typeof seedRoom>[1], phase?: PhaseId): RoomForFile {
  const env = {} as RoomForFile;
  beforeAll(async () => {
    env.app = await startApp();
    env.browser = await launchBrowser();
    env.room = await seedRoom(env.app, opts);
    if (phase) await env.room.goTo(phase);
  });
  afterAll(async () => {
    env.room?.close();
    await env.browser?.close();
    await env.app?.stop();
  });
  return env;
}
