// A polite live region that is in the page before anything is said in it, so a screen reader reads
// out a message when it appears or changes (a region added together with its text often is not).
// Text already there when the view opens is not read: announcements are for what happens while
// the person is on the page (a phase change, a revealed result, the timer's last minute).

export function LiveAnnouncer({ message }: { message: string }) {
  return (
    <p className="visually-hidden" role="status" aria-live="polite" aria-atomic="true" data-announcer="">
      {message}
    </p>
  );
}
