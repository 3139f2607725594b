// Swedish strings for the guide's other methods: bikupa and fyra hörn. Keys are prefixed 'methods.'; en/methods.ts must have the same keys.
// These are the strings a phone may show; those only facilitator devices show are in facilitator/methods.ts.
export const methods = {
  'methods.group': 'Grupp {n}',
  'methods.sent': 'Skickat – syns på tavlan.',
  'methods.sending': 'Skickar …',
  'methods.buzz.title': 'Bikupa',
  'methods.buzz.question.none': 'Mötesledaren ställer frågan.',
  'methods.buzz.noGroup': 'Du är inte i någon grupp ännu. Mötesledaren bildar grupperna.',
  'methods.buzz.with': 'med {names}',
  'methods.buzz.line.label': 'Gruppens rad',
  'methods.buzz.line.hint': 'En rad för hela gruppen. Den senast skickade gäller.',
  'methods.buzz.line.send': 'Skicka raden',
  'methods.buzz.onBoard': 'På tavlan',
  'methods.corners.title': 'Fyra hörn',
  'methods.corners.statement.none': 'Mötesledaren läser upp påståendet.',
  'methods.corners.answer.none': '–',
  'methods.corners.pick': 'Välj ett hörn',
  'methods.corners.pickNow': 'Välj det hörn du håller med mest.',
  'methods.corners.wait': 'Vänta tills mötesledaren öppnar för val.',
  'methods.corners.yours': 'Du står i hörn {corner}.',
  'methods.corners.reason.label': 'Hörn {corner}s skäl',
  'methods.corners.reason.hint': 'Varför står ni här? Syns på tavlan under hörnet, utan namn.',
  'methods.corners.reason.send': 'Skicka skälet',
  // the summary's sections for the two methods (the key is the summary's `summary.section.<id>`)
  'summary.section.buzz': 'Bikupa',
  'summary.section.corners': 'Fyra hörn',
  'methods.summary.notShown': 'antal visades inte',
};
