// its styles come with the board (src/styles/board.css imports stage.css): components import no styles
import type { ReactNode } from 'react';
import { HyphenationContext } from './Hyphenated';
import { hyphenateSv } from './hyphenate';

export interface BoardStageProps {
  /** the phase name as the page's h1 */
  heading: ReactNode;
  /** timer, beside the heading */
  aside?: ReactNode;
  /** the join corner */
  corner?: ReactNode;
  /** one line at the bottom: presence count, representation, parking strip */
  foot?: ReactNode;
  children: ReactNode;
}

/** The projected board's frame: top row, a body that never scrolls, one foot line (docs/board-stage.md). */
export function BoardStage({ heading, aside, corner, foot, children }: BoardStageProps) {
  return (
    // every text on the stage breaks where Swedish allows (the projector's browser may have no dictionary)
    <HyphenationContext.Provider value={hyphenateSv}>
      <div className="stage">
        <div className="stage__top">
          <div className="stage__heading">{heading}</div>
          {aside}
          {corner}
        </div>
        <div className="stage__body">{children}</div>
        <div className="stage__foot">{foot}</div>
      </div>
    </HyphenationContext.Provider>
  );
}
