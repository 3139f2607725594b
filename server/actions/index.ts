// Every rule the relay applies on people's behalf. Adding a rule: one file, its test, one line here.
// Order matters only within one drain of a meeting's queue: an earlier action's writes are stored
// before a later one reads (gatherDrafts mirrors before revealLateDrafts reveals).
import { checkinAnswer } from './checkinAnswer';
import { gatherDrafts } from './gatherDrafts';
import { hideNoteCounts } from './hideNoteCounts';
import { moderateNotes } from './moderateNotes';
import { moveOwnNote } from './moveOwnNote';
import { proposeAgenda } from './proposeAgenda';
import { revealLateDrafts } from './revealLateDrafts';
import { revealNotes } from './revealNotes';
import type { RelayAction } from './types';
import { voteProgress } from './voteProgress';
import { tallyVotes } from './tallyVotes';
import { publishRating } from './publishRating';
import { checkoutAnswers } from './checkoutAnswers';
import { volunteerSteps } from './volunteerSteps';
import { walkSections } from './walkSections';
import { collectSolutions } from './collectSolutions';
import { buzzLines } from './buzzLines';
import { tallyCorners } from './tallyCorners';
import { cornerReasons } from './cornerReasons';
import { cafeSeating } from './cafeSeating';
import { cafeNotes } from './cafeNotes';
import { cafeHostSummary } from './cafeHostSummary';

export const actions: RelayAction[] = [
  gatherDrafts,
  moderateNotes,
  revealNotes,
  hideNoteCounts,
  revealLateDrafts,
  moveOwnNote,
  checkinAnswer,
  proposeAgenda,
  // before the vote actions: a proposal deleted in a group frees its dots in the same drain
  collectSolutions,
  voteProgress,
  tallyVotes,
  publishRating,
  checkoutAnswers,
  volunteerSteps,
  // after revealLateDrafts: a late note joins its author's walk-through group in the same drain
  walkSections,
  buzzLines,
  // before cornerReasons: a reason goes under the corner as counted in the same drain
  tallyCorners,
  cornerReasons,
  // before cafeNotes and cafeHostSummary: a note is checked against the round as seated in the same drain
  cafeSeating,
  cafeNotes,
  cafeHostSummary,
];
