import { useId } from 'react';
import { FieldError } from './field-error';

export interface Choice {
  id: string;
  label: string;
}

/** Class names of the two looks: the plain form's and the draft editor's (editor.css). */
const LOOKS = {
  form: { group: 'check-group', options: 'check-options', option: 'check-option' },
  editor: { group: 'editor-checks', options: 'editor-check-options', option: 'editor-check' },
} as const;

interface CheckboxGroupProps {
  legend: string;
  choices: Choice[];
  selected: string[];
  onChange: (selected: string[]) => void;
  error?: string | undefined;
  look?: keyof typeof LOOKS;
  /** Keep selected values that are not among the choices (after them), rather than dropping them on the first change. */
  keepUnlisted?: boolean;
}

/** A fieldset of checkboxes; the selection keeps the order of the choices. */
export function CheckboxGroup({ legend, choices, selected, onChange, error, look = 'form', keepUnlisted = false }: CheckboxGroupProps) {
  const id = useId();
  const classes = LOOKS[look];
  const toggle = (choice: string, on: boolean) => {
    const next = new Set(selected);
    if (on) next.add(choice);
    else next.delete(choice);
    const listed = choices.map((c) => c.id).filter((c) => next.has(c));
    onChange(keepUnlisted ? [...listed, ...selected.filter((s) => !choices.some((c) => c.id === s))] : listed);
  };
  return (
    <fieldset className={`field ${classes.group}${error ? ' field-invalid' : ''}`} aria-describedby={error ? `${id}-error` : undefined}>
      <legend>{legend}</legend>
      <div className={classes.options}>
        {choices.map((choice) => (
          <label key={choice.id} className={classes.option}>
            <input type="checkbox" checked={selected.includes(choice.id)} onChange={(event) => toggle(choice.id, event.target.checked)} />
            <span>{choice.label}</span>
          </label>
        ))}
      </div>
      {error ? <FieldError id={`${id}-error`}>{error}</FieldError> : null}
    </fieldset>
  );
}
