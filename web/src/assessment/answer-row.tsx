import { type FormEvent, useId, useState } from 'react';
import { ANSWER_LIMITS, type Answer, type ChecksheetItem, type Verdict } from '../api/assessment.types';
import { clearDefect, saveAnswer } from '../api/assessments';
import { ApiError } from '../api/client';
import { fieldErrors } from '../components/form-field';
import { proposalPath } from '../components/proposals/proposal-paths';
import { Notice, problemText } from '../components/status';
import { useLocalize, useT } from '../i18n/i18n';
import { itemAnchor } from '../router/assessment-paths';
import { Link } from '../router/router';
import { Attachments } from './attachments';
import { DefectDialog } from './defect-dialog';
import { ItemDetails } from './item-details';
import { VerdictBadge, VerdictSelect } from './verdict';

interface AnswerRowProps {
  assessmentId: string;
  item: ChecksheetItem;
  answer: Answer;
  editable: boolean;
  onSaved: (answer: Answer) => void;
}

function ReviewFlag({ answer }: { answer: Answer }) {
  const t = useT();
  if (answer.review === 'new') return <Notice kind="info">{t.assessments.reviewNew}</Notice>;
  if (answer.review === 'changed') {
    const previous = answer.previousVerdict ? t.assessments.verdicts[answer.previousVerdict] : t.assessments.verdicts.unassessed;
    return <Notice kind="info">{t.assessments.reviewChanged(previous)}</Notice>;
  }
  return null;
}

function DefectLine({ answer }: { answer: Answer }) {
  const t = useT();
  if (!answer.defect) return null;
  return (
    <p className="defect-line">
      <span className="defect-badge">{t.assessments.defectShown(t.assessments.defectKinds[answer.defect.kind])}</span>{' '}
      {answer.defect.note ? <span>{answer.defect.note}</span> : null}{' '}
      {answer.defect.proposalId ? <Link to={proposalPath(answer.defect.proposalId)}>{t.assessments.defectProposal}</Link> : null}
    </p>
  );
}

/** The read-only face of an answer: the verdict in words, evidence and comment as text. */
function AnswerText({ answer }: { answer: Answer }) {
  const t = useT();
  return (
    <dl className="answer-text">
      <div>
        <dt>{t.assessments.verdict}</dt>
        <dd>
          <VerdictBadge verdict={answer.verdict} />
        </dd>
      </div>
      <div>
        <dt>{t.assessments.evidence}</dt>
        <dd className="pre-line">{answer.evidence || '—'}</dd>
      </div>
      <div>
        <dt>{t.assessments.comment}</dt>
        <dd className="pre-line">{answer.comment || '—'}</dd>
      </div>
    </dl>
  );
}

/** One check item with its answer: a small form per item, saved on its own. */
export function AnswerRow({ assessmentId, item, answer, editable, onSaved }: AnswerRowProps) {
  const t = useT();
  const localize = useLocalize();
  const id = useId();
  const [verdict, setVerdict] = useState<Verdict>(answer.verdict);
  const [evidence, setEvidence] = useState(answer.evidence);
  const [comment, setComment] = useState(answer.comment);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [saved, setSaved] = useState(false);
  const [dialogOpen, setDialogOpen] = useState(false);
  const dirty = verdict !== answer.verdict || evidence !== answer.evidence || comment !== answer.comment;
  const title = `${item.no} ${localize(item.title)}`;

  const save = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setSaved(false);
    try {
      const next = await saveAnswer(assessmentId, item.requirementId, { verdict, evidence, comment });
      setSaved(true);
      onSaved(next);
    } catch (caught) {
      setError(caught instanceof ApiError ? caught : new ApiError(0, {}));
    } finally {
      setBusy(false);
    }
  };

  const withdraw = async () => {
    setBusy(true);
    setError(null);
    try {
      onSaved(await clearDefect(assessmentId, item.requirementId));
    } catch (caught) {
      setError(caught instanceof ApiError ? caught : new ApiError(0, {}));
    } finally {
      setBusy(false);
    }
  };

  const errors = fieldErrors(error?.problem.errors);
  const change = (apply: () => void) => {
    apply();
    setSaved(false);
  };

  return (
    <article className="card answer-row" id={itemAnchor(item.requirementId)} aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} className="answer-title">
        <span className="item-number">{item.no}</span> {localize(item.title)}
        {!editable ? (
          <>
            {' '}
            <VerdictBadge verdict={answer.verdict} />
          </>
        ) : null}
      </h3>
      <ReviewFlag answer={answer} />
      <ItemDetails item={item} />
      {editable ? (
        <form className="answer-form" onSubmit={(event) => void save(event)} aria-label={t.assessments.verdictOf(item.no)}>
          <VerdictSelect label={t.assessments.verdict} value={verdict} onChange={(v) => change(() => setVerdict(v))} />
          <div className={errors.evidence ? 'field field-invalid' : 'field'}>
            <label htmlFor={`${id}-evidence`}>{t.assessments.evidence}</label>
            <textarea
              id={`${id}-evidence`}
              rows={3}
              maxLength={ANSWER_LIMITS.evidence}
              value={evidence}
              aria-invalid={errors.evidence ? true : undefined}
              aria-describedby={errors.evidence ? `${id}-evidence-error` : undefined}
              onChange={(event) => change(() => setEvidence(event.target.value))}
            />
            {errors.evidence ? (
              <p className="field-error" id={`${id}-evidence-error`}>
                {errors.evidence}
              </p>
            ) : null}
          </div>
          <div className={errors.comment ? 'field field-invalid' : 'field'}>
            <label htmlFor={`${id}-comment`}>{t.assessments.comment}</label>
            <p className="field-hint" id={`${id}-comment-hint`}>
              {t.assessments.commentHint}
            </p>
            <textarea
              id={`${id}-comment`}
              rows={2}
              maxLength={ANSWER_LIMITS.comment}
              value={comment}
              aria-invalid={errors.comment ? true : undefined}
              aria-describedby={errors.comment ? `${id}-comment-hint ${id}-comment-error` : `${id}-comment-hint`}
              onChange={(event) => change(() => setComment(event.target.value))}
            />
            {errors.comment ? (
              <p className="field-error" id={`${id}-comment-error`}>
                {errors.comment}
              </p>
            ) : null}
          </div>
          <div className="answer-actions">
            <button type="submit" className="button button-primary" disabled={busy}>
              {busy ? t.assessments.saving : t.assessments.save}
            </button>
            {saved && !dirty ? (
              <span className="save-state" role="status">
                {t.assessments.saved}
              </span>
            ) : dirty ? (
              <span className="save-state muted">{t.assessments.unsaved}</span>
            ) : null}
          </div>
          {error && Object.keys(errors).length === 0 ? <Notice kind="error">{problemText(t, error)}</Notice> : null}
        </form>
      ) : (
        <AnswerText answer={answer} />
      )}
      <Attachments
        assessmentId={assessmentId}
        requirementId={item.requirementId}
        attachments={answer.attachments}
        editable={editable}
        onChange={(attachments) => onSaved({ ...answer, attachments })}
      />
      <div className="defect">
        <DefectLine answer={answer} />
        {editable ? (
          <div className="defect-actions">
            <button type="button" className="button button-ghost" onClick={() => setDialogOpen(true)}>
              {answer.defect ? t.assessments.editDefect : t.assessments.flagDefect}
            </button>
            {answer.defect ? (
              <button type="button" className="button button-ghost" disabled={busy} onClick={() => void withdraw()}>
                {t.assessments.clearDefect}
              </button>
            ) : null}
          </div>
        ) : null}
      </div>
      {dialogOpen ? (
        <DefectDialog
          assessmentId={assessmentId}
          answer={answer}
          itemLabel={title}
          onClose={() => setDialogOpen(false)}
          onSent={(next) => {
            setDialogOpen(false);
            onSaved(next);
          }}
        />
      ) : null}
    </article>
  );
}
