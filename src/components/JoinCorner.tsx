import { QRCodeSVG } from 'qrcode.react';
import { useT } from '@/i18n/useT';

interface Props {
  origin: string;
  joinCode: string | null;
  /** the meeting's setting (control.board.joinHidden): every board window follows it */
  hidden: boolean;
  /** only the facilitator's own board window may change it; the projector key and viewer only follow */
  onHiddenChange?: (hidden: boolean) => void;
}

/** A small QR code and the join code in the board's corner, so latecomers can join in any phase. */
export function JoinCorner({ origin, joinCode, hidden, onHiddenChange }: Props) {
  const t = useT();
  if (!joinCode) return null;
  const url = `${origin}/j/${joinCode}`;
  if (hidden) {
    return onHiddenChange ? (
      <button type="button" className="join-corner__toggle" aria-pressed={false} onClick={() => onHiddenChange(false)}>
        {t('shell.qr.show')}
      </button>
    ) : null;
  }
  return (
    <aside className="join-corner" aria-label={t('shell.qr.cornerLabel')} data-join-url={url}>
      <QRCodeSVG value={url} size={120} marginSize={2} level="M" title={t('shell.qr.title')} role="img" aria-label={t('shell.qr.title')} />
      <div className="join-corner__text">
        <p>{t('shell.qr.codeLabel')}</p>
        <output className="join-corner__code">{joinCode}</output>
        {onHiddenChange && (
          <button type="button" className="join-corner__toggle" onClick={() => onHiddenChange(true)}>
            {t('shell.qr.hide')}
          </button>
        )}
      </div>
    </aside>
  );
}
