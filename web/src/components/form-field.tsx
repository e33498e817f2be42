import { type InputHTMLAttributes, useId } from 'react';
import type { FieldError } from '../api/types';
import type { Messages } from '../i18n/messages';
import { fieldErrorText } from './status';

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
 * segment, each in the UI language (`fieldErrorText`).
 */
export function fieldErrors(errors: FieldError[] | undefined, t: Messages): Record<string, string> {
  const byField: Record<string, string> = {};
  for (const error of errors ?? []) {
    const field = error.path.split(/[./]/).filter(Boolean).pop() ?? '';
    if (field && !byField[field]) byField[field] = fieldErrorText(t, error);
  }
  return byField;
}
