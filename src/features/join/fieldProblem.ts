// The form's words for a name or organisation the shared text parser (common/text.ts) refused,
// so the phone refuses exactly what the relay would.
import type { TextResult } from '@common/text';
import type { MessageKey } from '@/i18n/catalogues';
import type { Translate } from '@/i18n/translate';

export function fieldProblem(result: TextResult, t: Translate, requiredKey: MessageKey): string | undefined {
  if (result.ok) return undefined;
  return result.problem === 'tooLong' ? t('shell.join.tooLong', { max: result.max }) : t(requiredKey);
}
