import { QRCodeSVG } from 'qrcode.react';
import { useT } from '@/i18n/useT';

export interface QrBlockProps {
  /** the origin phones should use (a LAN address when the page runs on localhost) */
  origin: string;
  joinCode: string | null;
  size: number;
}

/** QR code rendered locally as SVG, with the short code in large letters beside it. */
export function QrBlock({ origin, joinCode, size }: QrBlockProps) {
  const t = useT();
  if (!joinCode) return <p>{t('shell.qr.unknownCode')}</p>;
  const url = `${origin}/j/${joinCode}`;
  return (
    <div className="qr-block">
      <div className="qr-block__code-img">
        <QRCodeSVG value={url} size={size} marginSize={2} level="M" title={t("shell.qr.title")} aria-label={t("shell.qr.title")} role="img" />
      </div>
      <div className="qr-block__text">
        <p className="qr-block__label" id="join-code-label">
          {t('shell.qr.codeLabel')}
        </p>
        <output className="join-code" aria-labelledby="join-code-label">
          {joinCode}
        </output>
        <p className="qr-block__instructions">{t('shell.qr.instructions', { url: origin.replace(/^https?:\/\//, '') })}</p>
      </div>
    </div>
  );
}
