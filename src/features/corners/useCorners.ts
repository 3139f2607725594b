// Fyra hörn's read models for the phone, the board and the console (no board or console code here).
import { useMemo } from 'react';
import { CORNER_COUNT } from '@common/schema';
import { parseCornerBallot, parseCornerResult, parseCornersSettings } from '@common/methods';
import { cornerReasonsView, cornerResultView, cornersView, ownCornerReasonView, ownCornerView } from '@/doc/methods';
import * as Empty from '@/doc/empty';
import { cleanText } from '@common/text';
import { TextRules } from '@common/records';
import { useMeeting } from '@/store/meeting';
import { useView } from '@/store/useView';

/** "A", "B", "C", "D": how the room names the corners. */
export const cornerLetter = (i: number) => String.fromCharCode(65 + i);
export const CORNERS = Array.from({ length: CORNER_COUNT }, (_, i) => i);

export function useCorners() {
  const { docs } = useMeeting();
  const raw = useView(cornersView(docs.control));
  return useMemo(() => parseCornersSettings(raw), [raw]);
}

export function useCornerResult() {
  const { docs } = useMeeting();
  const raw = useView(cornerResultView(docs.control));
  return useMemo(() => parseCornerResult(raw), [raw]);
}

/** corner → its reasons' texts, oldest first (no author: the relay never writes one). */
export function useCornerReasons(): string[][] {
  const { docs } = useMeeting();
  const reasons = useView(cornerReasonsView(docs.meeting));
  return useMemo(() => {
    const out: string[][] = CORNERS.map(() => []);
    for (const r of [...reasons.values()].sort((a, b) => a.updatedAt - b.updatedAt)) if (r.text) out[r.corner].push(r.text);
    return out;
  }, [reasons]);
}

export function useOwnCorner() {
  const { docs } = useMeeting();
  const raw = useView(docs.private ? ownCornerView(docs.private) : Empty.fields<Record<string, unknown>>());
  return useMemo(() => parseCornerBallot(raw)?.choice ?? null, [raw]);
}

export function useOwnCornerReason() {
  const { docs } = useMeeting();
  const raw = useView(docs.private ? ownCornerReasonView(docs.private) : Empty.fields<Record<string, unknown>>());
  return useMemo(() => cleanText(raw.text, TextRules.answer), [raw]);
}
