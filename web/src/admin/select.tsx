import { useId } from 'react';

/** A labelled drop-down; the empty choice reads "choose" or, for filters, "all". */
export function Select({
  label,
  value,
  choices,
  onChange,
  error,
  emptyLabel = '—',
}: {
  label: string;
  value: string;
  choices: [string, string][];
  onChange: (value: string) => void;
  error?: string | undefined;
  emptyLabel?: string;
}) {
  const id = useId();
  return (
    <div className={error ? 'field field-invalid' : 'field'}>
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)} aria-invalid={error ? true : undefined}>
        <option value="">{emptyLabel}</option>
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
