// On the projected board: the chosen prompt large, and the ground rules when shown. No dnd-kit.
import { useT } from '@/i18n/useT';
import { RULES, useBoardDisplay } from './useBoardDisplay';
import './prompts.css';

export function PromptsOverlay() {
  const t = useT();
  const { prompt, showRules } = useBoardDisplay();
  return (
    <div className="prompts-overlay" aria-live="polite">
      {prompt && <p className="prompts-overlay-prompt">{t(`clustering.prompts.${prompt}`)}</p>}
      {showRules && (
        <section className="prompts-overlay-rules" aria-labelledby="prompts-rules-title">
          <h2 id="prompts-rules-title">{t('clustering.prompts.rulesHeading')}</h2>
          <ul>
            {RULES.map((rule) => (
              <li key={rule}>{t(rule)}</li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
