import { lazy, Suspense, useEffect, useLayoutEffect } from 'react';
import { AppShell } from '@/components/AppShell';
import { releasePrerendered } from '@/features/join/prerendered';
import { useT } from '@/i18n/useT';
import { useLanguageStore } from '@/i18n/language';
import { loadCatalogue } from '@/i18n/translate';
import { useLocationKey } from './navigate';
import { parseRoute, takeKeysFromAddress } from './routes';

// every route is its own chunk: a phone never downloads console or board code
const LandingRoute = lazy(() => import('./LandingRoute'));
const JoinRoute = lazy(() => import('./JoinRoute'));
const PhoneRoute = lazy(() => import('./PhoneRoute'));
// the facilitator's route brings the strings only it shows: it renders once they are here
const FacilitatorRoute = lazy(() =>
  import('./FacilitatorRoute').then(async (route) => {
    await loadCatalogue(useLanguageStore.getState().lang).catch(() => undefined);
    return route;
  }),
);

export function App() {
  const t = useT();
  const lang = useLanguageStore((s) => s.lang);
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  useLocationKey();
  // keys leave the address bar before anything renders: a projected screen never shows one
  takeKeysFromAddress();
  const route = parseRoute(location.pathname, location.hash);
  // the server's join form (on /j/CODE pages) belongs to the join route only
  useLayoutEffect(() => {
    if (route.name !== 'join') releasePrerendered();
  }, [route.name]);
  return (
    <Suspense fallback={<p role="status">{t('shell.loading')}</p>}>
      {route.name === 'landing' && <LandingRoute />}
      {route.name === 'join' && <JoinRoute code={route.code} />}
      {route.name === 'phone' && <PhoneRoute key={route.meetingId} meetingId={route.meetingId} />}
      {route.name === 'console' && (
        <FacilitatorRoute key={route.meetingId} view="console" meetingId={route.meetingId} joinCodeFromUrl={route.joinCode} />
      )}
      {route.name === 'summary' && <FacilitatorRoute key={route.meetingId} view="summary" meetingId={route.meetingId} />}
      {route.name === 'board' && (
        <FacilitatorRoute
          key={route.meetingId}
          view="board"
          meetingId={route.meetingId}
          joinCodeFromUrl={route.joinCode}
          joinScreen={route.joinScreen}
        />
      )}
      {route.name === 'viewer' && <FacilitatorRoute key={route.meetingId} view="viewer" meetingId={route.meetingId} />}
      {route.name === 'notFound' && (
        <AppShell variant="page" title={t('shell.appName')}>
          <h1>{t('shell.notFound')}</h1>
          <a href="/">{t('shell.closed.home')}</a>
        </AppShell>
      )}
    </Suspense>
  );
}
