import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { ANSWER_LIMITS, type Answer, DEFECT_KINDS, type DefectKind } from '../api/assessment.types';
import { flagDefect } from '../api/assessments';
import { useMutation } from '../api/use-mutation';
import { ProblemNotice } from '../components/status';
import { useT } from '../i18n/i18n';
import { SubmitButton } from '../components/forms/submit-button';

interface DefectDialogProps {
  assessmentId: string;
  answer: Answer;
  itemLabel: string;
  onClose: () => void;
  onSent: (answer: Answer) => void;
}

/** A modal form (native <dialog>: focus kept inside, Escape closes) for a flag on the check item itself. */
export function DefectDialog({ assessmentId, answer, itemLabel, onClose, onSent }: DefectDialogProps) {
  const t = useT();
  const id = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const [kind, setKind] = useState<DefectKind>(answer.defect?.kind ?? 'unclear');
  const [note, setNote] = useState(answer.defect?.note ?? '');
  const { busy, error, errors, run } = useMutation();

  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
    return () => element?.close();
  }, []);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    await run(async () => onSent(await flagDefect(assessmentId, answer.requirementId, { kind, note })));
  };

  return (
    <dialog ref={dialog} className="defect-dialog" aria-labelledby={`${id}-title`} onClose={onClose}>
      <form className="form" onSubmit={(event) => void submit(event)}>
        <h3 id={`${id}-title`}>
          {t.assessments.flagDefect}: {itemLabel}
        </h3>
        <p className="field-hint">{t.assessments.defectIntro}</p>
        <fieldset className="field check-group">
          <legend>{t.assessments.defectKind}</legend>
          <div className="check-options">
            {DEFECT_KINDS.map((k) => (
              <label key={k} className="check-option">
                <input type="radio" name={`${id}-kind`} value={k} checked={kind === k} onChange={() => setKind(k)} />
                <span>{t.assessments.defectKinds[k]}</span>
              </label>
            ))}
          </div>
        </fieldset>
        <div className={errors.note ? 'field field-invalid' : 'field'}>
          <label htmlFor={`${id}-note`}>{t.assessments.defectNote}</label>
          <textarea
            id={`${id}-note`}
            rows={4}
            maxLength={ANSWER_LIMITS.defectNote}
            value={note}
            aria-invalid={errors.note ? true : undefined}
            onChange={(event) => setNote(event.target.value)}
          />
          {errors.note ? <p className="field-error">{errors.note}</p> : null}
        </div>
        <ProblemNotice error={error} />
        <div className="dialog-actions">
          <SubmitButton busy={busy} busyLabel={t.assessments.saving}>
            {t.assessments.defectSend}
          </SubmitButton>
          <button type="button" className="button" onClick={onClose}>
            {t.assessments.cancel}
          </button>
        </div>
      </form>
    </dialog>
  );
}
