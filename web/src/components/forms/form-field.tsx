import type { InputHTMLAttributes, SelectHTMLAttributes, TextareaHTMLAttributes } from 'react';
import type { FieldError } from '../../api/types';
import { useT } from '../../i18n/i18n';
import type { Messages } from '../../i18n/messages';
import { fieldErrorText } from '../status';
import { LabelledField } from './labelled-field';

interface FieldText {
  label: string;
  error?: string | undefined;
  /** A standing hint under the label, e.g. the password rules. */
  hint?: string | undefined;
}

/** A labelled input with its error message wired up for assistive technology. */
export function FormField({ label, error, hint, ...input }: FieldText & Omit<InputHTMLAttributes<HTMLInputElement>, 'id'>) {
  return (
    <LabelledField label={label} hint={hint} error={error}>
      {(control) => <input {...control} {...input} />}
    </LabelledField>
  );
}

/** A labelled multi-line input. */
export function TextAreaField({ label, error, hint, ...input }: FieldText & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id'>) {
  return (
    <LabelledField label={label} hint={hint} error={error}>
      {(control) => <textarea {...control} {...input} />}
    </LabelledField>
  );
}

/** A labelled select; its options are the children. */
export function SelectField({ label, error, hint, children, ...select }: FieldText & Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id'>) {
  return (
    <LabelledField label={label} hint={hint} error={error}>
      {(control) => (
        <select {...control} {...select}>
          {children}
        </select>
      )}
    </LabelledField>
  );
}

/**
 * Field errors from a problem+json `errors` list, each in the UI language
 * (`fieldErrorText`). Keyed by the last path segment; or, with `below`, only
 * the errors under that prefix, keyed by the rest of the path without a list
 * index (`body.layers.0` → `layers`, `body.newRequirement.title.ja` below
 * `body.newRequirement.` → `title.ja`).
 */
export function fieldErrors(errors: FieldError[] | undefined, t: Messages, below?: string): Record<string, string> {
  const byField: Record<string, string> = {};
  for (const error of errors ?? []) {
    const field = fieldOf(error.path, below);
    if (field && !byField[field]) byField[field] = fieldErrorText(t, error);
  }
  return byField;
}

function fieldOf(path: string, below: string | undefined): string {
  if (below === undefined) return path.split(/[./]/).filter(Boolean).pop() ?? '';
  return path.startsWith(below) ? path.slice(below.length).replace(/\.\d+(\..*)?$/, '') : '';
}

/** The password the user has now: masked, and offered to the password manager as the current one. */
export function CurrentPasswordField({
  value,
  onChange,
  ...field
}: FieldText & Pick<InputHTMLAttributes<HTMLInputElement>, 'name' | 'required'> & { value: string; onChange: (value: string) => void }) {
  return <FormField {...field} type="password" autoComplete="current-password" value={value} onChange={(e) => onChange(e.target.value)} />;
}

/** A new password: masked, offered to the password manager as new, with the password rules as its hint. */
export function NewPasswordField({
  label,
  value,
  error,
  onChange,
}: {
  label: string;
  value: string;
  error: string | undefined;
  onChange: (value: string) => void;
}) {
  const t = useT();
  return (
    <FormField
      label={label}
      type="password"
      autoComplete="new-password"
      hint={t.passwordHint}
      value={value}
      error={error}
      onChange={(e) => onChange(e.target.value)}
    />
  );
}
