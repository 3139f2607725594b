// A participant's check-out answer or pass goes from their outbox to meeting.checkout[participantId]
// by the same rule as the check-in's.
import { MeetingRoots, PrivateRoots } from '../../common/schema';
import { roundAnswerAction } from './checkinAnswer';

export const checkoutAnswers = roundAnswerAction('checkoutAnswers', PrivateRoots.checkout, MeetingRoots.checkout);
