import { useState } from 'react';
import { apiPath, request } from '../../api/client';
import { useMutation } from '../../api/use-mutation';
import type { Localized } from '../../api/types';
import { labelFor, useLocalize, useT } from '../../i18n/i18n';
import { useEditorReviewT } from '../../i18n/messages-review';
import { Link, navigate, useSearchParam } from '../../router/router';
import { ErrorView, Loading, Notice, problemSummary } from '../status';
import { editorPaths } from './editor-api';
import { useDraftOptions, useDraftResource } from './use-draft';
import { Options } from '../forms/options';

type ReviewState = 'unreviewed' | 'reviewed' | 'disputed';
const STATES: ReviewState[] = ['unreviewed', 'reviewed', 'disputed'];

interface ReviewRow {
  item: string;
  number: string;
  title: Localized;
  standard: string;
  requirement: string;
  relationship: string;
  rationale: Localized;
  review: { state: ReviewState; by?: string; date?: string; note?: string };
}

export function reviewsPath(draftId: string, state: string, standard: string): string {
  const q = new URLSearchParams();
  if (state) q.set('state', state);
  if (standard) q.set('standard', standard);
  const query = q.toString();
  return `/editor/${encodeURIComponent(draftId)}/reviews${query ? `?${query}` : ''}`;
}

/** One mapping in the queue: what it claims, its state, and the three decisions. */
function ReviewItem({ draftId, row, onDone }: { draftId: string; row: ReviewRow; onDone: () => void }) {
  const t = useT();
  const r = useEditorReviewT();
  const localize = useLocalize();
  const [note, setNote] = useState(row.review.note ?? '');
  const mutation = useMutation();
  const { busy } = mutation;
  const error = mutation.error ? problemSummary(t, mutation.error) : null;
  const decide = async (state: ReviewState) => {
    const body = { item: row.item, standard: row.standard, requirement: row.requirement, state, ...(note.trim() ? { note } : {}) };
    if ((await mutation.run(() => request('PUT', apiPath('drafts', draftId, 'reviews'), { body }).then(() => true))) === true) onDone();
  };
  const label = `${row.number} → ${row.standard} ${row.requirement}`;
  return (
    <li className="card review-item" aria-label={label} data-review-state={row.review.state}>
      <h3>
        <Link to={editorPaths.requirement(draftId, row.item)}>
          {row.number} {localize(row.title)}
        </Link>{' '}
        → <code>{row.standard}</code> <code>{row.requirement}</code>
      </h3>
      <p>
        <span className={`relationship relationship-${row.relationship}`}>{labelFor(t.relationships, row.relationship)}</span>{' '}
        <span className={`badge review-${row.review.state}`}>{r.review.states[row.review.state]}</span>
        {row.review.by && row.review.date ? <small> {r.review.by(row.review.by, row.review.date)}</small> : null}
      </p>
      <p>{localize(row.rationale)}</p>
      <label>
        {r.queue.note} <input type="text" value={note} onChange={(e) => setNote(e.currentTarget.value)} maxLength={2000} />
      </label>
      <div className="review-actions">
        <button type="button" disabled={busy} onClick={() => decide('reviewed')}>
          {r.queue.markReviewed}
        </button>{' '}
        <button type="button" disabled={busy || !note.trim()} onClick={() => decide('disputed')}>
          {r.queue.markDisputed}
        </button>{' '}
        {row.review.state !== 'unreviewed' ? (
          <button type="button" disabled={busy} onClick={() => decide('unreviewed')}>
            {r.queue.markUnreviewed}
          </button>
        ) : null}
      </div>
      {error ? <Notice kind="error">{error}</Notice> : null}
    </li>
  );
}

/** The draft's mappings filtered by review state and standard; by default the queue of unreviewed ones. */
export function ReviewQueue({ draftId }: { draftId: string }) {
  const r = useEditorReviewT();
  const localize = useLocalize();
  const state = useSearchParam('state') ?? 'unreviewed';
  const standard = useSearchParam('standard') ?? '';
  const options = useDraftOptions(draftId);
  const query = new URLSearchParams({ ...(state ? { state } : {}), ...(standard ? { standard } : {}) }).toString();
  const rows = useDraftResource<{ rows: ReviewRow[] }>(['drafts', draftId, 'reviews'], query);
  const filter = (next: { state?: string; standard?: string }) =>
    navigate(reviewsPath(draftId, next.state ?? state, next.standard ?? standard), { replace: true });
  return (
    <>
      <h2 className="editor-tab-title">{r.queue.title}</h2>
      <p className="muted">{r.queue.intro}</p>
      <div className="review-filters">
        <label>
          {r.queue.state}{' '}
          <select name="state" value={state} onChange={(e) => filter({ state: e.currentTarget.value })}>
            <option value="">{r.queue.all}</option>
            <Options of={STATES} label={(s) => r.review.states[s]} />
          </select>
        </label>{' '}
        <label>
          {r.queue.standard}{' '}
          <select name="standard" value={standard} onChange={(e) => filter({ standard: e.currentTarget.value })}>
            <option value="">{r.queue.all}</option>
            {options.status === 'ok'
              ? options.data.standards.map((s) => (
                  <option key={s.id} value={s.id}>
                    {localize(s.title)}
                  </option>
                ))
              : null}
          </select>
        </label>
      </div>
      {rows.status === 'loading' ? <Loading /> : null}
      {rows.status === 'error' ? <ErrorView error={rows.error} onRetry={rows.reload} /> : null}
      {rows.status === 'ok' ? (
        <>
          <p data-testid="review-count">{r.queue.count(rows.data.rows.length)}</p>
          {rows.data.rows.length === 0 ? <Notice kind="info">{r.queue.empty}</Notice> : null}
          <ol className="review-list">
            {rows.data.rows.slice(0, 20).map((row) => (
              <ReviewItem key={`${row.item}|${row.standard}|${row.requirement}|${row.review.state}`} draftId={draftId} row={row} onDone={rows.reload} />
            ))}
          </ol>
        </>
      ) : null}
    </>
  );
}
