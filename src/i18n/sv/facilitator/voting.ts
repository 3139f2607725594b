// Swedish strings for the voting area that only facilitator devices show (console, board, summary):
// a phone never downloads them. ../voting.ts has the ones a phone shows; ../../en/facilitator/voting.ts
// must have the same keys as this file.
export const voting = {
  'voting.progress': '{finished} av {total} har röstat klart',
  'voting.board.hint': 'Var och en har {dots|# prick|# prickar}. Resultatet visas när alla är klara.',
  'voting.console.settings': 'Inställningar',
  'voting.console.dots': 'Prickar per deltagare',
  'voting.console.maxPerItem': 'Högst prickar på samma',
  'voting.console.maxPerItemHint': '0 = ingen gräns utöver antalet prickar.',
  'voting.console.includeLoose': 'Lappar utanför kluster går också att rösta på',
  'voting.console.open': 'Röstningen är öppen',
  'voting.console.fromGroups': 'Förslagen är gruppernas svar under d), som de står nu: ett förslag som tas bort före visningen faller bort och dess prickar går tillbaka. Efter visningen ligger förslagen fast. Formuleringen ändras under Fördjupa, ”Redigera svaren”.',
  'voting.console.items': '{count} att rösta på.',
  'voting.console.finished': 'Har röstat klart',
  'voting.console.waiting': 'Inte klara',
  'voting.console.showNames': 'Visa alla {count}',
  'voting.console.nobody': 'Ingen',
  'voting.console.reveal': 'Visa resultatet',
  'voting.console.revealConfirm': 'Visa resultatet för alla? Röstningen stängs.',
  'voting.console.revealYes': 'Ja, visa',
  'voting.console.cancel': 'Avbryt',
  'voting.console.hide': 'Dölj resultatet och öppna igen',
  'voting.console.choose': 'Välj',
  'voting.console.chooseItem': '{label} ({dots})',
  'voting.console.tieUp': 'Flytta ”{label}” före i den delade platsen',
  'voting.console.tieDown': 'Flytta ”{label}” efter i den delade platsen',
} as const;
