// What the series API returns for each meeting of a forum's series (server/http/series.ts).

export interface SeriesMeeting {
  meetingId: string;
  title: string;
  forumName: string;
  /** the day the meeting was created, yyyy-mm-dd */
  date: string;
  closed: boolean;
  /** the meeting whose key asked */
  current: boolean;
  /** only where the meeting showed its rating (the relay published a distribution) */
  rating: { distribution: number[]; count: number; mean: number } | null;
}
