import type { ComponentProps } from 'react';
import type { Localized } from '../../api/types';
import { useT } from '../../i18n/i18n';
import { LANGS } from '../../i18n/messages';
import { CardSection, type CardSectionProps } from '../card-section';
import { CheckboxGroup } from '../forms/checkbox-group';
import { FieldError } from '../forms/field-error';
import { LabelledField } from '../forms/labelled-field';
import { Options } from '../forms/options';

export { FieldError };

/**
 * Form controls of the draft editor. Every control shows the live-check
 * message for its path next to itself, wired with aria-describedby.
 */

/** Field errors by path (`title.en`, `mappings[0].requirement`), from the check endpoint or a refused save. */
export type ErrorsAt = (path: string) => string | undefined;

interface TextFieldProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
  hint?: string | undefined;
  multiline?: boolean;
  readOnly?: boolean;
  lang?: 'ja' | 'en';
  list?: string;
}

/** A labelled input or textarea. */
export function TextField({ label, value, onChange, error, hint, multiline, readOnly, lang, list }: TextFieldProps) {
  return (
    <LabelledField label={label} hint={hint} error={error}>
      {(control) =>
        multiline ? (
          <textarea {...control} value={value} readOnly={readOnly} lang={lang} rows={3} onChange={(e) => onChange(e.target.value)} />
        ) : (
          <input {...control} value={value} readOnly={readOnly} lang={lang} type="text" list={list} onChange={(e) => onChange(e.target.value)} />
        )
      }
    </LabelledField>
  );
}

/** An entry's id: typed once for a new entry, read-only afterwards. */
export function EntryIdField({
  value,
  onChange,
  isNew,
  error,
}: {
  value: string;
  onChange: (value: string) => void;
  isNew: boolean;
  error: string | undefined;
}) {
  const t = useT();
  return <TextField label={t.editor.itemId} value={value} onChange={onChange} readOnly={!isNew} hint={isNew ? t.editor.itemIdHint : undefined} error={error} />;
}

interface LocalizedFieldsProps {
  label: string;
  value: Localized;
  onChange: (value: Localized) => void;
  /** Path of the Localized value, e.g. `title` or `criteria[2]`. */
  path: string;
  errorsAt: ErrorsAt;
  multiline?: boolean;
}

/** Japanese and English side by side: content always carries both. */
export function LocalizedFields({ label, value, onChange, path, errorsAt, multiline }: LocalizedFieldsProps) {
  const t = useT();
  const whole = errorsAt(path);
  return (
    <div className="localized-pair">
      {LANGS.map((lang) => (
        <TextField
          key={lang}
          label={t.editor.inLang(label, lang)}
          lang={lang}
          value={value[lang]}
          multiline={multiline}
          onChange={(text) => onChange({ ...value, [lang]: text })}
          error={errorsAt(`${path}.${lang}`)}
        />
      ))}
      {whole ? <FieldError>{whole}</FieldError> : null}
    </div>
  );
}

/** The editor's checkboxes: its look, and selected values the form does not offer are kept. */
export function CheckGroup(props: Omit<ComponentProps<typeof CheckboxGroup>, 'look' | 'keepUnlisted'>) {
  return <CheckboxGroup {...props} look="editor" keepUnlisted />;
}

interface SelectFieldProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  options: { id: string; label: string }[];
  error?: string | undefined;
  /** Offer an empty first choice (for a value not chosen yet). */
  placeholder?: string;
}

export function SelectField({ label, value, onChange, options, error, placeholder }: SelectFieldProps) {
  const unknown = value !== '' && !options.some((o) => o.id === value);
  return (
    <LabelledField label={label} error={error}>
      {(control) => (
        <select {...control} value={value} onChange={(e) => onChange(e.target.value)}>
          {placeholder !== undefined || value === '' ? <option value="">{placeholder ?? ''}</option> : null}
          {unknown ? <option value={value}>{value}</option> : null}
          <Options of={options} value={(o) => o.id} label={(o) => o.label} />
        </select>
      )}
    </LabelledField>
  );
}

/** A titled group of fields inside the form. */
export function FormSection(props: CardSectionProps) {
  return <CardSection {...props} className="editor-section" />;
}
