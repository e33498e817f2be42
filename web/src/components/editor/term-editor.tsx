import { type FormEvent, useMemo, useState } from 'react';
import { useT } from '../../i18n/i18n';
import { navigate } from '../../router/router';
import { type DraftOptions, draftApi, editorPaths, type IndustryUsageDraft, type TermDraft } from './editor-api';
import { FormSection, LocalizedFields, TextField } from './fields';
import { EditableList, emptyText } from './lists';
import { ProblemList } from './problem-list';
import { SaveBar } from './save-bar';
import { useSave } from './save-state';
import { TermPicker } from './term-picker';
import { useLiveCheck } from './use-live-check';

/** An empty reading is left out: it is optional, and "" would not be kana. */
function payload({ reading, ...rest }: TermDraft): TermDraft {
  return reading?.trim() ? { ...rest, reading } : rest;
}

export function emptyTerm(): TermDraft {
  return { id: '', term: emptyText(), definition: emptyText(), related: [], industryUsage: [] };
}

interface TermEditorProps {
  draftId: string;
  initial: TermDraft;
  version?: number;
  options: DraftOptions;
  onReload: () => void;
}

/** The glossary term form, checked live and saved with its version like a requirement. */
export function TermEditor({ draftId, initial, version: initialVersion, options, onReload }: TermEditorProps) {
  const t = useT();
  const isNew = initialVersion === undefined;
  const [value, setValue] = useState<TermDraft>(initial);
  const [version, setVersion] = useState(initialVersion ?? 0);
  const body = useMemo(() => payload(value), [value]);
  const check = useLiveCheck(draftId, 'term', body, isNew ? 'create' : 'update');
  const save = useSave(check.replace);
  const errorsAt = check.errorsAt;
  const set = <K extends keyof TermDraft>(key: K, v: TermDraft[K]) => setValue((prev) => ({ ...prev, [key]: v }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (isNew) {
      const created = await save.run(() => draftApi.create(draftId, 'term', body));
      if (created) navigate(editorPaths.term(draftId, created.id), { replace: true });
      return;
    }
    const saved = await save.run(() => draftApi.update(draftId, 'term', value.id, body, version));
    if (saved) {
      setVersion(saved.version);
      check.replace(saved.warnings);
    }
  };

  const remove = async () => {
    const done = await save.run(async () => {
      await draftApi.remove(draftId, 'term', value.id, version);
      return true;
    });
    if (done) navigate(editorPaths.tab(draftId, 'terms'));
  };

  return (
    <form className="editor-form" onSubmit={submit} noValidate>
      <p className="editor-version">{isNew ? null : t.editor.version(version)}</p>
      <FormSection id="editor-term" title={t.editor.term}>
        <TextField
          label={t.editor.itemId}
          value={value.id}
          onChange={(v) => set('id', v)}
          readOnly={!isNew}
          hint={isNew ? t.editor.itemIdHint : undefined}
          error={errorsAt('id')}
        />
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
