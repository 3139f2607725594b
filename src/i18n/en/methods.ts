// English strings for bikupa (buzz groups) and fyra hörn (four corners). Must have exactly sv/methods.ts's keys.
import type { methods as sv } from '../sv/methods';

export const methods: Record<keyof typeof sv, string> = {
  'methods.group': 'Group {n}',
  'methods.sent': 'Sent – on the board.',
  'methods.sending': 'Sending …',
  'methods.buzz.title': 'Buzz groups',
  'methods.buzz.question.none': 'The facilitator asks the question.',
  'methods.buzz.noGroup': 'You are not in a group yet. The facilitator forms the groups.',
  'methods.buzz.with': 'with {names}',
  'methods.buzz.line.label': 'Your group’s line',
  'methods.buzz.line.hint': 'One line for the whole group. The last one sent counts.',
  'methods.buzz.line.send': 'Send the line',
  'methods.buzz.onBoard': 'On the board',
  'methods.corners.title': 'Four corners',
  'methods.corners.statement.none': 'The facilitator reads out the statement.',
  'methods.corners.answer.none': '–',
  'methods.corners.pick': 'Pick a corner',
  'methods.corners.pickNow': 'Pick the corner you agree with most.',
  'methods.corners.wait': 'Wait until the facilitator opens the picking.',
  'methods.corners.yours': 'You stand in corner {corner}.',
  'methods.corners.reason.label': 'Corner {corner}’s reason',
  'methods.corners.reason.hint': 'Why do you stand here? Shown on the board under the corner, without names.',
  'methods.corners.reason.send': 'Send the reason',
  'summary.section.buzz': 'Buzz groups',
  'summary.section.corners': 'Four corners',
  'methods.summary.notShown': 'counts not shown',
};
