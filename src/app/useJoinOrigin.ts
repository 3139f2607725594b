import { useEffect, useState } from 'react';
import { fetchInfo } from '@/sync/api';

const LOCAL = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

/** The origin phones should open: on localhost, the relay's first LAN address instead. */
export function useJoinOrigin(): string {
  const [origin, setOrigin] = useState(() => location.origin);
  useEffect(() => {
    if (!LOCAL.has(location.hostname)) return;
    let cancelled = false;
    fetchInfo().then((result) => {
      const first = result.ok ? result.value.lanUrls?.[0] : undefined;
      if (!cancelled && first) setOrigin(first.replace(/\/+$/, ''));
    });
    return () => {
      cancelled = true;
    };
  }, []);
  return origin;
}
