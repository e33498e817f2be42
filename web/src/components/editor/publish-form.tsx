import { type FormEvent, useState } from 'react';
import { useMutation } from '../../api/use-mutation';
import type { Localized } from '../../api/types';
import { useEdition } from '../../edition/edition';
import { useT } from '../../i18n/i18n';
import { Link } from '../../router/router';
import { fieldErrorText, problemText } from '../status';
import { DiffSummary } from './diff-view';
import { type DraftProblem, draftApi, type EditionDiff, editorPaths } from './editor-api';
import { FormSection, LocalizedFields } from './fields';
import { emptyText } from './lists';
import { ProblemList } from './problem-list';
import { SubmitButton } from '../forms/submit-button';

type Outcome = { kind: 'idle' } | { kind: 'done'; id: string } | { kind: 'changed' };

/**
 * Publishes the draft with a changelog entry. It names the revision whose
 * changes the user could review, so a change made meanwhile by someone else
 * is not published unseen.
 */
export function PublishForm({ draftId, diff, onChanged }: { draftId: string; diff: EditionDiff; onChanged: () => void }) {
  const t = useT();
  const edition = useEdition();
  const [changelog, setChangelog] = useState<Localized>(emptyText());
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'idle' });
  const mutation = useMutation({
    onConflict: () => {
      setOutcome({ kind: 'changed' });
      onChanged();
    },
  });
  const problems: DraftProblem[] = (mutation.error?.problem.errors ?? []).map((e) => ({ severity: 'error', ...e }));
  const errorsAt = (path: string) => {
    const found = problems.find((p) => p.path === `body.${path}` || p.path === path);
    return found ? fieldErrorText(t, found) : undefined;
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setOutcome({ kind: 'idle' });
    const result = await mutation.run(() => draftApi.publish(draftId, changelog, diff.revision));
    if (!result) return;
    setOutcome({ kind: 'done', id: result.edition.id });
    // The current edition changed: header, matrix and pages follow it.
    edition.retry();
  };

  if (outcome.kind === 'done') {
    return (
      <div className="notice notice-success" role="status">
        <p>{t.editor.published(outcome.id)}</p>
        <Link to="/">{t.editor.viewPublished}</Link>
      </div>
    );
  }
  return (
    <form className="editor-form" onSubmit={submit} noValidate>
      <FormSection id="editor-publish" title={t.editor.publishTitle}>
        <p>{t.editor.publishIntro}</p>
        {diff.summary.unchanged ? <p>{t.editor.diffNone}</p> : <DiffSummary diff={diff} />}
        <p>
          <Link to={editorPaths.tab(draftId, 'diff')}>{t.editor.reviewChanges}</Link>
        </p>
        <LocalizedFields
          label={t.editor.fields.changelog ?? 'changelog'}
          value={changelog}
          onChange={setChangelog}
          path="changelog"
          errorsAt={errorsAt}
          multiline
        />
      </FormSection>
      <ProblemList problems={problems.filter((p) => !p.path.startsWith('body.'))} checking={false} />
      {outcome.kind === 'changed' ? (
        <p className="notice notice-error" role="alert">
          {t.editor.publishChanged}
        </p>
      ) : null}
      {mutation.error ? (
        <p className="notice notice-error" role="alert">
          {problemText(t, mutation.error)}
        </p>
      ) : null}
      <div className="editor-actions">
        <SubmitButton busy={mutation.busy} busyLabel={t.editor.publishing}>
          {t.editor.publish}
        </SubmitButton>
      </div>
    </form>
  );
}
