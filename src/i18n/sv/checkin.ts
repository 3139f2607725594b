// Swedish strings for the checkin area. Keys are prefixed 'checkin.'; en/checkin.ts must have the same keys.
// These are the strings a phone may show; those only facilitator devices show are in facilitator/checkin.ts.
export const checkin = {
  'checkin.title': 'Incheckning',
  'checkin.question.none': 'Mötesledaren ställer frågan.',
  'checkin.speakerTimeLeft': 'Tid kvar för talaren',
  'checkin.answer.label': 'Ditt svar (frivilligt, syns på tavlan)',
  'checkin.answer.save': 'Spara svar',
  'checkin.answer.saved': 'Ditt svar syns på tavlan.',
  'checkin.answer.sending': 'Sparat på telefonen – skickas till tavlan.',
  'checkin.pass': 'Stå över',
  'checkin.unpass': 'Ångra, jag vill säga något',
  'checkin.youPassed': 'Du står över den här rundan.',
  'checkin.yourTurn': 'Din tur att prata!',
  'checkin.yourPlace': 'Du är nummer {n} i talarordningen.',
} as const;
