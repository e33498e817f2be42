import { type FormEvent, useState } from 'react';
import { type Verdict, VERDICTS } from '../api/assessment.types';
import { api, apiPath } from '../api/client';
import { useMutation } from '../api/use-mutation';
import { Notice, ProblemNotice } from '../components/status';
import { useLanguage } from '../i18n/i18n';
import { selfAssessmentMessages } from '../i18n/messages-self-assessment';
import { VerdictBadge, VerdictSelect } from './verdict';
import { TableHead } from '../components/tables/table-head';
import type { ItemReview, SelfAssessmentView } from '../../../src/core/assessment/self-assessment.types.js';

/** The self-assessment API as the page sees it (src/core/assessment/self-assessment.types.ts). */
export type { ItemReview, SelfAssessmentView };

export function useSelfAssessmentMessages() {
  return selfAssessmentMessages[useLanguage().lang];
}

const path = (id: string, ...rest: string[]) => apiPath('assessments', id, 'self-assessment', ...rest);

function Disagreement({ id, item, onSaved }: { id: string; item: SelfAssessmentView['items'][number]; onSaved: (v: SelfAssessmentView) => void }) {
  const s = useSelfAssessmentMessages();
  const action = useMutation();
  const [comment, setComment] = useState('');
  const [verdict, setVerdict] = useState<Verdict>(VERDICTS.find((v) => v !== item.selfVerdict && v !== 'unassessed') ?? 'needs-review');
  const save = async (event: FormEvent) => {
    event.preventDefault();
    const v = await action.run(() =>
      api.put<SelfAssessmentView>(path(id, 'reviews', item.requirementId), { decision: 'disagree', comment, correctedVerdict: verdict }),
    );
    if (v) onSaved(v);
  };
  return (
    <form className="form self-review-form" aria-label={`${s.disagree} ${item.no}`} onSubmit={(e) => void save(e)} noValidate>
      <ProblemNotice error={action.error} />
      <label>
        {s.comment}
        <textarea value={comment} onChange={(e) => setComment(e.target.value)} />
      </label>
      {action.errors.comment ? <p className="field-error">{action.errors.comment}</p> : null}
      <VerdictSelect label={s.correctedVerdict} value={verdict} onChange={setVerdict} />
      <button type="submit" className="button" disabled={action.busy}>
        {s.saveDisagree}
      </button>
    </form>
  );
}

function Replies({ id, review, canReply, onSaved }: { id: string; review: ItemReview; canReply: boolean; onSaved: (v: SelfAssessmentView) => void }) {
  const s = useSelfAssessmentMessages();
  const action = useMutation();
  const [body, setBody] = useState('');
  const send = async (event: FormEvent) => {
    event.preventDefault();
    const v = await action.run(() => api.post<SelfAssessmentView>(path(id, 'reviews', review.id, 'replies'), { body }));
    if (v) {
      setBody('');
      onSaved(v);
    }
  };
  return (
    <div className="self-review-replies">
      {review.replies.length > 0 ? (
        <ul aria-label={`${s.replies} ${review.no}`}>
          {review.replies.map((r) => (
            <li key={r.id}>
              <strong>{s.by(r.by.displayName)}</strong>: {r.body}
            </li>
          ))}
        </ul>
      ) : null}
      {canReply ? (
        <form className="form inline-form" onSubmit={(e) => void send(e)} noValidate>
          <ProblemNotice error={action.error} />
          <label>
            {s.replyLabel(review.no)}
            <input value={body} onChange={(e) => setBody(e.target.value)} />
          </label>
          <button type="submit" className="button" disabled={action.busy}>
            {s.reply}
          </button>
        </form>
      ) : null}
    </div>
  );
}

function ItemRow({
  id,
  item,
  view,
  onSaved,
}: {
  id: string;
  item: SelfAssessmentView['items'][number];
  view: SelfAssessmentView;
  onSaved: (v: SelfAssessmentView) => void;
}) {
  const s = useSelfAssessmentMessages();
  const action = useMutation();
  const [disagreeing, setDisagreeing] = useState(false);
  const agree = async () => {
    const v = await action.run(() => api.put<SelfAssessmentView>(path(id, 'reviews', item.requirementId), { decision: 'agree' }));
    if (v) onSaved(v);
  };
  const r = item.review;
  return (
    <tr data-no={item.no}>
      <th scope="row">{item.no}</th>
      <td className="self-verdict">
        <VerdictBadge verdict={item.selfVerdict} />
      </td>
      <td className="reviewed-verdict">{item.reviewedVerdict ? <VerdictBadge verdict={item.reviewedVerdict} /> : s.notReviewed}</td>
      <td className="self-review">
        {r ? (
          <p>
            <span className="review-decision">{r.decision === 'agree' ? s.agreed : s.disagreed}</span> ({s.round(r.round)}, {r.reviewer.displayName})
            {r.comment ? <span className="review-comment">: {r.comment}</span> : null}
          </p>
        ) : null}
        {r?.comment ? <Replies id={id} review={r} canReply={view.can.reply} onSaved={onSaved} /> : null}
        {view.can.review ? (
          <div className="self-review-actions">
            <button type="button" className="button" disabled={action.busy} onClick={() => void agree()} aria-label={`${s.agree} ${item.no}`}>
              {s.agree}
            </button>
            <button
              type="button"
              className="button"
              onClick={() => setDisagreeing((d) => !d)}
              aria-label={`${s.disagree} ${item.no}`}
              aria-expanded={disagreeing}
            >
              {s.disagree}
            </button>
            {disagreeing ? (
              <Disagreement
                id={id}
                item={item}
                onSaved={(v) => {
                  setDisagreeing(false);
                  onSaved(v);
                }}
              />
            ) : null}
          </div>
        ) : null}
      </td>
    </tr>
  );
}

/**
 * The self-assessment on the assessment page: its state, the member's submit
 * button, and per answered item both verdicts, the review with its comment
 * and replies, and for assessors the review controls, send back and accept.
 */
export function SelfAssessmentPanel({ view, onChanged }: { view: SelfAssessmentView; onChanged: (v: SelfAssessmentView) => void }) {
  const s = useSelfAssessmentMessages();
  const action = useMutation();
  const id = view.assessmentId;
  const move = async (step: 'submit' | 'send-back' | 'accept') => {
    const v = await action.run(() => api.post<SelfAssessmentView>(path(id, step), {}));
    if (v) onChanged(v);
  };
  const stateText = s.states[view.state] ?? view.state;
  const shown = view.items.filter((i) => i.selfVerdict !== 'unassessed' || i.review);
  return (
    <section className="card self-assessment-panel" aria-labelledby="self-assessment-title">
      <h2 id="self-assessment-title">{s.title}</h2>
      <p className="self-assessment-state" data-state={view.state}>
        {s.stateLine(stateText, view.round)}
      </p>
      {view.state === 'changes-requested' && view.can.submit ? <Notice kind="info">{s.sentBackNotice}</Notice> : null}
      {view.state === 'draft' && view.can.submit ? <Notice kind="info">{s.memberTurn}</Notice> : null}
      {view.state === 'submitted' && !view.can.review ? <Notice kind="info">{s.waiting}</Notice> : null}
      {view.state === 'accepted' ? <Notice kind="success">{s.acceptedNotice}</Notice> : null}
      <ProblemNotice error={action.error} />
      <div className="self-assessment-actions">
        {view.can.submit ? (
          <button type="button" className="button button-primary" disabled={action.busy} onClick={() => void move('submit')}>
            {s.submit}
          </button>
        ) : null}
        {view.can.decide ? (
          <>
            <button type="button" className="button" disabled={action.busy} onClick={() => void move('send-back')}>
              {s.sendBack}
            </button>
            <button type="button" className="button button-primary" disabled={action.busy} onClick={() => void move('accept')}>
              {s.accept}
            </button>
          </>
        ) : null}
      </div>
      {shown.length > 0 && view.state !== 'draft' ? (
        <table className="self-review-table" aria-label={s.items}>
          <TableHead columns={[s.no, s.selfVerdict, s.reviewedVerdict, s.review]} />
          <tbody>
            {shown.map((item) => (
              <ItemRow key={item.requirementId} id={id} item={item} view={view} onSaved={onChanged} />
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
