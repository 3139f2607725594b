// Every rule the relay applies on people's behalf. Adding a rule: one file, its test, one line here.
import type { RelayAction } from './types';
import { voteProgress } from './voteProgress';
import { tallyVotes } from './tallyVotes';
import { publishRating } from './publishRating';
import { checkoutAnswers } from './checkoutAnswers';
import { volunteerSteps } from './volunteerSteps';

export const actions: RelayAction[] = [
  voteProgress,
  tallyVotes,
  publishRating,
  checkoutAnswers,
  volunteerSteps,
];
