import { Fragment, useId } from 'react';
import { useLocalize, useT } from '../../i18n/i18n';
import { LANGS } from '../../i18n/messages';
import type { DraftOptions, MappingDraft } from './editor-api';
import { type ErrorsAt, FieldError } from './fields';
import { emptyText, removeAt, replaceAt } from './lists';
import { Options } from '../forms/options';
import { ScrollTable } from '../tables/scroll-table';
import { TableHead } from '../tables/table-head';

interface MappingsTableProps {
  mappings: MappingDraft[];
  onChange: (mappings: MappingDraft[]) => void;
  options: DraftOptions;
  errorsAt: ErrorsAt;
}

/**
 * One row per link to a standard requirement: standard, its requirement id
 * (suggested from the standard's catalog), OSCAL relationship and the
 * rationale in both languages. Inputs are named by column and row for
 * assistive technology, since a table has no visible label per cell.
 */
export function MappingsTable({ mappings, onChange, options, errorsAt }: MappingsTableProps) {
  const t = useT();
  const localize = useLocalize();
  const listBase = useId();
  const update = (index: number, patch: Partial<MappingDraft>) => {
    const current = mappings[index];
    if (current) onChange(replaceAt(mappings, index, { ...current, ...patch }));
  };
  const whole = errorsAt('mappings');
  const cellError = (index: number, field: string) => {
    const message = errorsAt(field ? `mappings[${index}].${field}` : `mappings[${index}]`);
    return message ? <FieldError>{message}</FieldError> : null;
  };
  const row = (n: number, column: string) => `${column} ${n}`;
  return (
    <div className="editor-mappings">
      {options.standards.map((s) => (
        <datalist key={s.id} id={`${listBase}-${s.id}`}>
          <Options of={s.requirements} value={(r) => r.id} label={(r) => localize(r.title)} />
        </datalist>
      ))}
      <ScrollTable className="data-table editor-mapping-table">
        <TableHead columns={[t.standard, t.standardRequirement, t.relationship, t.rationale, { label: t.editor.remove, hidden: true }]} />
        <tbody>
          {mappings.map((m, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows have no id of their own while being edited.
            <tr key={index}>
              <td>
                <select aria-label={row(index + 1, t.standard)} value={m.standard} onChange={(e) => update(index, { standard: e.target.value })}>
                  <option value="">{t.editor.chooseOne}</option>
                  <Options of={options.standards} value={(s) => s.id} label={(s) => localize(s.title)} />
                </select>
                {cellError(index, 'standard')}
              </td>
              <td>
                <input
                  type="text"
                  aria-label={row(index + 1, t.standardRequirement)}
                  list={`${listBase}-${m.standard}`}
                  value={m.requirement}
                  onChange={(e) => update(index, { requirement: e.target.value })}
                />
                {cellError(index, 'requirement')}
              </td>
              <td>
                <select aria-label={row(index + 1, t.relationship)} value={m.relationship} onChange={(e) => update(index, { relationship: e.target.value })}>
                  <Options of={options.relationships} label={(r) => t.relationships[r as keyof typeof t.relationships] ?? r} />
                </select>
                {cellError(index, 'relationship')}
              </td>
              <td className="editor-rationale">
                {LANGS.map((lang) => (
                  <Fragment key={lang}>
                    <textarea
                      lang={lang}
                      aria-label={row(index + 1, t.editor.inLang(t.rationale, lang))}
                      value={m.rationale[lang]}
                      onChange={(e) => update(index, { rationale: { ...m.rationale, [lang]: e.target.value } })}
                    />
                    {cellError(index, `rationale.${lang}`)}
                  </Fragment>
                ))}
              </td>
              <td>
                <button type="button" className="button button-ghost" onClick={() => onChange(removeAt(mappings, index))}>
                  {t.editor.removeNth(t.mappings, index + 1)}
                </button>
                {cellError(index, '')}
              </td>
            </tr>
          ))}
        </tbody>
      </ScrollTable>
      {whole ? <FieldError>{whole}</FieldError> : null}
      <button
        type="button"
        className="button editor-add"
        onClick={() => onChange([...mappings, { standard: '', requirement: '', relationship: 'intersects-with', rationale: emptyText() }])}
      >
        {t.editor.addOne(t.mappings)}
      </button>
    </div>
  );
}
