// The facilitator's controls for gathering: settings, progress, moderation and the reveal.
import { useT } from '@/i18n/useT';
import { GatheringSettingsForm } from './GatheringSettingsForm';
import { InboxList } from './InboxList';
import { RevealButton } from './RevealButton';
import { useGatheringSettings } from './useGathering';
import { useInbox } from './useInbox';
import { useProgress } from './useProgress';
import { WalkthroughConsole } from './WalkthroughConsole';
import './gathering.css';

export function GatheringConsole() {
  const t = useT();
  const settings = useGatheringSettings();
  const progress = useProgress();
  const inbox = useInbox();
  // per-group counts come from the facilitator's inbox: the public counts are per participant only
  const perGroup =
    settings.mode === 'group'
      ? Array.from({ length: settings.groupCount }, (_, i) => ({ n: i + 1, count: inbox.filter((note) => note.group === i + 1).length }))
      : [];
  const names = (list: { name: string }[]) => (list.length ? list.map((p) => p.name).join(', ') : t('gathering.console.nobody'));
  return (
    // the shell's h1 already names the phase
    <section className="gathering-console" aria-label={t('gathering.title')}>
      <h2>{t('gathering.console.settings')}</h2>
      <GatheringSettingsForm settings={settings} />
      {/* the relay publishes no counts after the reveal (they would tie notes to names): the board has the notes */}
      {!settings.revealed && (
        <>
          <p className="gathering-progress" aria-live="polite">
            {t('gathering.console.progress', { writers: progress.writers.length, participants: progress.participants })}
            {' · '}
            {t('gathering.board.counts', { notes: progress.total, writers: progress.writers.length, participants: progress.participants })}
          </p>
          <dl className="gathering-who">
            <dt>{t('gathering.console.hasWritten')}</dt>
            <dd>{names(progress.writers)}</dd>
            <dt>{t('gathering.console.notWritten')}</dt>
            <dd>{names(progress.waiting)}</dd>
          </dl>
        </>
      )}
      {perGroup.length > 0 && !settings.revealed && (
        <ul className="gathering-groups">
          {perGroup.map(({ n, count }) => (
            <li key={n}>
              {t('gathering.console.group', { n })}: {t('gathering.board.participantCount', { count })}
            </li>
          ))}
        </ul>
      )}
      <RevealButton revealed={settings.revealed} />
      {!settings.revealed && <InboxList />}
      {settings.revealed && <WalkthroughConsole namedNotes={settings.showAuthors} />}
    </section>
  );
}
