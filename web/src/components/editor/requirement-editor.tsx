import { useT } from '../../i18n/i18n';
import type { RequirementDraft } from './editor-api';
import { EntryForm } from './entry-form';
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
  const { options, onReload } = editor;
  const form = useEntryForm(editor, 'requirement', payload);
  const props: SectionProps = { value: form.value, set: form.set, options, errorsAt: form.check.errorsAt };

  return (
    <EntryForm form={form} onReload={onReload} deleteLabel={t.editor.deleteItem}>
      <BasicsSection {...props} isNew={form.isNew} />
      <CriteriaFields {...props} />
      <InterpretationFields {...props} />
      <VerificationFields {...props} />
      <MappingFields {...props} />
      <ReferenceFields {...props} />
      <TermFields {...props} />
    </EntryForm>
  );
}
