// Swedish strings for the walkthrough area that only facilitator devices show (console, board, summary):
// a phone never downloads them. ../walkthrough.ts has the ones a phone shows; ../../en/facilitator/walkthrough.ts
// must have the same keys as this file.
export const walkthrough = {
  'walk.title': 'Genomgång',
  'walk.heading': 'Genomgång av alla lappar',
  'walk.page': 'Sida {page} av {count}',
  'walk.author': 'Person {n} av {count}',
  'walk.prev': 'Föregående sida',
  'walk.next': 'Nästa sida',
  'walk.console.heading': 'Genomgång på tavlan',
  'walk.console.intro': 'Tavlan visar alla lappar i stor text, en sida i taget, så att ni läser dem tillsammans. Bläddra med ← och → här eller i tavlans fönster.',
  'walk.console.byAuthor': 'En person i taget',
  'walk.console.start': 'Starta genomgången',
  'walk.console.stop': 'Avsluta genomgången',
  'walk.console.autoLabel': 'Bläddra automatiskt var',
  'walk.console.seconds': 'sekunder',
  'walk.console.autoStart': 'Bläddra automatiskt',
  'walk.console.autoStop': 'Sluta bläddra automatiskt',
  'walk.console.autoOn': 'Bläddrar var {seconds}:e sekund.',
  'walk.opened.page': 'Sida {page} av {count}',
  'walk.opened.prev': 'Föregående sida i klustret',
  'walk.opened.next': 'Nästa sida i klustret',
  'walk.console.byAuthorAnonymous': 'En person i taget går bara när lapparna visades med vem som skrev: annars skulle antalet lappar per person visa vem som skrev vad.',
} as const;
