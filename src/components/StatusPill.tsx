import type { ConnectionState } from '@/sync/session';
import { useT } from '@/i18n/useT';

const ICON: Record<ConnectionState['status'], string> = {
  connecting: '◌',
  connected: '●',
  reconnecting: '↻',
  offline: '⨯',
};

/** Connection state as text plus a shape, never colour alone. */
export function StatusPill({ connection }: { connection: ConnectionState }) {
  const t = useT();
  return (
    <p className={`pill pill--${connection.status}`} role="status">
      <span aria-hidden="true">{ICON[connection.status]} </span>
      <span className="visually-hidden">{t('shell.status.label')}: </span>
      {t(`shell.status.${connection.status}`)}
    </p>
  );
}
