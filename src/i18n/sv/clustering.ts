// Swedish strings for the clustering area, including the parking lot ('clustering.parking.*') and
// conversation support ('clustering.prompts.*'). en/clustering.ts must have the same keys.
// These are the strings a phone may show; those only facilitator devices show are in facilitator/clustering.ts.
export const clustering = {
  'clustering.title': 'Klustra',
  'clustering.cluster.region': 'Kluster {name}',
  'clustering.note.loose': 'Osorterade',
  'clustering.phone.intro': 'Mötesledaren klustrar lapparna på den stora skärmen.',
  'clustering.phone.mayMove': 'Du kan flytta dina egna lappar till ett kluster.',
  'clustering.phone.myNotes': 'Mina lappar',
  'clustering.phone.moveLabel': 'Flytta ”{text}” till',
  'clustering.phone.moveTo': 'Flytta till',
  'clustering.phone.move': 'Flytta',
  'clustering.phone.noClusters': 'Inga kluster än.',
  'clustering.phone.mine': 'din lapp',
  'clustering.parking.heading': 'Parkering: parkera eller lämna över till andra',
  'clustering.parking.empty': 'Inget parkerat.',
  'clustering.parking.handOver': 'Lämnas över till',
  'clustering.parking.handOverNamed': 'Lämnas över till, för ”{text}”',
  'clustering.parking.notSet': 'Ingen mottagare ännu',
  'clustering.parking.unpark': 'Tillbaka till tavlan',
  'clustering.parking.unparkNamed': 'Tillbaka till tavlan: ”{text}”',
  'clustering.parking.clusterTitle': 'Kluster ”{name}”',
  'clustering.parking.stripHeading': "Parkerat ({count})",
  'clustering.phone.wholeBoard': "Hela tavlan ({count|# lapp|# lappar})",
  'clustering.phone.unsorted': "Osorterade",
} as const;
