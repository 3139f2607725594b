// The ranked result as a horizontal bar chart: ties share a place and say so ("delad plats").
import type { RankedItem } from '@common/voting';
import { useT } from '@/i18n/useT';
import { Hyphenated } from '@/components/Hyphenated';

export interface ResultChartProps {
  ranked: (RankedItem & { label: string })[];
  chosen: readonly string[];
  /** show at most this many rows (the board must fit one screen) */
  limit?: number;
  className?: string;
}

export function ResultChart({ ranked, chosen, limit, className = '' }: ResultChartProps) {
  const t = useT();
  const max = Math.max(1, ...ranked.map((r) => r.votes));
  const rows = limit ? ranked.slice(0, limit) : ranked;
  if (rows.length === 0) return <p>{t('voting.result.none')}</p>;
  return (
    <ol className={`vote-chart ${className}`} aria-label={t('voting.result.heading')}>
      {rows.map((row) => (
        <li key={row.id} className={chosen.includes(row.id) ? 'vote-chart-row is-chosen' : 'vote-chart-row'}>
          <span className="vote-chart-place">
            {row.tied ? t('voting.result.placeShared', { place: row.place }) : t('voting.result.place', { place: row.place })}
          </span>
          <span className="vote-chart-label">
            <Hyphenated text={row.label} />
            {chosen.includes(row.id) && <strong className="vote-chart-chosen"> {t('voting.result.chosen')}</strong>}
          </span>
          <span className="vote-chart-bar" aria-hidden="true">
            <span style={{ width: `${(row.votes / max) * 100}%` }} />
          </span>
          <span className="vote-chart-count">{t('voting.result.dots', { count: row.votes })}</span>
        </li>
      ))}
    </ol>
  );
}
