// The forum's series as the relay lists it for this meeting's facilitator key; reloaded when this
// meeting is closed or reopened, so its own line stays true.
import { useEffect, useState } from 'react';
import type { SeriesMeeting } from '@common/series';
import { useMeeting } from '@/store/meeting';
import { fetchSeries } from '@/sync/lifecycleApi';

export type SeriesState = { status: 'loading' } | { status: 'failed'; message: string } | { status: 'ready'; meetings: SeriesMeeting[] };

/** `version` reloads the list after a change this screen made (a planned term). */
export function useSeries(closed: boolean, version = 0): SeriesState {
  const { meetingId, key } = useMeeting();
  const [state, setState] = useState<SeriesState>({ status: 'loading' });
  useEffect(() => {
    let live = true;
    void fetchSeries(meetingId, key).then((result) => {
      if (!live) return;
      setState(result.ok ? { status: 'ready', meetings: result.value.meetings } : { status: 'failed', message: result.message });
    });
    return () => {
      live = false;
    };
  }, [meetingId, key, closed, version]);
  return state;
}
