import type { checkin as sv } from '../../sv/facilitator/checkin';

export const checkin: Record<keyof typeof sv, string> = {
  'checkin.question.label': 'Question for the round',
  'checkin.question.set': 'Use this question',
  'checkin.question.suggestions': 'Suggested questions',
  'checkin.question.q1': 'What do you bring with you into today’s meeting?',
  'checkin.question.q2': 'How are you today, on a scale?',
  'checkin.question.q3': 'What do you want to get out of the meeting?',
  'checkin.question.use': 'Use the question: {q}',
  'checkin.order.heading': 'Speaking order',
  'checkin.order.shuffle': 'Shuffle the speaking order',
  'checkin.order.arrival': 'Speaking order by arrival',
  'checkin.order.empty': 'No speaking order yet.',
  'checkin.order.addLate': 'Add latecomers ({count})',
  'checkin.next': 'Next speaker',
  'checkin.start': 'Start the round',
  'checkin.keyHint': 'Key N or Space: next speaker (when you are not typing in a field).',
  'checkin.speakerSeconds': 'Time per speaker in seconds (0 = none)',
  'checkin.speakerTimeUp': 'Speaking time is up',
  'checkin.done': 'Everyone has checked in.',
  'checkin.board.progress': "✓ {spoken} have spoken · {passed} passed · {waiting} to go",
  'checkin.board.next': "Next up",
};
