// Swedish strings for the checkin area that only facilitator devices show (console, board, summary):
// a phone never downloads them. ../checkin.ts has the ones a phone shows; ../../en/facilitator/checkin.ts
// must have the same keys as this file.
export const checkin = {
  'checkin.question.label': 'Fråga till rundan',
  'checkin.question.set': 'Använd frågan',
  'checkin.question.suggestions': 'Förslag på frågor',
  'checkin.question.q1': 'Vad har du med dig in i dagens möte?',
  'checkin.question.q2': 'Hur mår du idag, på en skala?',
  'checkin.question.q3': 'Vad vill du få ut av mötet?',
  'checkin.question.use': 'Använd frågan: {q}',
  'checkin.order.heading': 'Talarordning',
  'checkin.order.shuffle': 'Slumpa talarordning',
  'checkin.order.arrival': 'Talarordning efter ankomst',
  'checkin.order.empty': 'Ingen talarordning ännu.',
  'checkin.order.addLate': 'Lägg till nyanlända ({count})',
  'checkin.next': 'Nästa talare',
  'checkin.start': 'Starta rundan',
  'checkin.keyHint': 'Tangent N eller mellanslag: nästa talare (när du inte skriver i ett fält).',
  'checkin.speakerSeconds': 'Tid per talare i sekunder (0 = ingen)',
  'checkin.speakerTimeUp': 'Talartiden är slut',
  'checkin.done': 'Alla har checkat in.',
  'checkin.board.progress': "✓ {spoken} har talat · {passed} står över · {waiting} kvar",
  'checkin.board.next': "Näst på tur",
} as const;
