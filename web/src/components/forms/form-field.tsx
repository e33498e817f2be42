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
