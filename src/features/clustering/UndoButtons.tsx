// Undo / redo of the facilitator's clustering moves (never of others' work).
import { useT } from '@/i18n/useT';
import { useUndo } from './useUndo';

export function UndoButtons() {
  const t = useT();
  const { history, canUndo, canRedo } = useUndo();
  return (
    <div className="cluster-undo" role="group" aria-label={`${t('clustering.undo')} / ${t('clustering.redo')}`}>
      <button type="button" onClick={history.undo} disabled={!canUndo} aria-keyshortcuts="Control+Z Meta+Z">
        {t('clustering.undo')}
      </button>
      <button type="button" onClick={history.redo} disabled={!canRedo} aria-keyshortcuts="Control+Shift+Z Meta+Shift+Z">
        {t('clustering.redo')}
      </button>
    </div>
  );
}
