import { type FormEvent, useState } from 'react';
import { useMutation } from '../../api/use-mutation';
import type { EditionSummary, Localized } from '../../api/types';
import { useLocalize, useT } from '../../i18n/i18n';
import { navigate } from '../../router/router';
import { FormField } from '../forms/form-field';
import { BilingualFields } from '../forms/bilingual-fields';
import { problemText } from '../status';
import { draftApi, editorPaths } from './editor-api';
import { SubmitButton } from '../forms/submit-button';

/** Suggests the next id after the current edition's: 2026.2 → 2026.3. */
function nextId(current: string): string {
  const m = /^(\d{4})\.(\d+)/.exec(current);
  return m ? `${m[1]}.${Number(m[2]) + 1}` : '';
}

/** Opens a draft as a copy of the current published edition, then goes to it. */
export function OpenDraftForm({ current }: { current: EditionSummary }) {
  const t = useT();
  const localize = useLocalize();
  const [id, setId] = useState(nextId(current.id));
  const [title, setTitle] = useState<Localized>({ ja: '', en: '' });
  const { busy, error, errors, run } = useMutation({ fieldsBelow: 'body.' });
  // The problem itself only when no field explains it.
  const failure = error && Object.keys(errors).length === 0 ? problemText(t, error) : '';

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const draft = await run(() => draftApi.open(id.trim(), title));
    if (draft) navigate(editorPaths.draft(draft.id));
  };

  return (
    <form className="form card" onSubmit={submit} noValidate aria-labelledby="open-draft-title">
      <h2 id="open-draft-title">{t.editor.openTitle}</h2>
      <p>{t.editor.openIntro(localize(current.title))}</p>
      <FormField label={t.editor.draftId} hint={t.editor.draftIdHint} value={id} onChange={(e) => setId(e.target.value)} error={errors.id} required />
      <BilingualFields
        field="title"
        labels={{ ja: t.editor.draftTitleJa, en: t.editor.draftTitleEn }}
        value={title}
        onChange={setTitle}
        errors={errors}
        required
      />
      {failure ? (
        <p className="notice notice-error" role="alert">
          {failure}
        </p>
      ) : null}
      <SubmitButton busy={busy} busyLabel={t.editor.opening}>
        {t.editor.openDraft}
      </SubmitButton>
    </form>
  );
}
