// Server clock offset: serverNow ≈ Date.now() + offset. Timers use server time so devices agree.

/** Offset from one round trip: the server's time minus the midpoint of the request. */
export function estimateOffset(sentAt: number, serverNow: number, receivedAt: number): number {
  return Math.round(serverNow - (sentAt + receivedAt) / 2);
}

/** Of several samples, trust the one with the shortest round trip. */
export function bestOffset(samples: { offset: number; roundTrip: number }[]): number {
  if (samples.length === 0) return 0;
  return samples.reduce((best, s) => (s.roundTrip < best.roundTrip ? s : best)).offset;
}
