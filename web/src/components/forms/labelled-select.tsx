import { useId } from 'react';

/**
 * A labelled drop-down of [value, text] choices. The empty first choice reads
 * `empty` ("—" unless told; "all" for filters, "choose one" for forms); null
 * offers none.
 */
export function LabelledSelect({
  label,
  value,
  choices,
  onChange,
  error,
  empty = '—',
  required,
  className = 'field',
}: {
  label: string;
  value: string;
  choices: readonly (readonly [string, string])[];
  onChange: (value: string) => void;
  error?: string | undefined;
  empty?: string | null;
  required?: boolean;
  /** The wrapper's class: a form field, or a filter (`cov-filter`). */
  className?: string;
}) {
  const id = useId();
  return (
    <div className={error ? `${className} field-invalid` : className}>
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} required={required} onChange={(event) => onChange(event.target.value)} aria-invalid={error ? true : undefined}>
        {empty === null ? null : <option value="">{empty}</option>}
        {choices.map(([v, text]) => (
          <option key={v} value={v}>
            {text}
          </option>
        ))}
      </select>
      {error ? <p className="field-error">{error}</p> : null}
    </div>
  );
}
