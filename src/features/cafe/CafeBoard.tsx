// The projected dialogkafé: during the rounds the table map (each table's host by name, how many
// sit there and how many notes it has; the notes themselves carry no name), at the end the harvest.
import { useParticipants } from '@/store/meetingHooks';
import { useT } from '@/i18n/useT';
import { CafeHarvest } from './CafeHarvest';
import { tableCountOf, useCafe, useHarvest, useSeatings } from './useCafe';
import './cafe.css';

export function CafeBoard() {
  const t = useT();
  const settings = useCafe();
  const seatings = useSeatings();
  const participants = useParticipants();
  const tables = useHarvest(tableCountOf(seatings));
  const seating = seatings.get(settings.round);

  if (settings.harvest) {
    return (
      <div className="cafe-board">
        <p className="board-question">{t('cafe.harvest.title')}</p>
        <p className="board-kicker">{settings.question}</p>
        <CafeHarvest tables={tables} className="cafe-harvest--board" />
      </div>
    );
  }
  const people = new Map<number, number>();
  for (const table of seating?.seats.values() ?? []) people.set(table, (people.get(table) ?? 0) + 1);
  return (
    <div className="cafe-board">
      <p className="board-question">{settings.question || t('cafe.question.none')}</p>
      <p className="cafe-board-round">
        {settings.round === 0 ? t('cafe.board.notStarted', { tables: settings.tables, rounds: settings.rounds }) : t('cafe.round.of', { n: settings.round, total: settings.rounds })}
      </p>
      {seating && (
        <ul className="cafe-map" aria-label={t('cafe.board.map')}>
          {tables.map((table) => {
            const host = participants.get(seating.hosts.get(table.table) ?? '');
            const notes = table.rounds.reduce((n, r) => n + r.notes.length, 0);
            return (
              <li key={table.table} className="cafe-map-table">
                <h2 className="cafe-map-name">{t('cafe.table', { n: table.table })}</h2>
                {host && <p className="cafe-map-host">{t('cafe.board.host', { name: host.name })}</p>}
                <p className="cafe-map-count">{t('cafe.board.seated', { count: people.get(table.table) ?? 0 })}</p>
                <p className="cafe-map-count">{t('cafe.board.notes', { count: notes })}</p>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
