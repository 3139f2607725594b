// The forum rating across the series: a small SVG chart of each meeting's mean, and the same
// figures as a table (the chart's text alternative). Only meetings that showed their rating.
import { formatMean, type TrendPoint } from '@common/series';
import { useT } from '@/i18n/useT';

const W = 320;
const H = 140;
const PAD = 24;

export function RatingTrend({ points: rated, headingLevel, language }: { points: TrendPoint[]; headingLevel: 'h3' | 'h2'; language: 'sv' | 'en' }) {
  const t = useT();
  const format = (mean: number) => formatMean(mean, language);
  const Heading = headingLevel;
  const x = (i: number) => (rated.length === 1 ? W / 2 : PAD + (i * (W - 2 * PAD)) / (rated.length - 1));
  const y = (mean: number) => H - PAD - ((mean - 1) / 4) * (H - 2 * PAD);
  return (
    <section className="summary-section summary-trend" aria-labelledby="summary-trend">
      <Heading id="summary-trend">{t('summary.trend.heading')}</Heading>
      {rated.length === 0 ? (
        <p className="summary-none">{t('summary.trend.none')}</p>
      ) : (
        <>
          <svg className="summary-trend-chart" viewBox={`0 0 ${W} ${H}`} role="img" aria-label={t('summary.trend.chart')}>
            {[1, 3, 5].map((v) => (
              <g key={v}>
                <line x1={PAD} x2={W - 8} y1={y(v)} y2={y(v)} className="summary-trend-grid" />
                <text x={4} y={y(v) + 4} className="summary-trend-axis">
                  {v}
                </text>
              </g>
            ))}
            <polyline points={rated.map((m, i) => `${x(i)},${y(m.mean)}`).join(' ')} className="summary-trend-line" />
            {rated.map((m, i) => (
              <g key={i}>
                <circle cx={x(i)} cy={y(m.mean)} r={4} className="summary-trend-dot" />
                <text x={x(i)} y={y(m.mean) - 8} textAnchor="middle" className="summary-trend-value">
                  {format(m.mean)}
                </text>
              </g>
            ))}
          </svg>
          <table className="summary-table">
            <thead>
              <tr>
                <th scope="col">{t('summary.trend.col.date')}</th>
                <th scope="col">{t('summary.trend.col.meeting')}</th>
                <th scope="col">{t('summary.trend.col.mean')}</th>
                <th scope="col">{t('summary.trend.col.count')}</th>
              </tr>
            </thead>
            <tbody>
              {rated.map((m, i) => (
                <tr key={i}>
                  <td>{m.date}</td>
                  <td>{m.title || t('summary.series.untitled')}</td>
                  <td>{format(m.mean)}</td>
                  <td>{m.count}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
