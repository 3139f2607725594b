// A planned meeting's own day, time, place and link, and changing them: the relay raises the
// event's SEQUENCE, so every calendar that downloaded it or subscribes moves the meeting.
import { useId, useState, type FormEvent } from 'react';
import { inputMaxLength, typedText } from '@common/text';
import { TextRules } from '@common/records';
import { type MeetingPlan, type PlanField } from '@common/term';
import { parsePlan } from '../../../common/plan';
import { Button } from '@/components/Button';
import { TextField } from '@/components/TextField';
import { termView } from '@/doc/term';
import type { MessageKey } from '@/i18n/catalogues';
import { useT } from '@/i18n/useT';
import { useMeeting } from '@/store/meeting';
import { useView } from '@/store/useView';
import { replan } from '@/sync/termApi';
import { termErrorKey } from './termError';

export function OwnPlan({ title, onChanged }: { title: string; onChanged(): void }) {
  const t = useT();
  const id = useId();
  const { docs, meetingId, key } = useMeeting();
  const own = useView(termView(docs.control));
  const [draft, setDraft] = useState<MeetingPlan | null>(null);
  const [error, setError] = useState<{ field: PlanField; key: MessageKey } | null>(null);
  const [status, setStatus] = useState('');
  if (!own.date) return null;
  const current: MeetingPlan = { title, date: own.date, start: own.start ?? '', end: own.end ?? '', place: own.place ?? '', link: own.link ?? '' };

  async function save(event: FormEvent) {
    event.preventDefault();
    if (!draft) return;
    const parsed = parsePlan(draft);
    if (!parsed.ok) return setError({ field: parsed.field, key: `term.error.${parsed.field}` as MessageKey });
    setError(null);
    const result = await replan(meetingId, key, parsed.value);
    if (!result.ok) return setStatus(t('term.failed', { error: t(termErrorKey(result)) }));
    setDraft(null);
    setStatus(t('term.own.saved'));
    onChanged();
  }
  const field = (name: PlanField) => (error?.field === name ? t(error.key) : null);

  return (
    <section aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`}>{t('term.own.heading')}</h3>
      <p>
        <time dateTime={`${current.date}T${current.start}`}>{t('term.when', { date: current.date, start: current.start, end: current.end })}</time>
        {current.place ? `, ${current.place}` : ''}
      </p>
      {current.link && <p className="term-link">{current.link}</p>}
      {draft ? (
        <form onSubmit={(e) => void save(e)} noValidate className="term-row">
          <TextField label={t('term.date')} type="date" value={draft.date} error={field('date')} onChange={(e) => setDraft({ ...draft, date: e.target.value })} />
          <div className="term-times">
            <TextField label={t('term.start')} type="time" value={draft.start} error={field('start')} onChange={(e) => setDraft({ ...draft, start: e.target.value })} />
            <TextField label={t('term.end')} type="time" value={draft.end} error={field('end')} onChange={(e) => setDraft({ ...draft, end: e.target.value })} />
          </div>
          <TextField label={t('term.place')} value={draft.place} maxLength={inputMaxLength(TextRules.planPlace)} error={field('place')} onChange={(e) => setDraft({ ...draft, place: typedText(e.target.value, TextRules.planPlace) })} />
          <TextField label={t('term.link')} hint={t('term.linkHint')} type="url" value={draft.link} maxLength={inputMaxLength(TextRules.planLink)} error={field('link')} onChange={(e) => setDraft({ ...draft, link: e.target.value })} />
          <div className="summary-actions">
            <Button type="submit" variant="primary">
              {t('term.own.save')}
            </Button>
            <Button onClick={() => setDraft(null)}>{t('term.own.cancel')}</Button>
          </div>
        </form>
      ) : (
        <Button onClick={() => setDraft(current)}>{t('term.own.change')}</Button>
      )}
      <p role="status">{status}</p>
    </section>
  );
}
