import { useId, useState } from 'react';
import type { Localized } from '../../api/types';
import { useLocalize, useT } from '../../i18n/i18n';
import { type ErrorsAt, FieldError } from './fields';
import { removeAt } from './lists';

interface TermPickerProps {
  terms: { id: string; term: Localized }[];
  selected: string[];
  onChange: (selected: string[]) => void;
  path: string;
  errorsAt: ErrorsAt;
}

/** Glossary terms as removable chips, and a list to add one more (the glossary has a few hundred). */
export function TermPicker({ terms, selected, onChange, path, errorsAt }: TermPickerProps) {
  const t = useT();
  const localize = useLocalize();
  const id = useId();
  const [adding, setAdding] = useState('');
  const label = (termId: string) => {
    const found = terms.find((x) => x.id === termId);
    return found ? `${localize(found.term)} (${termId})` : termId;
  };
  const whole = errorsAt(path);
  return (
    <div className="editor-terms">
      <ul className="editor-chips">
        {selected.map((termId, index) => {
          const error = errorsAt(`${path}[${index}]`);
          return (
            <li key={termId} className={error ? 'editor-chip is-invalid' : 'editor-chip'}>
              <span>{label(termId)}</span>
              <button
                type="button"
                className="editor-chip-remove"
                aria-label={`${t.editor.remove}: ${label(termId)}`}
                onClick={() => onChange(removeAt(selected, index))}
              >
                ×
              </button>
              {error ? <FieldError>{error}</FieldError> : null}
            </li>
          );
        })}
      </ul>
      {whole ? <FieldError>{whole}</FieldError> : null}
      <div className="editor-inline">
        <label htmlFor={id}>{t.editor.addTermLink}</label>
        <select id={id} value={adding} onChange={(e) => setAdding(e.target.value)}>
          <option value="">{t.editor.chooseOne}</option>
          {terms
            .filter((x) => !selected.includes(x.id))
            .map((x) => (
              <option key={x.id} value={x.id}>
                {localize(x.term)} ({x.id})
              </option>
            ))}
        </select>
        <button
          type="button"
          className="button"
          disabled={!adding}
          onClick={() => {
            onChange([...selected, adding]);
            setAdding('');
          }}
        >
          {t.editor.add}
        </button>
      </div>
    </div>
  );
}
