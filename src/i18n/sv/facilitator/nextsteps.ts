// Swedish strings for the nextsteps area that only facilitator devices show (console, board, summary):
// a phone never downloads them. ../nextsteps.ts has the ones a phone shows; ../../en/facilitator/nextsteps.ts
// must have the same keys as this file.
export const nextsteps = {
  'nextsteps.chosen': 'Valda förslag',
  'nextsteps.noChosen': 'Inga förslag är valda än. Du kan ändå lägga till nästa steg.',
  'nextsteps.addFor': 'Lägg till nästa steg för ”{label}”',
  'nextsteps.add': 'Lägg till nästa steg',
  'nextsteps.list': 'Nästa steg ({count})',
  'nextsteps.step': 'Steg {n}',
  'nextsteps.from': 'Från: {label}',
  'nextsteps.what': 'Vad',
  'nextsteps.who': 'Vem',
  'nextsteps.ownerText': 'Person eller organisation',
  'nextsteps.due': 'Senast',
  'nextsteps.mandate': 'Mandat',
  'nextsteps.mandate.propose': 'Förslag till …',
  'nextsteps.proposeTo': 'Förslag till (styrgrupp, linjeorganisation, annat forum)',
  'nextsteps.status': 'Status',
  'nextsteps.status.notStarted': 'Ej påbörjad',
  'nextsteps.status.ongoing': 'Pågår',
  'nextsteps.status.done': 'Klar',
  'nextsteps.status.dropped': 'Avförd',
  'nextsteps.delete': 'Ta bort steg {n}',
  'nextsteps.owner.other': 'Annan person eller organisation',
  'nextsteps.unnamedArea': 'Område utan namn',
} as const;
