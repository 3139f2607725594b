// What the console says when a term request fails: the server's error code (common/api.ts) or the
// kind of failure, as a catalogue key — never the server's English text or "HTTP 503".
import type { ApiFailure } from '@/sync/api';
import type { ErrorCode } from '@common/api';
import type { MessageKey } from '@/i18n/catalogues';

const BY_CODE: Record<ErrorCode, MessageKey> = {
  invalidPlan: 'term.api.invalidPlan',
  tooManyMeetings: 'term.api.tooManyMeetings',
  alreadyCarried: 'term.api.alreadyCarried',
  nothingPlannedAfter: 'term.api.nothingPlannedAfter',
  noPlan: 'term.api.noPlan',
  notFound: 'term.api.notFound',
  servedElsewhere: 'term.api.servedElsewhere',
};

/** The catalogue key that says why a term request failed. */
export function termErrorKey(failure: ApiFailure): MessageKey {
  if (failure.code) return BY_CODE[failure.code];
  if (failure.error === 'network') return 'term.api.network';
  if (failure.status === 401 || failure.status === 403) return 'term.api.key';
  if (failure.error === 'tooManyTries') return 'term.api.tooManyMeetings';
  if (failure.error === 'notFound') return 'term.api.notFound';
  return 'term.api.server';
}
