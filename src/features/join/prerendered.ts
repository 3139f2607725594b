// The join form the server puts into /j/CODE pages (static HTML rendered at build time from the
// app's own components): a phone on slow Wi-Fi can type before the app's script has arrived.

/** The element the server wraps its form in; the app's root stays hidden while it is there. */
export const PRERENDERED_ID = 'prerendered';

export interface Carried {
  name: string;
  organisation: string;
  /** which field had focus, and where its caret was */
  focus: { field: 'name' | 'organisation'; start: number | null; end: number | null } | null;
  /** the person pressed "Gå med" before the app took over */
  submitted: boolean;
}

/** Removes the server's form and shows the app; returns what was typed into it (null: there was none). */
export function releasePrerendered(): Carried | null {
  if (typeof document === 'undefined') return null;
  const node = document.getElementById(PRERENDERED_ID);
  document.getElementById('root')?.removeAttribute('hidden');
  if (!node) return null;
  const input = (autocomplete: string) => node.querySelector<HTMLInputElement>(`input[autocomplete="${autocomplete}"]`);
  const name = input('name');
  const organisation = input('organization');
  const active = document.activeElement;
  const field = active && active === name ? 'name' : active && active === organisation ? 'organisation' : null;
  const carried: Carried = {
    name: name?.value ?? '',
    organisation: organisation?.value ?? '',
    focus: field ? { field, start: (active as HTMLInputElement).selectionStart, end: (active as HTMLInputElement).selectionEnd } : null,
    submitted: node.hasAttribute('data-submitted'),
  };
  node.remove();
  return carried;
}
