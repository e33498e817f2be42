import type { Localized } from '../../api/types';
import { LANGS } from '../../i18n/messages';
import { FormField } from './form-field';

/**
 * One text in Japanese and in English, a field for each (a draft edition's
 * title, a new item's title). A language's field shows the error at
 * `field.ja` / `field.en`, else one about the whole `field`.
 */
export function BilingualFields({
  field,
  labels,
  value,
  onChange,
  errors,
  required,
}: {
  field: string;
  labels: Localized;
  value: Localized;
  onChange: (value: Localized) => void;
  errors: Record<string, string>;
  required?: boolean;
}) {
  return (
    <>
      {LANGS.map((lang) => (
        <FormField
          key={lang}
          label={labels[lang]}
          name={`${field}-${lang}`}
          lang={lang}
          required={required}
          value={value[lang]}
          error={errors[`${field}.${lang}`] ?? errors[field]}
          onChange={(event) => onChange({ ...value, [lang]: event.target.value })}
        />
      ))}
    </>
  );
}
