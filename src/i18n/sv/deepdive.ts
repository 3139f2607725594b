// Swedish strings for the deep dive. Keys are prefixed 'deepdive.'; en/deepdive.ts must have the same keys.
// These are the strings a phone may show; those only facilitator devices show are in facilitator/deepdive.ts.
export const deepdive = {
  'deepdive.title': 'Fördjupa i grupper',
  'deepdive.group': 'Grupp {n}',
  'deepdive.unnamedArea': 'Område utan namn',
  'deepdive.area': 'Område: {area}',
  'deepdive.noArea': 'Inget område valt',
  'deepdive.members': 'I gruppen',
  'deepdive.loading': 'Hämtar gruppens svar …',
  'deepdive.phone.noGroup': 'Du är inte med i någon grupp än. Mötesledaren delar in grupperna.',
  'deepdive.q.why': 'a) Varför är det ett problem?',
  'deepdive.q.what': 'b) Vad handlar problemet om?',
  'deepdive.q.forWhom': 'c) För vem är det ett problem?',
  'deepdive.q.solutions': 'd) Förslag på lösningar',
  'deepdive.answerLabel': '{q} – svar {n}',
  'deepdive.deleteAnswer': 'Ta bort svar {n} under {q}',
  'deepdive.addAnswer': 'Lägg till svar: {q}',
  'deepdive.addProposal': 'Lägg till lösningsförslag',
  'deepdive.typing': '{names} {count|skriver|skriver}…',
  'deepdive.facilitator': 'Mötesledaren',
  'deepdive.someone': 'Någon',
};
