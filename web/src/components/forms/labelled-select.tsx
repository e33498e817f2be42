import { LabelledField } from './labelled-field';
import { Options } from './options';

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
  return (
    <LabelledField label={label} error={error} className={className}>
      {(control) => (
        <select {...control} value={value} required={required} onChange={(event) => onChange(event.target.value)}>
          {empty === null ? null : <option value="">{empty}</option>}
          <Options of={choices} value={([v]) => v} label={([, text]) => text} />
        </select>
      )}
    </LabelledField>
  );
}
