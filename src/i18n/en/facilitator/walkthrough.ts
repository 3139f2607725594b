import type { walkthrough as sv } from '../../sv/facilitator/walkthrough';

export const walkthrough: Record<keyof typeof sv, string> = {
  'walk.title': 'Walk-through',
  'walk.heading': 'Reading every note',
  'walk.page': 'Page {page} of {count}',
  'walk.author': 'Person {n} of {count}',
  'walk.prev': 'Previous page',
  'walk.next': 'Next page',
  'walk.console.heading': 'Walk-through on the board',
  'walk.console.intro': 'The board shows every note in large text, one page at a time, so that you read them together. Turn the pages with ← and → here or in the board window.',
  'walk.console.byAuthor': 'One person at a time',
  'walk.console.start': 'Start the walk-through',
  'walk.console.stop': 'End the walk-through',
  'walk.console.autoLabel': 'Turn the page every',
  'walk.console.seconds': 'seconds',
  'walk.console.autoStart': 'Turn pages automatically',
  'walk.console.autoStop': 'Stop turning automatically',
  'walk.console.autoOn': 'Turning every {seconds} seconds.',
  'walk.opened.page': 'Page {page} of {count}',
  'walk.opened.prev': 'Previous page of the cluster',
  'walk.opened.next': 'Next page of the cluster',
  'walk.console.byAuthorAnonymous': 'One person at a time works only when the notes were shown with who wrote them: otherwise the number of notes per person would tell who wrote what.',
};
