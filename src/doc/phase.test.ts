import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { DEFAULT_TEMPLATE } from '@common/schema';
import { goToPhase, includePhase, movePhase, nextPhase, previousPhase, readPhase, skipPhase } from './facilitator/phase';
import { twoDocsWithRelay } from '@/test/twoDocs';

function freshControl() {
  const doc = new Y.Doc();
  doc.getMap('phase').set('current', 'setup');
  doc.getMap('phase').set('phases', [...DEFAULT_TEMPLATE]);
  return doc;
}

describe('phase engine', () => {
  it('next and previous walk the running order and stop at the ends', () => {
    const doc = freshControl();
    expect(previousPhase(doc)).toBeNull();
    expect(nextPhase(doc)).toBe('checkin');
    expect(nextPhase(doc)).toBe('gathering');
    expect(previousPhase(doc)).toBe('checkin');
    goToPhase(doc, 'summary');
    expect(nextPhase(doc)).toBeNull();
    expect(readPhase(doc).current).toBe('summary');
  });

  it('a skipped phase is stepped over and can be brought back in its place', () => {
    const doc = freshControl();
    skipPhase(doc, 'checkin');
    expect(nextPhase(doc)).toBe('gathering');
    includePhase(doc, 'checkin');
    expect(readPhase(doc).phases).toEqual([...DEFAULT_TEMPLATE]);
  });

  it('skipping the phase that runs now still lets next move on', () => {
    const doc = freshControl();
    goToPhase(doc, 'checkin');
    skipPhase(doc, 'checkin');
    expect(nextPhase(doc)).toBe('gathering');
  });

  it('phases can be reordered', () => {
    const doc = freshControl();
    movePhase(doc, 'checkout', -1);
    expect(readPhase(doc).phases.slice(-3)).toEqual(['checkout', 'nextsteps', 'summary']);
  });

  it('a fresh document reads as the setup phase with the full template', () => {
    expect(readPhase(new Y.Doc())).toEqual({ current: 'setup', phases: [...DEFAULT_TEMPLATE] });
  });

  it('facilitator console and board window converge on one current phase', () => {
    const { a, b, pause, resume } = twoDocsWithRelay();
    goToPhase(a, 'setup');
    pause();
    goToPhase(a, 'checkin');
    goToPhase(b, 'gathering');
    resume();
    expect(readPhase(a)).toEqual(readPhase(b));
  });
});
