import { createContext, useContext } from 'react';

const plain = (text: string) => text;

/**
 * The board's stage provides its Swedish hyphenator here (components/hyphenate.ts: the patterns are
 * board-only code); everywhere else, phones included, text is shown as it is and no pattern loads.
 */
export const HyphenationContext = createContext<(text: string) => string>(plain);

/** The hyphenator of the view this is in (plain text outside the board's stage). */
export const useHyphenate = () => useContext(HyphenationContext);

/**
 * Text that breaks only at Swedish hyphenation points on the board. Screen readers (and accessible
 * names) get the plain text; the hyphenated copy is for the eye only.
 */
export function Hyphenated({ text }: { text: string }) {
  const shown = useHyphenate()(text);
  if (shown === text) return text;
  return (
    <>
      <span className="hyphenated" aria-hidden="true">
        {shown}
      </span>
      <span className="visually-hidden">{text}</span>
    </>
  );
}
