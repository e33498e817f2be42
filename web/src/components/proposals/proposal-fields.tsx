import { type TextareaHTMLAttributes, useId } from 'react';

interface TextAreaFieldProps extends Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id'> {
  label: string;
  error?: string | undefined;
  hint?: string | undefined;
}

/** A labelled multi-line input with its hint and error wired up for assistive technology. */
export function TextAreaField({ label, error, hint, ...input }: TextAreaFieldProps) {
  const id = useId();
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <div className={error ? 'field field-invalid' : 'field'}>
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p className="field-hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      <textarea id={id} aria-invalid={error ? true : undefined} aria-describedby={describedBy || undefined} {...input} />
      {error ? (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
    </div>
  );
}

export interface Choice {
  id: string;
  label: string;
}

interface CheckboxGroupProps {
  legend: string;
  choices: Choice[];
  selected: string[];
  onChange: (selected: string[]) => void;
  error?: string | undefined;
}

/** A fieldset of checkboxes; the selection keeps the order of the choices. */
export function CheckboxGroup({ legend, choices, selected, onChange, error }: CheckboxGroupProps) {
  const id = useId();
  const toggle = (choice: string, on: boolean) => {
    const next = new Set(selected);
    if (on) next.add(choice);
    else next.delete(choice);
    onChange(choices.map((c) => c.id).filter((c) => next.has(c)));
  };
  return (
    <fieldset className={error ? 'field check-group field-invalid' : 'field check-group'} aria-describedby={error ? `${id}-error` : undefined}>
      <legend>{legend}</legend>
      <div className="check-options">
        {choices.map((choice) => (
          <label key={choice.id} className="check-option">
            <input type="checkbox" checked={selected.includes(choice.id)} onChange={(event) => toggle(choice.id, event.target.checked)} />
            <span>{choice.label}</span>
          </label>
        ))}
      </div>
      {error ? (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
