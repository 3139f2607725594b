// The next steps as CSV for Swedish Excel: UTF-8 with BOM (so Å, Ä, Ö show), semicolons,
// CRLF, every cell quoted, and a cell that Excel would read as a formula neutralised.
import type { MeetingSummary } from '@common/summary';
import { cleanText, labelsFor, mandateLabel, statusLabel } from './text';

const BOM = '\uFEFF';
/** What makes Excel, LibreOffice or Sheets treat a cell as a formula (OWASP CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/;

/** Quotes a cell; a leading = + - @ tab or CR gets a ' in front, which spreadsheets show as text. */
export function csvCell(value: string): string {
  let text = cleanText(value).replace(/\n/g, ' ');
  if (FORMULA_START.test(value) || FORMULA_START.test(text)) text = `'${text}`;
  return `"${text.replace(/"/g, '""')}"`;
}

export function nextStepsToCsv(summary: MeetingSummary): string {
  const t = labelsFor(summary);
  const header = ['what', 'who', 'when', 'mandate', 'status', 'origin'].map((c) => t(`summary.col.${c}` as 'summary.col.what'));
  const rows = summary.nextSteps.map((s) => [s.what, s.who, s.when, mandateLabel(t, s), statusLabel(t, s.status), s.origin]);
  return BOM + [header, ...rows].map((row) => row.map(csvCell).join(';')).join('\r\n') + '\r\n';
}
