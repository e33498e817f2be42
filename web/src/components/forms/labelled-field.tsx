import { type ReactNode, useId } from 'react';
import { FieldError } from './field-error';

/** What the control inside a labelled field carries: its id, and its state and descriptions for assistive technology. */
export interface ControlProps {
  id: string;
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
}

/**
 * A label, a standing hint, the control and its error, wired together: the
 * label names the control, the hint and the error describe it. Every form
 * field (input, text area, select) is drawn in one.
 */
export function LabelledField({
  label,
  hint,
  error,
  className = 'field',
  children,
}: {
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
  /** The wrapper's class: a form field, or a filter (`cov-filter`). */
  className?: string;
  children: (control: ControlProps) => ReactNode;
}) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : '', error ? errorId : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className={error ? `${className} field-invalid` : className}>
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p className="field-hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      {children({ id, 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy })}
      {error ? <FieldError id={errorId}>{error}</FieldError> : null}
    </div>
  );
}
