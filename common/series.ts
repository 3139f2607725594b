// What the series API returns for each meeting of a forum's series (server/http/series.ts).

export interface SeriesMeeting {
  meetingId: string;
  title: string;
  forumName: string;
  /** the planned day, or the day the meeting was created, yyyy-mm-dd */
  date: string;
  /** the term's plan for the meeting (time, place, link, calendar revision); null when not planned ahead */
  planned: { start: string; end: string; place: string; link: string; sequence: number } | null;
  closed: boolean;
  /** the meeting whose key asked */
  current: boolean;
  /** only where the meeting showed its rating (the relay published a distribution) */
  rating: { distribution: number[]; count: number; mean: number } | null;
}

/** One point of the rating trend: a meeting of the series that showed its rating. */
export interface TrendPoint {
  title: string;
  date: string;
  mean: number;
  count: number;
}

export const trendOf = (meetings: readonly SeriesMeeting[]): TrendPoint[] =>
  meetings.flatMap((m) => (m.rating ? [{ title: m.title, date: m.date, mean: m.rating.mean, count: m.rating.count }] : []));

/** A mean with one decimal in the meeting's language (4,0 in Swedish). */
export const formatMean = (mean: number, language: 'sv' | 'en') =>
  mean.toLocaleString(language === 'sv' ? 'sv-SE' : 'en-GB', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
