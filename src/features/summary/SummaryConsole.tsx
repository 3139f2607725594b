// The facilitator's summary: the conclusion, which sections go out, exports, the meeting's life
// cycle, and the document itself (live during the meeting, final once closed).
import { SECTION_IDS } from '@common/summary';
import { summarySettingsView } from '@/doc/summary';
import { setConclusion, setSectionHidden } from '@/doc/facilitator/summary';
import { useT } from '@/i18n/useT';
import { useMeeting } from '@/store/meeting';
import { useView } from '@/store/useView';
import { ExportPanel } from './ExportPanel';
import { LifecyclePanel } from './LifecyclePanel';
import { SummaryDocument } from './SummaryDocument';
import { useClosed, useSummarySources } from './useSummary';
import { RatingTrend } from './RatingTrend';
import { SeriesPanel } from './SeriesPanel';
import { useSeries } from './useSeries';
import { TermPanel } from './TermPanel';
import { useState } from 'react';
import { trendOf } from '@common/series';
import { inputMaxLength } from '@common/text';
import { TextRules } from '@common/records';

export function SummaryConsole() {
  const t = useT();
  const { docs } = useMeeting();
  const { summary, roots, groups } = useSummarySources();
  const closed = useClosed();
  const [seriesVersion, setSeriesVersion] = useState(0);
  const series = useSeries(closed, seriesVersion);
  // a forum's first meeting has no trend to show
  const later = series.status === 'ready' && series.meetings.length > 1;
  const trend = later ? trendOf(series.meetings) : undefined;
  const exported = trend?.length ? { ...summary, ratingTrend: trend } : summary;
  // bound to the doc directly: the summary itself is rebuilt a moment later
  const conclusion = useView(summarySettingsView(docs.control)).conclusion ?? '';
  return (
    <div className="summary-console">
      <div className="summary-controls no-print">
        <section className="card" aria-labelledby="summary-edit">
          <h2 id="summary-edit">{t('summary.heading')}</h2>
          <label htmlFor="summary-conclusion-field" className="field-label">
            {t('summary.conclusionLabel')}
          </label>
          <textarea
            id="summary-conclusion-field"
            className="summary-conclusion-input"
            rows={5}
            maxLength={inputMaxLength(TextRules.conclusion)}
            readOnly={closed}
            value={conclusion}
            onChange={(e) => setConclusion(docs.control, e.target.value)}
          />
          <fieldset className="summary-sections" disabled={closed}>
            <legend>{t('summary.hideSections')}</legend>
            {SECTION_IDS.map((id) => (
              <label key={id} className="summary-section-toggle">
                <input type="checkbox" checked={!summary.hidden.includes(id)} onChange={(e) => setSectionHidden(docs.control, id, !e.target.checked)} />
                {t(`summary.section.${id}`)}
              </label>
            ))}
          </fieldset>
        </section>
        <ExportPanel summary={exported} roots={roots} groups={groups} />
        <LifecyclePanel closed={closed} />
        <SeriesPanel series={series} />
        <TermPanel series={series} title={summary.info.title} onPlanned={() => setSeriesVersion((v) => v + 1)} />
      </div>
      <SummaryDocument
        summary={summary}
        trend={trend ? <RatingTrend points={trend} headingLevel="h3" language={summary.language} /> : null}
      />
    </div>
  );
}
