// The harvest: each table's host summary and its notes by round (never a name). Board, console
// and phone show the same list, each with its own styles.
import type { HarvestTable } from '@common/cafe';
import { useT } from '@/i18n/useT';

interface Props {
  tables: HarvestTable[];
  className?: string;
  /** one table's rounds only, under a heading the caller gives */
  single?: boolean;
  /** the tables' heading level: 2 on the board and phone, 3 inside the console's card */
  level?: 2 | 3;
}

export function CafeHarvest({ tables, className = '', single = false, level = 2 }: Props) {
  const t = useT();
  const Name = level === 3 ? 'h3' : 'h2';
  if (single) return <div className={`cafe-harvest ${className}`}>{tables.map((table) => <Rounds key={table.table} table={table} level={3} />)}</div>;
  return (
    <ul className={`cafe-harvest ${className}`} aria-label={t('cafe.harvest.title')}>
      {tables.map((table) => (
        <li key={table.table} className="cafe-harvest-table">
          <Name className="cafe-harvest-name">{t('cafe.table', { n: table.table })}</Name>
          {table.summary && (
            <p className="cafe-harvest-summary">
              <span className="visually-hidden">{t('cafe.summary.label')}: </span>
              {table.summary}
            </p>
          )}
          {table.rounds.length === 0 && !table.summary && <p className="cafe-harvest-empty">{t('cafe.notes.none')}</p>}
          <Rounds table={table} level={level === 3 ? 4 : 3} />
        </li>
      ))}
    </ul>
  );
}

function Rounds({ table, level }: { table: HarvestTable; level: 3 | 4 }) {
  const t = useT();
  const Name = level === 4 ? 'h4' : 'h3';
  return table.rounds.map((round) => (
    <section key={round.round} className="cafe-harvest-round" aria-label={t('cafe.round.short', { n: round.round })}>
      <Name className="cafe-harvest-roundname">{t('cafe.round.short', { n: round.round })}</Name>
      <ul className="cafe-notes">
        {round.notes.map((text, i) => (
          <li key={i} className="cafe-note">
            {text}
          </li>
        ))}
      </ul>
    </section>
  ));
}
