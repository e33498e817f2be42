/**
 * A form's primary submit button: disabled while the form sends (and while
 * `disabled`, e.g. until a required choice is made), saying `busyLabel`
 * meanwhile when there is one.
 */
export function SubmitButton({
  busy = false,
  disabled = false,
  busyLabel,
  children,
}: {
  busy?: boolean;
  disabled?: boolean;
  busyLabel?: string;
  children: string;
}) {
  return (
    <button type="submit" className="button button-primary" disabled={busy || disabled}>
      {busy && busyLabel !== undefined ? busyLabel : children}
    </button>
  );
}
