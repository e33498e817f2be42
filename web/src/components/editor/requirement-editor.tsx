import { type FormEvent, useMemo, useState } from 'react';
import { useT } from '../../i18n/i18n';
import { navigate } from '../../router/router';
import { type DraftOptions, draftApi, editorPaths, type RequirementDraft } from './editor-api';
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
import { useSave } from './save-state';
import { useLiveCheck } from './use-live-check';

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

interface RequirementEditorProps {
  draftId: string;
  initial: RequirementDraft;
  /** The version the item was read at; absent for a new item. */
  version?: number;
  options: DraftOptions;
  onReload: () => void;
}

/**
 * The requirement form: every field of the content schema, checked against
 * the whole draft as the user types, saved with the version it was read at.
 */
export function RequirementEditor({ draftId, initial, version: initialVersion, options, onReload }: RequirementEditorProps) {
  const t = useT();
  const isNew = initialVersion === undefined;
  const [value, setValue] = useState<RequirementDraft>(initial);
  const [version, setVersion] = useState(initialVersion ?? 0);
  const body = useMemo(() => payload(value), [value]);
  const check = useLiveCheck(draftId, 'requirement', body, isNew ? 'create' : 'update');
  const save = useSave(check.replace);

  const set: SectionProps['set'] = (key, v) => setValue((prev) => ({ ...prev, [key]: v }));
  const props: SectionProps = { value, set, options, errorsAt: check.errorsAt };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (isNew) {
      const created = await save.run(() => draftApi.create(draftId, 'requirement', body));
      if (created) navigate(editorPaths.requirement(draftId, created.id), { replace: true });
      return;
    }
    const saved = await save.run(() => draftApi.update(draftId, 'requirement', value.id, body, version));
    if (saved) {
      setVersion(saved.version);
      check.replace(saved.warnings);
    }
  };

  const remove = async () => {
    const done = await save.run(async () => {
      await draftApi.remove(draftId, 'requirement', value.id, version);
      return true;
    });
    if (done) navigate(editorPaths.draft(draftId));
  };

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
