import { useState } from 'react';
import { QRCodeSVG } from 'qrcode.react';
import { useT } from '@/i18n/useT';

/** A small QR code and the join code in the board's corner, so latecomers can join in any phase. */
export function JoinCorner({ origin, joinCode }: { origin: string; joinCode: string | null }) {
  const t = useT();
  // the facilitator may hide it on this board window (e.g. while the room reads a long list)
  const [shown, setShown] = useState(true);
  if (!joinCode) return null;
  const url = `${origin}/j/${joinCode}`;
  if (!shown) {
    return (
      <button type="button" className="join-corner__toggle" aria-expanded={false} onClick={() => setShown(true)}>
        {t('shell.qr.show')}
      </button>
    );
  }
  return (
    <aside className="join-corner" aria-label={t('shell.qr.cornerLabel')} data-join-url={url}>
      <QRCodeSVG value={url} size={120} marginSize={2} level="M" title={t('shell.qr.title')} role="img" aria-label={t('shell.qr.title')} />
      <div className="join-corner__text">
        <p>{t('shell.qr.codeLabel')}</p>
        <output className="join-corner__code">{joinCode}</output>
        <button type="button" className="join-corner__toggle" aria-expanded={true} onClick={() => setShown(false)}>
          {t('shell.qr.hide')}
        </button>
      </div>
    </aside>
  );
}
