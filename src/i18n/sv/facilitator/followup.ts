// Swedish strings for the followup area that only facilitator devices show (console, board, summary):
// a phone never downloads them. ../followup.ts has the ones a phone shows; ../../en/facilitator/followup.ts
// must have the same keys as this file.
export const followup = {
  'followup.status': 'Status för {what}',
  'followup.why': 'Varför avförd? ({what})',
  'followup.planNext': 'Planera nästa möte',
  'followup.planNextHelp': 'Skapar forumets nästa möte med forumnamn, förväntade organisationer, dagordningen, parkeringen och de öppna nästa stegen.',
  'followup.plannedNext': 'Nästa möte är redan planerat: {title}, {date}. De öppna stegen följer med dit.',
  'followup.openPlannedNext': 'Öppna nästa möte',
  'followup.plannedNextNoKey': 'Nyckeln till nästa möte finns inte sparad på den här enheten. Öppna det från sammanfattningen där terminen planerades.',
  'followup.planNextFailed': 'Det gick inte att skapa nästa möte: {error}',
  'followup.myMeetings': 'Mina möten',
  'followup.myMeetingsNone': 'Inga andra möten sparade på den här enheten.',
  'followup.previous': 'Förra mötet',
} as const;
