import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from '@/app/App';
import { registerServiceWorker } from '@/app/registerServiceWorker';
import { loadCatalogue } from '@/i18n/translate';
import { useLanguageStore } from '@/i18n/language';
import '@/styles/base.css';
import '@/styles/notes.css';

// an English choice saved on this device: its catalogue first, so the first paint is not Swedish
void loadCatalogue(useLanguageStore.getState().lang)
  .catch(() => undefined)
  .then(() =>
    createRoot(document.getElementById('root')!).render(
      <StrictMode>
        <App />
      </StrictMode>,
    ),
  );

registerServiceWorker();
