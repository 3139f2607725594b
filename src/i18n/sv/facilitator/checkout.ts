// Swedish strings for the checkout area that only facilitator devices show (console, board, summary):
// a phone never downloads them. ../checkout.ts has the ones a phone shows; ../../en/facilitator/checkout.ts
// must have the same keys as this file.
export const checkout = {
  'checkout.question.label': 'Fråga till utcheckningen',
  'checkout.question.set': 'Använd frågan',
  'checkout.question.suggestions': 'Förslag på frågor',
  'checkout.question.q1': 'Vad tar du med dig från dagens möte?',
  'checkout.question.q2': 'Vad vill du ta upp nästa gång?',
  'checkout.question.use': 'Använd frågan: {q}',
  'checkout.order.heading': 'Talarordning',
  'checkout.order.shuffle': 'Slumpa talarordning',
  'checkout.order.arrival': 'Talarordning efter ankomst',
  'checkout.order.empty': 'Ingen talarordning ännu.',
  'checkout.order.addLate': 'Lägg till nyanlända ({count})',
  'checkout.next': 'Nästa talare',
  'checkout.start': 'Starta rundan',
  'checkout.speaking': 'Talar nu',
  'checkout.done': 'Alla har checkat ut.',
  'checkout.rating.enable': 'Ställ enkätfrågan (anonym, 1–5)',
  'checkout.rating.consoleHint': '{count} har svarat. Fördelningen visas först när du visar den och minst {min} har svarat.',
  'checkout.rating.reveal': 'Visa fördelningen',
  'checkout.rating.hide': 'Dölj fördelningen',
  'checkout.rating.consoleShown': '{count} har svarat. Fördelningen visar {shown} svar.',
  'checkout.rating.consoleTooFew': 'Fördelningen visas när minst {min} har svarat – nu {count}. Telefonerna kan fortfarande svara.',
} as const;
