import { useT } from '../../i18n/i18n';
import { editorPaths, type IndustryUsageDraft, type TermDraft } from './editor-api';
import { EntryIdField, FormSection, LocalizedFields, TextField } from './fields';
import { EditableList, emptyText } from './lists';
import { ProblemList } from './problem-list';
import { SaveBar } from './save-bar';
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
  const { draftId, options, onReload } = props;
  const { value, setValue, version, isNew, check, save, submit, remove } = useEntryForm(props, {
    kind: 'term',
    payload,
    createdPath: (id) => editorPaths.term(draftId, id),
    listPath: editorPaths.tab(draftId, 'terms'),
  });
  const errorsAt = check.errorsAt;
  const set = <K extends keyof TermDraft>(key: K, v: TermDraft[K]) => setValue((prev) => ({ ...prev, [key]: v }));

  return (
    <form className="editor-form" onSubmit={submit} noValidate>
      <p className="editor-version">{isNew ? null : t.editor.version(version)}</p>
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
      <ProblemList problems={check.problems} checking={check.checking} />
      <SaveBar state={save.state} isNew={isNew} onReload={onReload} onDelete={isNew ? undefined : remove} deleteLabel={t.editor.deleteTerm} />
    </form>
  );
}
