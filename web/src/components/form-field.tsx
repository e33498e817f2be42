import { type InputHTMLAttributes, useId } from 'react';

interface FormFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'id'> {
  label: string;
  error?: string | undefined;
  /** A standing hint under the label, e.g. the password rules. */
  hint?: string | undefined;
}

/** A labelled input with its error message wired up for assistive technology. */
export function FormField({ label, error, hint, ...input }: FormFieldProps) {
  const id = useId();
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const describedBy = [hint ? hintId : '', error ? errorId : ''].filter(Boolean).join(' ');
  return (
    <div className={error ? 'field field-invalid' : 'field'}>
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p className="field-hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      <input id={id} aria-invalid={error ? true : undefined} aria-describedby={describedBy || undefined} {...input} />
      {error ? (
        <p className="field-error" id={errorId}>
          {error}
        </p>
      ) : null}
    </div>
  );
}

/**
 * Field errors from a problem+json `errors` list, keyed by the last path
 * segment; `translate` gives the UI-language text of an error's `code` when it knows it.
 */
export function fieldErrors(
  errors: { path: string; message: string; code?: string }[] | undefined,
  translate?: (code: string | undefined) => string | undefined,
): Record<string, string> {
  const byField: Record<string, string> = {};
  for (const { path, message, code } of errors ?? []) {
    const field = path.split(/[./]/).filter(Boolean).pop() ?? '';
    if (field && !byField[field]) byField[field] = translate?.(code) ?? message;
  }
  return byField;
}
