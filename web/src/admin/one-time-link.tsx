/** A one-time link shown once to pass on; selectable, never stored by the page. */
export function OneTimeLink({ intro, link, note }: { intro: string; link: string; note?: string | undefined }) {
  return (
    <div className="notice notice-success" role="status">
      <p>{intro}</p>
      <p>
        <code className="one-time-link">{link}</code>
      </p>
      {note ? <p>{note}</p> : null}
    </div>
  );
}
