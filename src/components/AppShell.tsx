import { useEffect, type ReactNode } from 'react';
import { useT } from '@/i18n/useT';
import { LanguageSwitch } from './LanguageSwitch';

export interface AppShellProps {
  variant: 'page' | 'phone' | 'board' | 'console';
  title: string;
  /** status pill, timer, … beside the title */
  aside?: ReactNode;
  children: ReactNode;
  /** pinned to the bottom on phones, in reach of the thumb */
  footer?: ReactNode;
}

/** Skip link, header with title, language switch and status, and the main landmark. */
export function AppShell({ variant, title, aside, children, footer }: AppShellProps) {
  const t = useT();
  const appName = t('shell.appName');
  useEffect(() => {
    document.title = title === appName ? appName : `${title} – ${appName}`;
  }, [title, appName]);
  return (
    <div className={`shell shell--${variant}`}>
      <a className="skip-link" href="#main">
        {t('shell.skipLink')}
      </a>
      <header className="shell__header">
        <p className="shell__title">{title}</p>
        <div className="shell__aside">
          {aside}
          <LanguageSwitch />
        </div>
      </header>
      <main id="main" tabIndex={-1} className="shell__main">
        {children}
      </main>
      {footer && <footer className="shell__footer">{footer}</footer>}
    </div>
  );
}
