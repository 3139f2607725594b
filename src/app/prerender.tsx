// Build-time only (vite.config.ts loads it with ssrLoadModule): the join form as static HTML in
// both languages, and the small script that keeps it usable until the app takes over. Never
// imported by the client.
import { renderToStaticMarkup } from 'react-dom/server';
import { AppShell } from '@/components/AppShell';
import { JoinForm } from '@/features/join/JoinForm';
import { PRERENDERED_ID } from '@/features/join/prerendered';
import type { Language } from '@/i18n/catalogues';
import { LANG_KEY, useLanguageStore } from '@/i18n/language';
import { loadCatalogue, translate } from '@/i18n/translate';

/** The join form in the language the language store started with (the build sets what it reads). */
export async function renderJoinPage(): Promise<string> {
  const lang: Language = useLanguageStore.getState().lang;
  await loadCatalogue(lang);
  return renderToStaticMarkup(
    <AppShell variant="phone" title={translate(lang, 'shell.appName')}>
      <JoinForm meetingId="" onJoined={() => undefined} />
    </AppShell>,
  );
}

// The script after the form (the server allows it by its hash). Swedish is in the page; English replaces it when this device chose English before. A press on
// "Gå med" is held (data-submitted) and sent by the app when it takes over (features/join/prerendered.ts).
// The app's entry script is only preloaded by the page (link data-entry, server/http/static.ts): it
// runs after the form's first paint, so a slow phone's main thread paints the form before it spends
// a second evaluating React (a hidden tab, where frames never come, starts it after a second).
export const PRERENDER_SCRIPT = `(function(){var l=document.querySelector('link[data-entry]');if(!l)return;var d=0;function go(){if(d)return;d=1;var s=document.createElement('script');s.type='module';s.crossOrigin='';s.src=l.href;document.head.appendChild(s)}requestAnimationFrame(function(){setTimeout(go,0)});setTimeout(go,1000)})();(function(){var p=document.getElementById(${JSON.stringify(PRERENDERED_ID)});if(!p)return;try{if(localStorage.getItem(${JSON.stringify(LANG_KEY)})==='en'){var t=p.querySelector('template');if(t){p.replaceChildren(t.content.cloneNode(true));document.documentElement.lang='en'}}}catch(e){}p.addEventListener('submit',function(e){e.preventDefault();p.setAttribute('data-submitted','');var b=p.querySelector('[type=submit]');if(b)b.setAttribute('aria-busy','true')})})()`;

export { PRERENDERED_ID };
