import type { checkin as sv } from '../sv/checkin';

export const checkin: Record<keyof typeof sv, string> = {
  'checkin.title': 'Check-in',
  'checkin.question.none': 'The facilitator asks the question.',
  'checkin.speakerTimeLeft': 'Time left for the speaker',
  'checkin.answer.label': 'Your answer (optional, shown on the board)',
  'checkin.answer.save': 'Save answer',
  'checkin.answer.saved': 'Your answer is shown on the board.',
  'checkin.answer.sending': 'Saved on your phone – on its way to the board.',
  'checkin.pass': 'Pass',
  'checkin.unpass': 'Undo, I want to say something',
  'checkin.youPassed': 'You pass this round.',
  'checkin.yourTurn': 'Your turn to speak!',
  'checkin.yourPlace': 'You are number {n} in the speaking order.',
};
