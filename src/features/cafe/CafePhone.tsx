import { useEffect, useState, type FormEvent } from 'react';
import { Limits } from '@common/schema';
import { Button } from '@/components/Button';
import { TextField } from '@/components/TextField';
import { addCafeNote, requestCafeSeat, sendCafeSummary } from '@/doc/cafe';
import { useT } from '@/i18n/useT';
import { useMeeting } from '@/store/meeting';
import { useParticipants } from '@/store/meetingHooks';
import { CafeHarvest } from './CafeHarvest';
import { seatOf, tableCountOf, useCafe, useHarvest, useOwnCafeSummary, useSeatings } from './useCafe';
import './cafe.css';

/** Where to sit this round, the question, the table's notes so far, and a note for the table. */
export function CafePhone() {
  const t = useT();
  const { docs, participantId } = useMeeting();
  const settings = useCafe();
  const seatings = useSeatings();
  const participants = useParticipants();
  const tables = useHarvest(tableCountOf(seatings));
  const sentSummary = useOwnCafeSummary();
  const [text, setText] = useState('');
  const [pending, setPending] = useState<{ text: string; table: number; round: number } | null>(null);
  const [summary, setSummary] = useState(sentSummary);
  const [summarySent, setSummarySent] = useState(false);
  const round = settings.round;
  const seat = seatOf(seatings, round, participantId);
  const unseated = round > 0 && !settings.harvest && !seat;
  // a latecomer (or a phone the round was started without) asks the relay for a seat
  useEffect(() => {
    if (unseated && docs.private) requestCafeSeat(docs.private, round);
  }, [unseated, round, docs.private]);
  if (!docs.private) return null;

  const atTable = seat ? tables.find((x) => x.table === seat.table) : undefined;
  const hostName = seat && !seat.host ? participants.get(seatings.get(round)?.hosts.get(seat.table) ?? '')?.name : undefined;
  const onTable = pending && tables.some((x) => x.table === pending.table && x.rounds.some((r) => r.round === pending.round && r.notes.includes(pending.text)));

  function add(event: FormEvent) {
    event.preventDefault();
    if (!seat || !text.trim()) return;
    addCafeNote(docs.private!, seat.table, round, text);
    setPending({ text: text.trim(), table: seat.table, round });
    setText('');
  }

  function saveSummary(event: FormEvent) {
    event.preventDefault();
    if (!seat?.host) return;
    sendCafeSummary(docs.private!, seat.table, summary);
    setSummarySent(true);
  }

  const where = !seat
    ? null
    : seat.host
      ? t('cafe.phone.host', { n: seat.table })
      : seat.before !== null && seat.before !== seat.table
        ? t('cafe.phone.goTo', { n: seat.table })
        : t('cafe.phone.sitAt', { n: seat.table });

  return (
    <div className="stack cafe-phone">
      <h1>{t('cafe.title')}</h1>
      {round > 0 && <p className="cafe-phone-round">{settings.harvest ? t('cafe.harvest.title') : t('cafe.round.of', { n: round, total: settings.rounds })}</p>}
      {round === 0 ? (
        <p role="status">{t('cafe.phone.wait')}</p>
      ) : settings.harvest ? (
        seat?.host && (
          <div className="cafe-phone-seat" role="status">
            <p className="cafe-phone-where">{where}</p>
            <p className="cafe-phone-hint">{t('cafe.phone.harvestHint')}</p>
          </div>
        )
      ) : !seat ? (
        <p role="status">{t('cafe.phone.noSeat')}</p>
      ) : (
        <div className="cafe-phone-seat" role="status">
          <p className="cafe-phone-where">{where}</p>
          <p className="cafe-phone-hint">{seat.host ? t('cafe.phone.hostHint') : hostName ? t('cafe.phone.hostIs', { name: hostName }) : ''}</p>
        </div>
      )}
      <p className="phone-question">{settings.question || t('cafe.question.none')}</p>

      {seat && !settings.harvest && (
        <form onSubmit={add} className="stack">
          <TextField
            multiline
            rows={3}
            label={t('cafe.note.label', { n: seat.table })}
            hint={t('cafe.note.hint')}
            value={text}
            maxLength={Limits.noteMax * 2}
            onChange={(e) => setText(e.target.value)}
          />
          <Button type="submit" variant="primary" size="large" disabled={!text.trim()}>
            {t('cafe.note.add')}
          </Button>
          <p role="status">{pending ? t(onTable ? 'cafe.note.sent' : pending.round !== round ? 'cafe.note.late' : 'methods.sending') : ''}</p>
        </form>
      )}

      {seat?.host && (
        <form onSubmit={saveSummary} className="stack">
          <TextField
            multiline
            rows={3}
            label={t('cafe.summary.label')}
            hint={t('cafe.summary.hint')}
            value={summary}
            maxLength={Limits.textMax * 2}
            onChange={(e) => {
              setSummary(e.target.value);
              setSummarySent(false);
            }}
          />
          <Button type="submit" size="large" disabled={!summary.trim()}>
            {t('cafe.summary.save')}
          </Button>
          <p role="status">{summarySent ? t(atTable?.summary === summary.trim() ? 'cafe.summary.saved' : 'methods.sending') : ''}</p>
        </form>
      )}

      {seat && !settings.harvest && (
        <section aria-labelledby="cafe-at-table">
          <h2 id="cafe-at-table">{t('cafe.phone.atTable', { n: seat.table })}</h2>
          {atTable && atTable.rounds.length > 0 ? <CafeHarvest tables={[atTable]} single className="cafe-harvest--phone" /> : <p>{t('cafe.notes.none')}</p>}
        </section>
      )}
      {settings.harvest && <CafeHarvest tables={tables} className="cafe-harvest--phone" />}
    </div>
  );
}
