// The projected dialogkafé: during the rounds the table map (each table's host by name, how many
// sit there and how many notes it has; the notes themselves carry no name), at the end the harvest,
// every table side by side or the one the facilitator shows large. A card shows what fits, whole,
// and counts the rest ("+3 anteckningar till"); phones and the summary have them all.
import { useRef } from 'react';
import type { HarvestTable } from '@common/cafe';
import { useFitList } from '@/components/useFitList';
import { useParticipants } from '@/store/meetingHooks';
import { useT } from '@/i18n/useT';
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
    const shown = settings.focus ? tables.filter((x) => x.table === settings.focus) : tables;
    return (
      <div className="cafe-board">
        <p className="board-question">{t('cafe.harvest.title')}</p>
        {settings.question && <p className="board-kicker">{settings.question}</p>}
        <ul
          className={`cafe-harvest-board${shown.length === 1 ? ' cafe-harvest-board--one' : shown.length > 8 ? ' cafe-harvest-board--many' : ''}`}
          aria-label={t('cafe.harvest.title')}
        >
          {shown.map((table) => (
            <HarvestCard key={table.table} table={table} />
          ))}
        </ul>
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
        // at most four tables a row: up to eight in two rows, up to twelve in three, smaller
        <ul
          className={`cafe-map${tables.length > 8 ? ' cafe-map--many' : ''}`}
          style={{ gridTemplateColumns: `repeat(${Math.max(1, Math.min(4, tables.length))}, minmax(0, 1fr))` }}
          aria-label={t('cafe.board.map')}
        >
          {tables.map((table) => {
            const host = participants.get(seating.hosts.get(table.table) ?? '');
            const notes = table.rounds.reduce((n, r) => n + r.notes.length, 0);
            return (
              <li key={table.table} className="cafe-map-table">
                <h2 className="cafe-map-name">{t('cafe.table', { n: table.table })}</h2>
                {host && <p className="cafe-map-host">{t('cafe.board.host', { name: host.name })}</p>}
                {/* with more than eight tables the cards are too small for the counts: the console has them */}
                {tables.length <= 8 && (
                  <>
                    <p className="cafe-map-count">{t('cafe.board.seated', { count: people.get(table.table) ?? 0 })}</p>
                    <p className="cafe-map-count">{t('cafe.board.notes', { count: notes })}</p>
                  </>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}

/** a round's name rides on its first note, so it is never shown without one */
type Item = { kind: 'summary' | 'note'; text: string; round?: string };

/** One table's harvest as one list (its summary, then the notes by round), fitted to the card. */
function HarvestCard({ table }: { table: HarvestTable }) {
  const t = useT();
  const list = useRef<HTMLUListElement>(null);
  const items: Item[] = [
    ...(table.summary ? [{ kind: 'summary' as const, text: table.summary }] : []),
    ...table.rounds.flatMap((r) => r.notes.map((text, i) => ({ kind: 'note' as const, text, round: i === 0 ? t('cafe.round.short', { n: r.round }) : undefined }))),
  ];
  const hidden = useFitList(list, [items.map((i) => `${i.round}${i.text}`).join('\n'), t]);
  const hiddenNotes = items.slice(items.length - hidden).filter((i) => i.kind === 'note').length;
  return (
    <li className="cafe-harvest-table">
      <div className="cafe-harvest-head">
        <h2 className="cafe-harvest-name">{t('cafe.table', { n: table.table })}</h2>
        {hiddenNotes > 0 && <p className="cafe-more">{t('cafe.board.more', { count: hiddenNotes })}</p>}
      </div>
      {items.length === 0 && <p className="cafe-harvest-empty">{t('cafe.notes.none')}</p>}
      <ul ref={list} className="cafe-harvest-items">
        {items.map((item, i) => (
          <li key={i} className={`cafe-item cafe-item--${item.kind}`}>
            {item.round && <span className="cafe-item-round">{item.round}</span>}
            <span className="cafe-item-text">{item.text}</span>
          </li>
        ))}
      </ul>
    </li>
  );
}
