// English strings for dot voting. Same keys as sv/voting.ts.
import type { voting as sv } from '../sv/voting';

export const voting: Record<keyof typeof sv, string> = {
  'voting.title.areas': 'Prioritise areas',
  'voting.title.solutions': 'Prioritise solutions',
  'voting.unnamedCluster': 'Unnamed cluster',
  'voting.phone.intro': '{dots|You have # dot. Put it on what matters most.|You have # dots. Put them on what matters most, several on one if you like.} Nobody sees how you vote.',
  'voting.phone.left': 'Dots left: {left} of {dots}',
  'voting.phone.closed': 'Voting is closed right now.',
  'voting.phone.noItems': 'There is nothing to vote on yet.',
  'voting.phone.mine': 'Your dots here: {count}',
  'voting.phone.place': 'Place dot',
  'voting.phone.placeNamed': 'Place dot on “{label}”',
  'voting.phone.takeBack': 'Take back',
  'voting.phone.takeBackNamed': 'Take back a dot from “{label}”',
  'voting.phone.finish': 'I am done',
  'voting.phone.done': 'You have finished voting. You can change your mind until the result is shown.',
  'voting.phone.doneAbstain': 'You have finished voting and abstain with {left|# dot|# dots}.',
  'voting.result.heading': 'Result',
  'voting.announce.revealed': 'The result is shown. Most dots: {label}, {dots}.',
  'voting.announce.revealedEmpty': 'The result is shown. No dots were placed.',
  'voting.result.none': 'No votes.',
  'voting.result.place': '{place}.',
  'voting.result.placeShared': '{place}. (shared place)',
  'voting.result.dots': '{count|# dot|# dots}',
  'voting.result.chosen': '– chosen',
};
