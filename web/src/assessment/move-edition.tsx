import { type FormEvent, useId, useState } from 'react';
import type { AssessmentView } from '../api/assessment.types';
import { moveToEdition } from '../api/assessments';
import { useMutation } from '../api/use-mutation';
import { ProblemNotice } from '../components/status';
import { useEdition } from '../edition/edition';
import { useLocalize, useT } from '../i18n/i18n';
import { assessmentPath } from '../router/assessment-paths';
import { navigate } from '../router/router';
import { Options } from '../components/forms/options';

/** Re-create the assessment on a newer edition; the server carries the answers over. */
export function MoveEdition({ view }: { view: AssessmentView }) {
  const t = useT();
  const localize = useLocalize();
  const id = useId();
  const { editions } = useEdition();
  const newer = editions.status === 'ok' ? editions.data.editions.filter((e) => e.id !== view.edition.id && e.date >= view.edition.date) : [];
  const [target, setTarget] = useState('');
  const { busy, error, run } = useMutation();

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const editionId = target || newer[0]?.id;
    if (!editionId) return;
    const moved = await run(() => moveToEdition(view.id, editionId));
    if (moved) navigate(assessmentPath(moved.id), { state: { carryOver: moved.carryOver ?? null } });
  };

  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t.assessments.moveEdition}</h2>
      <p className="field-hint">{t.assessments.moveEditionIntro}</p>
      {newer.length === 0 ? (
        <p className="muted">{t.assessments.noNewerEdition}</p>
      ) : (
        <form className="inline-form" onSubmit={(event) => void submit(event)}>
          <div className="field">
            <label htmlFor={`${id}-edition`}>{t.assessments.moveTarget}</label>
            <select id={`${id}-edition`} value={target || (newer[0]?.id ?? '')} onChange={(event) => setTarget(event.target.value)}>
              <Options of={newer} value={(e) => e.id} label={(e) => `${e.id} ${localize(e.title)}`} />
            </select>
          </div>
          <button type="submit" className="button" disabled={busy}>
            {busy ? t.assessments.creating : t.assessments.moveButton}
          </button>
        </form>
      )}
      <ProblemNotice error={error} />
    </section>
  );
}
