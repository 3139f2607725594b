// The words the relay writes into calendar files (.ics), in Swedish and English (`?lang=en`). The
// server cannot import the client's catalogues (src/i18n), so they live here, once, for both.
export const CALENDAR_LABELS = {
  sv: { join: 'Gå med i mötet', link: 'Videomöte', feed: 'Forumets möten' },
  en: { join: 'Join the meeting', link: 'Video meeting', feed: "The forum's meetings" },
} as const satisfies Record<'sv' | 'en', Record<'join' | 'link' | 'feed', string>>;

export type CalendarLanguage = keyof typeof CALENDAR_LABELS;
