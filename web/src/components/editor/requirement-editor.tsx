import { useT } from '../../i18n/i18n';
import { editorPaths, type RequirementDraft } from './editor-api';
import { ProblemList } from './problem-list';
import {
  BasicsSection,
  CriteriaFields,
  InterpretationFields,
  MappingFields,
  ReferenceFields,
  type SectionProps,
  TermFields,
  VerificationFields,
} from './requirement-fields';
import { SaveBar } from './save-bar';
import { type EntryEditorProps, useEntryForm } from './use-entry-form';

/** What is sent: an untouched optional note is left out rather than sent empty. */
function payload(value: RequirementDraft): RequirementDraft {
  return {
    ...value,
    references: value.references.map(({ note, ...ref }) => (note && (note.ja !== '' || note.en !== '') ? { ...ref, note } : ref)),
  };
}

export function emptyRequirement(): RequirementDraft {
  const text = () => ({ ja: '', en: '' });
  return {
    id: '',
    number: '',
    title: text(),
    layers: [],
    phases: [],
    threatCategory: '',
    criteria: [text()],
    interpretation: [{ attack: text(), countermeasures: [text()] }],
    verification: { methods: [], steps: [text()] },
    applicability: [],
    references: [],
    mappings: [],
    terms: [],
  };
}

/**
 * The requirement form: every field of the content schema, checked against
 * the whole draft as the user types, saved with the version it was read at.
 */
export function RequirementEditor(editor: EntryEditorProps<RequirementDraft>) {
  const t = useT();
  const { draftId, options, onReload } = editor;
  const { value, setValue, version, isNew, check, save, submit, remove } = useEntryForm(editor, {
    kind: 'requirement',
    payload,
    createdPath: (id) => editorPaths.requirement(draftId, id),
    listPath: editorPaths.draft(draftId),
  });
  const set: SectionProps['set'] = (key, v) => setValue((prev) => ({ ...prev, [key]: v }));
  const props: SectionProps = { value, set, options, errorsAt: check.errorsAt };

  return (
    <form className="editor-form" onSubmit={submit} noValidate>
      <p className="editor-version">{isNew ? null : t.editor.version(version)}</p>
      <BasicsSection {...props} isNew={isNew} />
      <CriteriaFields {...props} />
      <InterpretationFields {...props} />
      <VerificationFields {...props} />
      <MappingFields {...props} />
      <ReferenceFields {...props} />
      <TermFields {...props} />
      <ProblemList problems={check.problems} checking={check.checking} />
      <SaveBar state={save.state} isNew={isNew} onReload={onReload} onDelete={isNew ? undefined : remove} deleteLabel={t.editor.deleteItem} />
    </form>
  );
}
