import { useId, useState, type FormEvent } from 'react';
import { CAFE_ROUNDS_MAX, CAFE_TABLES_MAX, tableCount } from '@common/cafe';
import { Limits } from '@common/schema';
import { Button } from '@/components/Button';
import { TextField } from '@/components/TextField';
import { focusCafeTable, resetCafe, setCafe, showCafeHarvest, startCafeRound } from '@/doc/facilitator/cafe';
import { useT } from '@/i18n/useT';
import { useMeeting } from '@/store/meeting';
import { useParticipants } from '@/store/meetingHooks';
import { useOnlineParticipants } from '@/store/presence';
import { useSessionState } from '@/store/session';
import { CafeHarvest } from './CafeHarvest';
import { tableCountOf, useCafe, useHarvest, useSeatings } from './useCafe';
import './cafe.css';

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);
const MINUTES = [5, 10, 15, 20, 25, 30, 40, 45, 60];

function NumberChoice(props: { label: string; value: number; options: number[]; disabled?: boolean; onChange: (n: number) => void }) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{props.label}</label>
      <select id={id} value={props.value} disabled={props.disabled} onChange={(e) => props.onChange(Number(e.target.value))}>
        {props.options.map((n) => (
          <option key={n} value={n}>
            {n}
          </option>
        ))}
      </select>
    </div>
  );
}

/** Question, tables, rounds and minutes; start each round (the relay seats it), then the harvest. */
export function CafeConsole() {
  const t = useT();
  const { docs } = useMeeting();
  const settings = useCafe();
  const seatings = useSeatings();
  const participants = useParticipants();
  const online = useOnlineParticipants();
  const offset = useSessionState((s) => s.clockOffsetMs);
  const tables = useHarvest(tableCountOf(seatings));
  const [question, setQuestion] = useState(settings.question);
  const [confirmReset, setConfirmReset] = useState(false);
  const started = settings.round > 0;
  const seating = seatings.get(settings.round);
  const name = (id: string) => participants.get(id)?.name ?? '?';

  function save(event: FormEvent) {
    event.preventDefault();
    if (question.trim()) setCafe(docs.control, { question });
  }
  const start = (round: number) => startCafeRound(docs.control, round, online.map((p) => p.id), Date.now() + offset);

  return (
    <div className="console-grid">
      <section className="card" aria-labelledby="cafe-q-h">
        <h2 id="cafe-q-h">{t('cafe.setup.heading')}</h2>
        <p>{t('cafe.intro')}</p>
        <form onSubmit={save} className="stack">
          <TextField multiline rows={2} label={t('cafe.question.label')} hint={t('cafe.question.hint')} value={question} maxLength={Limits.textMax * 2} onChange={(e) => setQuestion(e.target.value)} />
          <Button type="submit" variant="primary" disabled={!question.trim()}>
            {t('cafe.question.set')}
          </Button>
        </form>
        <div className="row cafe-console-numbers">
          <NumberChoice label={t('cafe.tables.label')} value={settings.tables} options={range(1, CAFE_TABLES_MAX)} disabled={started} onChange={(tables) => setCafe(docs.control, { tables })} />
          <NumberChoice label={t('cafe.rounds.label')} value={settings.rounds} options={range(1, CAFE_ROUNDS_MAX)} disabled={started} onChange={(rounds) => setCafe(docs.control, { rounds })} />
          <NumberChoice label={t('cafe.minutes.label')} value={settings.minutes} options={MINUTES} onChange={(minutes) => setCafe(docs.control, { minutes })} />
        </div>
        {!started && online.length > 0 && <p>{t('cafe.tables.willBe', { tables: tableCount(settings.tables, online.length), count: online.length })}</p>}
      </section>

      <section className="card" aria-labelledby="cafe-r-h">
        <h2 id="cafe-r-h">{t('cafe.rounds.heading')}</h2>
        <p role="status">
          {!started ? t('cafe.console.notStarted') : settings.harvest ? t('cafe.console.harvest') : t('cafe.round.of', { n: settings.round, total: settings.rounds })}
        </p>
        <div className="row">
          {!started && (
            <Button variant="primary" disabled={online.length === 0} onClick={() => start(1)}>
              {t('cafe.console.start', { count: online.length })}
            </Button>
          )}
          {started && !settings.harvest && settings.round < settings.rounds && (
            <Button variant="primary" onClick={() => start(settings.round + 1)}>
              {t('cafe.console.next', { n: settings.round + 1 })}
            </Button>
          )}
          {started && !settings.harvest && (
            <Button variant={settings.round === settings.rounds ? 'primary' : 'secondary'} onClick={() => showCafeHarvest(docs.control)}>
              {t('cafe.console.toHarvest')}
            </Button>
          )}
          {settings.harvest && <Button onClick={() => showCafeHarvest(docs.control, false)}>{t('cafe.console.backToRound', { n: settings.round })}</Button>}
        </div>
        <p>{t('cafe.console.timerHint')}</p>
        {seating && (
          <ol className="cafe-console-tables" aria-label={t('cafe.board.map')}>
            {tables.map((table) => {
              const hostId = seating.hosts.get(table.table);
              const guests = [...seating.seats].filter(([id, n]) => n === table.table && id !== hostId).map(([id]) => name(id));
              const notes = table.rounds.reduce((n, r) => n + r.notes.length, 0);
              return (
                <li key={table.table}>
                  <strong>{t('cafe.table', { n: table.table })}</strong> – {hostId ? t('cafe.board.host', { name: name(hostId) }) : t('cafe.console.noHost')}
                  {guests.length > 0 && <>; {guests.join(', ')}</>} ({t('cafe.board.notes', { count: notes })})
                </li>
              );
            })}
          </ol>
        )}
        {started &&
          (confirmReset ? (
            <div className="row">
              <Button
                onClick={() => {
                  resetCafe(docs.control, docs.meeting);
                  setConfirmReset(false);
                }}
              >
                {t('cafe.console.resetConfirm')}
              </Button>
              <Button onClick={() => setConfirmReset(false)}>{t('cafe.console.resetCancel')}</Button>
            </div>
          ) : (
            <Button onClick={() => setConfirmReset(true)}>{t('cafe.console.reset')}</Button>
          ))}
      </section>

      {started && (
        <section className="card cafe-console-harvest" aria-labelledby="cafe-h-h">
          <h2 id="cafe-h-h">{t('cafe.harvest.title')}</h2>
          {settings.harvest && (
            <div role="group" aria-label={t('cafe.harvest.show')} className="row">
              {[0, ...tables.map((x) => x.table)].map((n) => (
                <Button key={n} aria-pressed={settings.focus === n} variant={settings.focus === n ? 'primary' : 'secondary'} onClick={() => focusCafeTable(docs.control, n)}>
                  {n === 0 ? t('cafe.harvest.all') : t('cafe.table', { n })}
                </Button>
              ))}
            </div>
          )}
          <CafeHarvest tables={tables} level={3} className="cafe-harvest--console" />
        </section>
      )}
    </div>
  );
}
