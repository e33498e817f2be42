import { useT } from '../../i18n/i18n';
import type { IndustryUsageDraft, TermDraft } from './editor-api';
import { EntryIdField, FormSection, LocalizedFields, TextField } from './fields';
import { EditableList, emptyText } from './lists';
import { EntryForm } from './entry-form';
import { TermPicker } from './term-picker';
import { type EntryEditorProps, useEntryForm } from './use-entry-form';

/** An empty reading is left out: it is optional, and "" would not be kana. */
function payload({ reading, ...rest }: TermDraft): TermDraft {
  return reading?.trim() ? { ...rest, reading } : rest;
}

export function emptyTerm(): TermDraft {
  return { id: '', term: emptyText(), definition: emptyText(), related: [], industryUsage: [] };
}

/** The glossary term form, checked live and saved with its version like a requirement. */
export function TermEditor(props: EntryEditorProps<TermDraft>) {
  const t = useT();
  const { options, onReload } = props;
  const form = useEntryForm(props, 'term', payload);
  const { value, set, isNew } = form;
  const errorsAt = form.check.errorsAt;

  return (
    <EntryForm form={form} onReload={onReload} deleteLabel={t.editor.deleteTerm}>
      <FormSection id="editor-term" title={t.editor.term}>
        <EntryIdField value={value.id} onChange={(v) => set('id', v)} isNew={isNew} error={errorsAt('id')} />
        <LocalizedFields label={t.editor.term} value={value.term} onChange={(v) => set('term', v)} path="term" errorsAt={errorsAt} />
        <TextField label={t.editor.reading} lang="ja" value={value.reading ?? ''} onChange={(v) => set('reading', v)} error={errorsAt('reading')} />
        <LocalizedFields
          label={t.editor.definition}
          value={value.definition}
          onChange={(v) => set('definition', v)}
          path="definition"
          errorsAt={errorsAt}
          multiline
        />
      </FormSection>
      <FormSection id="editor-related" title={t.editor.related}>
        <TermPicker
          terms={options.terms.filter((x) => x.id !== value.id)}
          selected={value.related}
          onChange={(v) => set('related', v)}
          path="related"
          errorsAt={errorsAt}
        />
      </FormSection>
      <FormSection id="editor-usage" title={t.editor.industryUsage}>
        <EditableList<IndustryUsageDraft>
          itemLabel={t.editor.industry}
          items={value.industryUsage}
          onChange={(v) => set('industryUsage', v)}
          make={() => ({ industry: emptyText(), usage: emptyText() })}
          path="industryUsage"
          errorsAt={errorsAt}
          render={(usage, index, update) => (
            <div className="editor-attack">
              <LocalizedFields
                label={t.editor.nth(t.editor.industry, index + 1)}
                value={usage.industry}
                onChange={(industry) => update({ ...usage, industry })}
                path={`industryUsage[${index}].industry`}
                errorsAt={errorsAt}
              />
              <LocalizedFields
                label={t.editor.usage}
                value={usage.usage}
                onChange={(u) => update({ ...usage, usage: u })}
                path={`industryUsage[${index}].usage`}
                errorsAt={errorsAt}
                multiline
              />
            </div>
          )}
        />
      </FormSection>
    </EntryForm>
  );
}
