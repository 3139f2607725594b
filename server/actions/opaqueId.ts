// An id the relay makes for something a phone sent (a corner's reason, a café note): it names
// nothing and nobody, so a shared doc never carries the participant's id. Drawn from env's random
// source, so a test's decide() stays deterministic.
import type { Env } from './types';

const ID_CHARS = 'abcdefghijklmnopqrstuvwxyz0123456789';

export const opaqueId = (env: Env): string => Array.from({ length: 16 }, () => ID_CHARS[env.randomInt(ID_CHARS.length)]).join('');
