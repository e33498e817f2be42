import { useEffect, useId, useState } from 'react';
import { ANSWER_LIMITS, type Answer, type AnswerHistoryEntry, type ChecksheetItem, VERDICTS } from '../api/assessment.types';
import { api } from '../api/client';
import { assessmentApi, clearDefect } from '../api/assessments';
import { DefectDialog } from '../assessment/defect-dialog';
import { VerdictBadge } from '../assessment/verdict';
import { fieldErrors } from '../components/forms/form-field';
import { proposalPath } from '../components/proposals/proposal-paths';
import { Notice, problemText } from '../components/status';
import { labelFor, useLanguage, useLocalize, useT } from '../i18n/i18n';
import { probeRunMessages } from '../i18n/messages-probe-runs';
import type { WorkspaceMessages } from '../i18n/messages-workspace';
import { Link } from '../router/router';
import { MappingHints } from '../components/attached-text/mapping-hints';
import { DropZone } from './drop-zone';
import type { AnswerBook } from './use-answer-book';
import type { Suggestion } from './suggestions';

interface ItemPaneProps {
  assessmentId: string;
  /** The assessment's edition: the publisher's text beside 確認方法 comes from it. */
  editionId: string;
  item: ChecksheetItem;
  book: AnswerBook;
  w: WorkspaceMessages;
  editable: boolean;
  suggestion: Suggestion | undefined;
  onAccept: (requirementIds: string[]) => void;
  onBack: () => void;
}

function Criteria({ item, w, editionId }: { item: ChecksheetItem; w: WorkspaceMessages; editionId: string }) {
  const t = useT();
  const localize = useLocalize();
  return (
    <details className="pane-section item-details" open>
      <summary>{t.assessments.details}</summary>
      <p className="muted">
        {t.threatCategory}: {localize(item.threatCategory.label)}
      </p>
      <h3>{w.criteria}</h3>
      <ul>
        {item.criteria.map((c, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: criteria are fixed text in a fixed order.
          <li key={index}>{localize(c)}</li>
        ))}
      </ul>
      <h3>{w.method}</h3>
      <p>{item.method.methods.map((m) => labelFor(t.methods, m)).join(t.coverage.listSeparator)}</p>
      <ol>
        {item.method.steps.map((s, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: steps are fixed text in a fixed order.
          <li key={index}>{localize(s)}</li>
        ))}
      </ol>
      <MappingHints requirementId={item.requirementId} editionId={editionId} />
    </details>
  );
}

/** One side of a conflicting save: whose answer it is, its verdict, evidence and comment. */
function ConflictAnswer({ whose, answer, evidenceClass }: { whose: string; answer: Pick<Answer, 'verdict' | 'evidence' | 'comment'>; evidenceClass?: string }) {
  return (
    <dl>
      <dt>{whose}</dt>
      <dd>
        <VerdictBadge verdict={answer.verdict} />
      </dd>
      <dd className={evidenceClass ? `pre-line ${evidenceClass}` : 'pre-line'}>{answer.evidence || '—'}</dd>
      <dd className="pre-line">{answer.comment || '—'}</dd>
    </dl>
  );
}

function ConflictPanel({ assessmentId, item, book, w }: { assessmentId: string; item: ChecksheetItem; book: AnswerBook; w: WorkspaceMessages }) {
  const conflict = book.conflict(item.requirementId);
  const [who, setWho] = useState<string | null>(null);
  // Who wrote the answer that came first: its entry in the item's history.
  useEffect(() => {
    setWho(null);
    if (!conflict) return;
    api.get<{ history: AnswerHistoryEntry[] }>(assessmentApi(assessmentId, 'answers', conflict.requirementId, 'history')).then(
      (r) => setWho(r.history.find((h) => h.version === conflict.current.version)?.by?.displayName ?? null),
      () => undefined,
    );
  }, [assessmentId, conflict]);
  if (!conflict) return null;
  const mine = book.shown(item.requirementId);
  const theirs = conflict.current;
  return (
    <div className="notice notice-error conflict-panel" role="alert">
      <p>
        <strong>{w.conflictTitle(item.no)}</strong>
      </p>
      <p>{w.conflictBody}</p>
      <div className="conflict-answers">
        <ConflictAnswer whose={w.theirAnswer(who ?? w.someone)} answer={theirs} evidenceClass="conflict-theirs-evidence" />
        {mine ? <ConflictAnswer whose={w.yourAnswer} answer={mine} /> : null}
      </div>
      <button type="button" className="button" onClick={() => book.takeTheirs(item.requirementId)}>
        {w.takeTheirs}
      </button>{' '}
      <button type="button" className="button" onClick={() => book.keepMine(item.requirementId)}>
        {w.keepMine}
      </button>
    </div>
  );
}

/** After a move to a newer edition: the item changed (with its previous verdict) or is new. */
function ReviewNotice({ answer }: { answer: Answer }) {
  const t = useT();
  if (answer.review === 'new') return <Notice kind="info">{t.assessments.reviewNew}</Notice>;
  if (answer.review === 'changed')
    return <Notice kind="info">{t.assessments.reviewChanged(t.assessments.verdicts[answer.previousVerdict ?? 'unassessed'])}</Notice>;
  return null;
}

function VerdictChoice({ item, book, w }: { item: ChecksheetItem; book: AnswerBook; w: WorkspaceMessages }) {
  const t = useT();
  const name = useId();
  const shown = book.shown(item.requirementId);
  if (!shown) return null;
  return (
    <fieldset className="verdict-choice">
      <legend>{w.verdictGroup}</legend>
      {VERDICTS.map((v, index) => (
        <label key={v} className={`verdict-option verdict-${v}`}>
          <input type="radio" name={name} value={v} checked={shown.verdict === v} onChange={() => book.edit(item.requirementId, { verdict: v }, true)} />
          {w.verdictKey(index + 1, t.assessments.verdicts[v])}
        </label>
      ))}
    </fieldset>
  );
}

function AnswerFields({ item, book, w }: { item: ChecksheetItem; book: AnswerBook; w: WorkspaceMessages }) {
  const t = useT();
  const id = useId();
  const shown = book.shown(item.requirementId);
  const errors = fieldErrors(book.error(item.requirementId)?.problem.errors, t);
  if (!shown) return null;
  const area = (field: 'evidence' | 'comment', label: string, rows: number) => (
    <div className={errors[field] ? 'field field-invalid' : 'field'}>
      <label htmlFor={`${id}-${field}`}>{label}</label>
      <textarea
        id={`${id}-${field}`}
        data-field={field}
        rows={rows}
        maxLength={ANSWER_LIMITS[field]}
        value={shown[field]}
        aria-invalid={errors[field] ? true : undefined}
        aria-describedby={errors[field] ? `${id}-${field}-error` : undefined}
        onChange={(e) => book.edit(item.requirementId, { [field]: e.currentTarget.value })}
        onBlur={() => book.flush(item.requirementId)}
      />
      {errors[field] ? (
        <p className="field-error" id={`${id}-${field}-error`}>
          {errors[field]}
        </p>
      ) : null}
    </div>
  );
  const error = book.error(item.requirementId);
  return (
    <>
      {area('evidence', w.evidence, 4)}
      {area('comment', w.comment, 2)}
      {error && Object.keys(errors).length === 0 ? <Notice kind="error">{problemText(t, error)}</Notice> : null}
    </>
  );
}

function SuggestionSection({ item, suggestion, w, editable, onAccept }: Pick<ItemPaneProps, 'item' | 'suggestion' | 'w' | 'editable' | 'onAccept'>) {
  const t = useT();
  const { lang } = useLanguage();
  const localize = useLocalize();
  return (
    <section className="pane-section" aria-label={w.suggestion}>
      <h3>{w.suggestion}</h3>
      {!suggestion ? (
        <p className="muted">{w.noSuggestion}</p>
      ) : (
        <>
          <p>
            <strong>{w.suggestionVerdict(t.assessments.verdicts[suggestion.verdict])}</strong>{' '}
            {probeRunMessages[lang].suggestions.reasons[suggestion.reason] ?? suggestion.reason}
          </p>
          <ul>
            {suggestion.basis.map((b) => (
              <li key={`${b.runId}|${b.check}|${b.target}`}>
                <code>{b.check}</code> {b.target}: {b.verdict} — {localize(b.summary)} <span className="muted">({b.at})</span>
              </li>
            ))}
          </ul>
          {editable ? (
            <button type="button" className="button" onClick={() => onAccept([item.requirementId])}>
              {w.acceptSuggestion}
            </button>
          ) : null}
        </>
      )}
    </section>
  );
}

function Flag({
  assessmentId,
  item,
  answer,
  editable,
  onChanged,
}: {
  assessmentId: string;
  item: ChecksheetItem;
  answer: Answer;
  editable: boolean;
  onChanged: (a: Answer) => void;
}) {
  const t = useT();
  const localize = useLocalize();
  const [open, setOpen] = useState(false);
  return (
    <section className="pane-section defect" aria-label={t.assessments.flagDefect}>
      {answer.defect ? (
        <p className="defect-line">
          <span className="defect-badge">{t.assessments.defectShown(t.assessments.defectKinds[answer.defect.kind])}</span> {answer.defect.note}{' '}
          {answer.defect.proposalId ? <Link to={proposalPath(answer.defect.proposalId)}>{t.assessments.defectProposal}</Link> : null}
        </p>
      ) : null}
      {editable ? (
        <div className="defect-actions">
          <button type="button" className="button button-ghost" onClick={() => setOpen(true)}>
            {answer.defect ? t.assessments.editDefect : t.assessments.flagDefect}
          </button>
          {answer.defect ? (
            <button type="button" className="button button-ghost" onClick={() => void clearDefect(assessmentId, item.requirementId).then(onChanged)}>
              {t.assessments.clearDefect}
            </button>
          ) : null}
        </div>
      ) : null}
      {open ? (
        <DefectDialog
          assessmentId={assessmentId}
          answer={answer}
          itemLabel={`${item.no} ${localize(item.title)}`}
          onClose={() => setOpen(false)}
          onSent={(next) => {
            setOpen(false);
            onChanged(next);
          }}
        />
      ) : null}
    </section>
  );
}

function History({ assessmentId, item, w, version }: { assessmentId: string; item: ChecksheetItem; w: WorkspaceMessages; version: number }) {
  const t = useT();
  const [entries, setEntries] = useState<AnswerHistoryEntry[] | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new answer version means a new history entry.
  useEffect(() => {
    const controller = new AbortController();
    api.get<{ history: AnswerHistoryEntry[] }>(assessmentApi(assessmentId, 'answers', item.requirementId, 'history'), controller.signal).then(
      (r) => setEntries(r.history),
      () => undefined,
    );
    return () => controller.abort();
  }, [assessmentId, item.requirementId, version]);
  return (
    <details className="pane-section history">
      <summary>{w.history}</summary>
      {entries === null || entries.length === 0 ? (
        <p className="muted">{w.noHistory}</p>
      ) : (
        <ol className="history-list">
          {entries.map((e) => (
            <li key={e.version}>
              {w.historyEntry(e.by?.displayName ?? '—', new Date(e.at).toLocaleString(), w.sources[e.source])}: {t.assessments.verdicts[e.verdict]}
              {e.sourceRef ? <code> {e.sourceRef}</code> : null}
            </li>
          ))}
        </ol>
      )}
    </details>
  );
}

/** The selected item: what to check, the answer (autosaved), evidence files, suggestion, flag and history. */
export function ItemPane(props: ItemPaneProps) {
  const { assessmentId, editionId, item, book, w, editable, onBack } = props;
  const t = useT();
  const localize = useLocalize();
  const answer = book.answer(item.requirementId);
  const state = book.state(item.requirementId);
  if (!answer) return null;
  return (
    <section className="item-pane" aria-labelledby="pane-title" data-item={item.requirementId} data-verdict={book.shown(item.requirementId)?.verdict}>
      <div className="pane-head">
        <button type="button" className="button button-ghost pane-back" onClick={onBack}>
          ← {w.backToList}
        </button>
        <h2 id="pane-title">
          <span className="item-number">{item.no}</span> {localize(item.title)}
        </h2>
        {editable ? (
          <p className={`save-state save-${state ?? 'idle'}`} role="status">
            {w.save[state ?? 'idle']}
          </p>
        ) : null}
      </div>
      <ConflictPanel assessmentId={assessmentId} item={item} book={book} w={w} />
      <ReviewNotice answer={answer} />
      {editable ? (
        <VerdictChoice item={item} book={book} w={w} />
      ) : (
        <p>
          {t.assessments.verdict}: <VerdictBadge verdict={answer.verdict} />
        </p>
      )}
      {editable ? (
        <AnswerFields item={item} book={book} w={w} />
      ) : (
        <dl className="answer-text">
          <dt>{w.evidence}</dt>
          <dd className="pre-line">{answer.evidence || '—'}</dd>
          <dt>{w.comment}</dt>
          <dd className="pre-line">{answer.comment || '—'}</dd>
        </dl>
      )}
      <Criteria item={item} w={w} editionId={editionId} />
      <SuggestionSection {...props} />
      <DropZone
        assessmentId={assessmentId}
        requirementId={item.requirementId}
        attachments={answer.attachments}
        editable={editable}
        w={w}
        onChange={(attachments) => book.replace([{ ...answer, attachments }])}
      />
      <Flag
        assessmentId={assessmentId}
        item={item}
        answer={answer}
        editable={editable}
        onChanged={(a) => book.replace([{ ...a, attachments: answer.attachments }])}
      />
      <History assessmentId={assessmentId} item={item} w={w} version={answer.version} />
    </section>
  );
}
