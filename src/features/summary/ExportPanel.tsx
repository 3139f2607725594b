// The export buttons. Exporters load on first use (their own chunks), so neither phones nor a
// console that never exports download docx.
import { useState } from 'react';
import type { MeetingSummary } from '@common/summary';
import { createArchive } from '@common/archive';
import { Button } from '@/components/Button';
import { loadCatalogue } from '@/i18n/translate';
import { useT } from '@/i18n/useT';
import type { SummaryDocs } from '@/doc/summary';
import { download } from './download';
import type { GroupRoots } from './useGroupRoots';

export function ExportPanel({ summary, roots, groups }: { summary: MeetingSummary; roots: SummaryDocs; groups: GroupRoots }) {
  const t = useT();
  const [status, setStatus] = useState('');
  // a file is written in the meeting's language, which may not be the one this screen shows
  const run = (fn: () => Promise<void>) => () => {
    setStatus('');
    loadCatalogue(summary.language)
      .then(fn)
      .catch(() => setStatus(t('summary.export.failed')));
  };
  const base = async () => (await import('./export/text')).fileBase(summary);
  return (
    <section className="card no-print" aria-labelledby="summary-exports">
      <h2 id="summary-exports">{t('summary.exports')}</h2>
      <div className="summary-actions">
        <Button
          variant="primary"
          onClick={run(async () => {
            const { summaryToDocxBlob } = await import('./export/docx');
            download(`${await base()}.docx`, await summaryToDocxBlob(summary), 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
          })}
        >
          {t('summary.export.docx')}
        </Button>
        <Button onClick={() => window.print()}>{t('summary.export.print')}</Button>
        <Button
          onClick={run(async () => {
            const { summaryToMarkdown } = await import('./export/markdown');
            download(`${await base()}.md`, summaryToMarkdown(summary), 'text/markdown;charset=utf-8');
          })}
        >
          {t('summary.export.markdown')}
        </Button>
        <Button
          onClick={run(async () => {
            const { summaryToMarkdown } = await import('./export/markdown');
            await navigator.clipboard.writeText(summaryToMarkdown(summary));
            setStatus(t('summary.export.copied'));
          })}
        >
          {t('summary.export.copyMarkdown')}
        </Button>
        <Button
          onClick={run(async () => {
            const { nextStepsToCsv } = await import('./export/csv');
            download(`${await base()}-nasta-steg.csv`, nextStepsToCsv(summary), 'text/csv;charset=utf-8');
          })}
        >
          {t('summary.export.csv')}
        </Button>
        <Button
          onClick={run(async () => {
            const archive = createArchive(roots.meeting, roots.control, new Date().toISOString(), groups);
            download(`${await base()}.json`, JSON.stringify(archive, null, 1), 'application/json');
          })}
        >
          {t('summary.export.json')}
        </Button>
      </div>
      <p role="status" className="summary-status">
        {status}
      </p>
    </section>
  );
}
