/** A field's error message; give it the id the control's aria-describedby names. */
export function FieldError({ id, children }: { id?: string | undefined; children: string }) {
  return (
    <p className="field-error" id={id}>
      {children}
    </p>
  );
}
