// English strings for the check-out round and the forum rating. Same keys as sv/checkout.ts.
import type { checkout as sv } from '../sv/checkout';

export const checkout: Record<keyof typeof sv, string> = {
  'checkout.title': 'Check-out',
  'checkout.question.none': 'The facilitator asks the question.',
  'checkout.yourTurn': 'Your turn to speak!',
  'checkout.yourPlace': 'You are number {n} in the speaking order.',
  'checkout.youPassed': 'You pass this round.',
  'checkout.answer.label': 'Your answer (optional, shown on the board)',
  'checkout.answer.save': 'Save answer',
  'checkout.answer.saved': 'Your answer is on its way to the board.',
  'checkout.pass': 'Pass',
  'checkout.unpass': 'Undo, I want to say something',
  'checkout.rating.heading': 'Rating of the forum',
  'checkout.rating.question': 'How well do you think this collaboration group works?',
  'checkout.rating.anonymous': 'Anonymous: nobody, not even the facilitator, sees your answer. Only the distribution is shown.',
  'checkout.rating.thanks': 'Thank you! You can change your mind until the distribution is shown.',
  'checkout.rating.count': '{count} have answered.',
  'checkout.rating.total': 'Answers: {count}',
  'checkout.rating.n': '{count}',
  'checkout.rating.tooFew': 'Too few answers to show (at least {min}).',
  'checkout.announce.shown': 'The rating’s distribution is shown: {count} answers.',
  'checkout.announce.tooFew': 'The rating’s distribution is shown once at least {min} have answered.',
  'checkout.rating.thanksShown': 'Thank you! Your answer is counted. The distribution changes only once at least {min} new answers have come in, so nobody can work out what one person answered.',
  'checkout.rating.pending': '{count|# answer has|# answers have} come in or changed since the distribution was shown. They join it once at least {min} have come, so no one person’s answer can be read from the change.',
};
