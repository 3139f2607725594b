// "Planera terminen": the forum's coming meetings, one fieldset each (title, day, start, end,
// place, video link). The relay parses them again with the same rules (common/term.ts); here the
// form says which field is wrong, as text beside it.
import { useRef, useState, type FormEvent } from 'react';
import { inputMaxLength, typedText } from '@common/text';
import { TextRules } from '@common/records';
import { TERM_MAX_MEETINGS, type MeetingPlan, type PlanField } from '@common/term';
import { parsePlan } from '../../../common/plan';
import { Button } from '@/components/Button';
import { TextField } from '@/components/TextField';
import type { MessageKey } from '@/i18n/catalogues';
import { useT } from '@/i18n/useT';
import { useMeeting } from '@/store/meeting';
import { saveFacilitator } from '@/sync/identity';
import { planTerm } from '@/sync/termApi';
import { termErrorKey } from './termError';

type Row = MeetingPlan & { key: number };
type Errors = Partial<Record<PlanField, MessageKey>>;

let rowKey = 0;
const emptyRow = (title: string): Row => ({ key: rowKey++, title, date: '', start: '09:00', end: '11:00', place: '', link: '' });

export function TermForm({ title, onPlanned }: { title: string; onPlanned(count: number): void }) {
  const t = useT();
  const { meetingId, key } = useMeeting();
  const [rows, setRows] = useState<Row[]>(() => [emptyRow(title)]);
  // by the row's own key, not its place: removing a row must not move its errors to the next one
  const [errors, setErrors] = useState<Record<number, Errors>>({});
  const form = useRef<HTMLFormElement>(null);
  const [status, setStatus] = useState<{ kind: 'idle' | 'busy' | 'done' | 'error'; text: string }>({ kind: 'idle', text: '' });

  const change = (i: number, fields: Partial<MeetingPlan>) => setRows((r) => r.map((row, j) => (j === i ? { ...row, ...fields } : row)));

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found: Record<number, Errors> = {};
    for (const row of rows) {
      const parsed = parsePlan(row);
      if (!parsed.ok) found[row.key] = { [parsed.field]: `term.error.${parsed.field}` as MessageKey };
    }
    setErrors(found);
    const wrong = Object.keys(found).length;
    if (wrong > 0) return setStatus({ kind: 'error', text: t('term.errors', { count: wrong }) });
    setStatus({ kind: 'busy', text: t('term.planning') });
    const result = await planTerm(meetingId, key, rows.map(({ key: _k, ...plan }) => plan));
    if (!result.ok) return setStatus({ kind: 'error', text: t('term.failed', { error: t(termErrorKey(result)) }) });
    for (const m of result.value.meetings) {
      saveFacilitator({ meetingId: m.meetingId, key: m.facilitatorKey, boardKey: m.boardKey, joinCode: m.joinCode, title: m.plan.title, date: m.plan.date });
    }
    setRows([emptyRow(title)]);
    setErrors({});
    setStatus({ kind: 'done', text: t('term.planned', { count: result.value.meetings.length }) });
    onPlanned(result.value.meetings.length);
  }

  return (
    <form ref={form} onSubmit={(e) => void submit(e)} noValidate className="term-form">
      {rows.map((row, i) => {
        const error = (field: PlanField) => {
          const key = errors[row.key]?.[field];
          return key ? t(key) : null;
        };
        return (
          <fieldset key={row.key} className="term-row">
            <legend>{t('term.meeting', { n: i + 1 })}</legend>
            <TextField label={t('term.title')} value={row.title} maxLength={inputMaxLength(TextRules.title)} error={error('title')} onChange={(e) => change(i, { title: typedText(e.target.value, TextRules.title) })} />
            <TextField label={t('term.date')} type="date" required value={row.date} error={error('date')} onChange={(e) => change(i, { date: e.target.value })} />
            <div className="term-times">
              <TextField label={t('term.start')} type="time" required value={row.start} error={error('start')} onChange={(e) => change(i, { start: e.target.value })} />
              <TextField label={t('term.end')} type="time" value={row.end} error={error('end')} onChange={(e) => change(i, { end: e.target.value })} />
            </div>
            <TextField label={t('term.place')} value={row.place} maxLength={inputMaxLength(TextRules.planPlace)} error={error('place')} onChange={(e) => change(i, { place: typedText(e.target.value, TextRules.planPlace) })} />
            <TextField
              label={t('term.link')}
              hint={t('term.linkHint')}
              type="url"
              inputMode="url"
              value={row.link}
              maxLength={inputMaxLength(TextRules.planLink)}
              error={error('link')}
              onChange={(e) => change(i, { link: e.target.value })}
            />
            {rows.length > 1 && (
              <Button
                variant="danger"
                onClick={() => {
                  setRows((r) => r.filter((_, j) => j !== i));
                  // the button goes with its row: the focus goes to the row that takes its place (or the one before)
                  requestAnimationFrame(() => {
                    const left = form.current?.querySelectorAll<HTMLFieldSetElement>('fieldset.term-row');
                    left?.[Math.min(i, left.length - 1)]?.querySelector<HTMLInputElement>('input')?.focus();
                  });
                }}
              >
                {t('term.remove', { n: i + 1 })}
              </Button>
            )}
          </fieldset>
        );
      })}
      <div className="summary-actions">
        <Button disabled={rows.length >= TERM_MAX_MEETINGS} onClick={() => setRows((r) => [...r, emptyRow(title)])}>
          {t('term.add')}
        </Button>
        <Button type="submit" variant="primary" disabled={status.kind === 'busy'} aria-busy={status.kind === 'busy'}>
          {t('term.submit', { count: rows.length })}
        </Button>
      </div>
      {/* two live regions that keep their roles: a region whose role changes is not reliably announced */}
      <p role="status">{status.kind === 'error' ? '' : status.text}</p>
      <p role="alert" className="field__error">
        {status.kind === 'error' ? status.text : ''}
      </p>
    </form>
  );
}
