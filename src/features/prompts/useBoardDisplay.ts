// What the board shows beside the phase: which conversation prompt, the ground rules, and whether the join corner is hidden (control doc).
import { useMemo } from 'react';
import { CONVERSATION_PROMPTS, type BoardDisplay } from '@common/schema';
import { boardDisplayView } from '@/doc/board';
import { useMeeting } from '@/store/meeting';
import { useView } from '@/store/useView';

export const RULES = ['clustering.prompts.rule1', 'clustering.prompts.rule2', 'clustering.prompts.rule3', 'clustering.prompts.rule4'] as const;

export function useBoardDisplay(): BoardDisplay {
  const { docs } = useMeeting();
  const raw = useView(boardDisplayView(docs.control));
  return useMemo(
    () => ({
      prompt: raw.prompt && (CONVERSATION_PROMPTS as readonly string[]).includes(raw.prompt) ? raw.prompt : null,
      showRules: raw.showRules === true,
      joinHidden: raw.joinHidden === true,
    }),
    [raw],
  );
}
