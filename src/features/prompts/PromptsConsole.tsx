// The facilitator shows one of the guide's conversation prompts, or the ground rules, on the board.
import { CONVERSATION_PROMPTS } from '@common/schema';
import { setShowRules, showPrompt } from '@/doc/board';
import { useT } from '@/i18n/useT';
import { useMeeting } from '@/store/meeting';
import { RULES, useBoardDisplay } from './useBoardDisplay';
import './prompts.css';

export function PromptsConsole() {
  const t = useT();
  const { docs } = useMeeting();
  const display = useBoardDisplay();
  return (
    <section className="prompts-console" aria-labelledby="prompts-console-title">
      <h2 id="prompts-console-title">{t('clustering.prompts.heading')}</h2>
      <h3>{t('clustering.prompts.questions')}</h3>
      <ul className="prompts-list">
        {CONVERSATION_PROMPTS.map((prompt) => (
          <li key={prompt}>
            <button
              type="button"
              aria-pressed={display.prompt === prompt}
              onClick={() => showPrompt(docs.control, display.prompt === prompt ? null : prompt)}
            >
              {t(`clustering.prompts.${prompt}`)}
            </button>
            {display.prompt === prompt && <span className="prompts-showing"> {t('clustering.prompts.showing')}</span>}
          </li>
        ))}
      </ul>
      {display.prompt && (
        <button type="button" onClick={() => showPrompt(docs.control, null)}>
          {t('clustering.prompts.hide')}
        </button>
      )}
      <h3>{t('clustering.prompts.rulesHeading')}</h3>
      <ul>
        {RULES.map((rule) => (
          <li key={rule}>{t(rule)}</li>
        ))}
      </ul>
      <label className="prompts-switch">
        <input type="checkbox" role="switch" checked={display.showRules} onChange={(e) => setShowRules(docs.control, e.target.checked)} />
        {t('clustering.prompts.showRules')}
      </label>
    </section>
  );
}
