// English strings for the deep dive. Same keys as sv/deepdive.ts.
import type { deepdive as sv } from '../sv/deepdive';

export const deepdive: Record<keyof typeof sv, string> = {
  'deepdive.title': 'Deep dive in groups',
  'deepdive.group': 'Group {n}',
  'deepdive.unnamedArea': 'Unnamed area',
  'deepdive.area': 'Area: {area}',
  'deepdive.noArea': 'No area chosen',
  'deepdive.members': 'In the group',
  'deepdive.loading': 'Loading the group’s answers …',
  'deepdive.phone.noGroup': 'You are not in a group yet. The facilitator forms the groups.',
  'deepdive.q.why': 'a) Why is it a problem?',
  'deepdive.q.what': 'b) What is the problem about?',
  'deepdive.q.forWhom': 'c) For whom is it a problem?',
  'deepdive.q.solutions': 'd) Proposed solutions',
  'deepdive.answerLabel': '{q} – answer {n}',
  'deepdive.deleteAnswer': 'Delete answer {n} under {q}',
  'deepdive.addAnswer': 'Add an answer: {q}',
  'deepdive.addProposal': 'Add a proposed solution',
  'deepdive.typing': '{names} {count|is|are} typing…',
  'deepdive.facilitator': 'The facilitator',
  'deepdive.someone': 'Someone',
};
