// One fixed meeting whose every text field is hostile: every exporter's test runs against it.
import type { MeetingSummary } from '@common/summary';

export const HOSTILE = {
  script: '<script>alert("x")</script>',
  formula: '=HYPERLINK("http://x","y")',
  arithmetic: '-2+3',
  plusFormula: '+SUM(A1:A9)',
  atFormula: '@cmd',
  tabLead: '\tleading tab',
  crLead: '\rleading cr',
  mdHeading: '# Rubrik\n## Underrubrik',
  mdLink: '[klicka](http://evil.example) ![bild](http://evil.example/x.png)',
  wordField: '{ DDE "cmd" "/c calc" } { HYPERLINK "http://evil.example" }',
  long: 'Å'.repeat(10_000),
  emoji: 'Bra möte 👍🏽👩‍⚕️',
  rtl: 'abc\u202Eexe.txt',
  swedish: 'Åsa Öberg, Äldreomsorgen',
  pipe: 'a | b | c',
  control: 'bell\u0007null\u0000end',
} as const;

export const hostileSummary: MeetingSummary = {
  language: 'sv',
  info: {
    title: `Samverkan ${HOSTILE.script}`,
    forumName: HOSTILE.swedish,
    purpose: HOSTILE.mdHeading,
    date: '2026-11-28',
  },
  participants: [
    { name: HOSTILE.swedish, organisation: 'Region Västerbotten' },
    { name: HOSTILE.formula, organisation: HOSTILE.script },
  ],
  missingOrgs: ['Primärvården', HOSTILE.mdLink],
  agenda: [HOSTILE.mdHeading, HOSTILE.wordField],
  checkin: {
    question: 'Hur mår du idag?',
    answers: [
      { name: HOSTILE.swedish, organisation: 'Region Västerbotten', text: HOSTILE.emoji, passed: false },
      { name: 'Per', organisation: 'Kommunen', text: '', passed: true },
    ],
  },
  followUp: [{ what: HOSTILE.formula, who: HOSTILE.swedish, status: 'dropped', why: HOSTILE.mdHeading }],
  clusters: [
    {
      name: HOSTILE.mdLink,
      notes: [{ text: HOSTILE.script }, { text: HOSTILE.long }, { text: HOSTILE.rtl, author: 'Kim' }],
    },
    { name: 'Övrigt', notes: [{ text: HOSTILE.wordField }, { text: HOSTILE.control }] },
  ],
  looseNotes: [{ text: HOSTILE.pipe }],
  areaVotes: [
    { label: HOSTILE.mdLink, count: 5, rank: 1, tied: false },
    { label: 'Övrigt', count: 2, rank: 2, tied: true },
    { label: HOSTILE.formula, count: 2, rank: 2, tied: true },
  ],
  chosenAreas: [HOSTILE.mdLink],
  groups: [
    {
      name: 'Grupp 1',
      area: HOSTILE.mdLink,
      why: HOSTILE.script,
      what: HOSTILE.mdHeading,
      forWhom: HOSTILE.swedish,
      solutions: HOSTILE.wordField,
    },
    // an unnamed group, with answers from several members (one per line)
    {
      name: '',
      area: HOSTILE.formula,
      why: `${HOSTILE.formula}\n${HOSTILE.mdLink}`,
      what: HOSTILE.rtl,
      forWhom: `${HOSTILE.control} ${HOSTILE.pipe}`,
      solutions: `${HOSTILE.arithmetic}\n${HOSTILE.emoji}`,
    },
  ],
  solutionVotes: [{ label: HOSTILE.arithmetic, count: 4, rank: 1, tied: false }],
  nextSteps: [
    {
      id: 's1',
      what: HOSTILE.formula,
      who: HOSTILE.arithmetic,
      when: HOSTILE.plusFormula,
      mandate: 'decide',
      proposeTo: '',
      status: 'notStarted',
      origin: HOSTILE.mdLink,
    },
    {
      id: 's2',
      what: HOSTILE.atFormula,
      who: HOSTILE.tabLead,
      when: HOSTILE.crLead,
      mandate: 'propose',
      proposeTo: 'Styrgruppen; "Län"',
      status: 'ongoing',
      origin: '',
    },
    {
      id: 's3',
      what: `Kartlägg vårdövergångar ${HOSTILE.swedish}`,
      who: HOSTILE.emoji,
      when: '2027-01-15',
      mandate: 'decide',
      proposeTo: '',
      status: 'notStarted',
      origin: HOSTILE.rtl,
    },
  ],
  parking: [{ text: HOSTILE.script, handOverTo: HOSTILE.formula }],
  checkout: {
    answers: [{ name: 'Per', organisation: 'Kommunen', text: HOSTILE.wordField, passed: false }],
  },
  rating: { counts: [0, 1, 2, 3, 1], total: 7 },
  conclusion: `${HOSTILE.mdHeading}\n${HOSTILE.script}\n${HOSTILE.long}`,
  hidden: [],
  ratingTrend: [
    { title: HOSTILE.mdLink, date: '2026-03-01', mean: 3.5, count: 6 },
    { title: '', date: '2026-06-01', mean: 4, count: 5 },
  ],
};
