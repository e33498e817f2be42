import { useState } from 'react';
import { type AssessmentStatus, type AssessmentView, STATUS_MOVES } from '../api/assessment.types';
import { moveStatus } from '../api/assessments';
import type { ApiError } from '../api/client';
import { useMutation } from '../api/use-mutation';
import { HiddenTitleSection } from '../components/hidden-title-section';
import { ErrorWithAction, fieldErrorText, Notice, problemText } from '../components/status';
import { useT } from '../i18n/i18n';
import { AssessmentStatusBadge } from './status-badge';

/**
 * Why a move was refused, in the UI language: the items still open (the
 * server lists them), a newer version elsewhere (reload), or the error's code.
 */
function MoveProblem({ error, onStale }: { error: ApiError; onStale: () => void }) {
  const t = useT();
  const details = error.problem.errors ?? [];
  if (details.length > 0) {
    return (
      <div className="notice notice-error" role="alert">
        <ul>
          {details.map((d) => (
            <li key={`${d.path}|${d.message}`}>
              {fieldErrorText(t, d)}
              {d.code === 'unassessed' ? ` ${(error.problem.unassessed ?? []).join(', ')}` : ''}
            </li>
          ))}
        </ul>
      </div>
    );
  }
  if (error.status === 409) {
    return <ErrorWithAction message={t.assessments.conflict} action={t.assessments.reload} onAction={onStale} />;
  }
  return <Notice kind="error">{problemText(t, error)}</Notice>;
}

interface StatusBarProps {
  view: AssessmentView;
  canEdit: boolean;
  onChanged: (view: AssessmentView) => void;
  onStale: () => void;
}

/** The status, the version, and the moves the status allows; finalising asks twice. */
export function StatusBar({ view, canEdit, onChanged, onStale }: StatusBarProps) {
  const t = useT();
  const { busy, error, run } = useMutation();
  const [confirming, setConfirming] = useState(false);
  const [done, setDone] = useState<AssessmentStatus | null>(null);

  const move = async (to: AssessmentStatus) => {
    if (to === 'final' && !confirming) {
      setConfirming(true);
      return;
    }
    setDone(null);
    const next = await run(() => moveStatus(view.id, to, view.version));
    setConfirming(false);
    if (next) {
      setDone(to);
      onChanged(next);
    }
  };

  const label = (to: AssessmentStatus) => (view.status === 'in-review' && to === 'in-progress' ? t.assessments.backToWork : (t.assessments.moveTo[to] ?? to));
  const moves = canEdit ? STATUS_MOVES[view.status] : [];

  return (
    <HiddenTitleSection id="assessment-status-title" title={t.assessments.statusBar} className="card assessment-status-bar">
      <p className="status-line">
        <span>{t.assessments.columnStatus}:</span> <AssessmentStatusBadge status={view.status} />
        <span className="muted">{t.assessments.version(view.version)}</span>
      </p>
      {moves.length > 0 ? (
        <div className="status-moves">
          {moves.map((to) => (
            <button key={to} type="button" className={to === 'final' ? 'button button-primary' : 'button'} disabled={busy} onClick={() => void move(to)}>
              {busy ? t.assessments.moving : label(to)}
            </button>
          ))}
        </div>
      ) : null}
      {confirming ? <Notice kind="info">{t.assessments.confirmFinal}</Notice> : null}
      {done && !error ? <Notice kind="success">{t.assessments.moved(t.assessments.statuses[done])}</Notice> : null}
      {error ? <MoveProblem error={error} onStale={onStale} /> : null}
    </HiddenTitleSection>
  );
}
