import { hyphenateSv } from './hyphenate';

/**
 * Text that breaks only at Swedish hyphenation points on the board. Screen readers (and accessible
 * names) get the plain text; the hyphenated copy is for the eye only.
 */
export function Hyphenated({ text }: { text: string }) {
  const shown = hyphenateSv(text);
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
