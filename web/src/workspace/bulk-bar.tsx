import { useId, useState } from 'react';
import { type Verdict, VERDICTS } from '../api/assessment.types';
import { useMutation } from '../api/use-mutation';
import { Notice, problemText } from '../components/status';
import { useT } from '../i18n/i18n';
import type { WorkspaceMessages } from '../i18n/messages-workspace';
import { Options } from '../components/forms/options';
import { SubmitButton } from '../components/forms/submit-button';

interface BulkBarProps {
  count: number;
  w: WorkspaceMessages;
  runs: Map<string, string[]>;
  onApply: (verdict: Verdict, comment: string) => Promise<{ updated: number }>;
  onAcceptRun: (requirementIds: string[]) => void;
  onClear: () => void;
}

/** Actions on the selected items: one verdict with one reason; accepting a probe run's suggestions. */
export function BulkBar({ count, w, runs, onApply, onAcceptRun, onClear }: BulkBarProps) {
  const t = useT();
  const id = useId();
  const [verdict, setVerdict] = useState<Verdict>('not-applicable');
  const [comment, setComment] = useState('');
  const action = useMutation();
  const [updated, setUpdated] = useState<number | null>(null);
  const apply = async () => {
    setUpdated(null);
    const done = await action.run(() => onApply(verdict, comment));
    if (done) setUpdated(done.updated);
  };
  return (
    <section className="bulk-bar" aria-label={w.selection(count)}>
      <p>
        <strong>{w.selection(count)}</strong>{' '}
        <button type="button" className="button button-ghost" onClick={onClear} disabled={count === 0}>
          {w.clearSelection}
        </button>
      </p>
      {count > 0 ? (
        <form
          className="bulk-form"
          onSubmit={(e) => {
            e.preventDefault();
            void apply();
          }}
        >
          <div className="field">
            <label htmlFor={`${id}-verdict`}>{w.bulkVerdict}</label>
            <select id={`${id}-verdict`} value={verdict} onChange={(e) => setVerdict(e.currentTarget.value as Verdict)}>
              <Options of={VERDICTS} label={(v) => t.assessments.verdicts[v]} />
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-comment`}>{w.bulkReason}</label>
            <input id={`${id}-comment`} type="text" value={comment} onChange={(e) => setComment(e.currentTarget.value)} />
          </div>
          <SubmitButton busy={action.busy}>{w.bulkApply}</SubmitButton>
        </form>
      ) : null}
      {runs.size > 0 ? (
        <fieldset className="bulk-runs">
          <legend>{w.acceptRun}</legend>
          {[...runs.entries()].map(([run, ids]) => (
            <button key={run} type="button" className="button" onClick={() => onAcceptRun(ids)}>
              {w.acceptRunButton(run, ids.length)}
            </button>
          ))}
        </fieldset>
      ) : null}
      {updated !== null ? <Notice kind="success">{w.bulkDone(updated)}</Notice> : null}
      {action.error ? <Notice kind="error">{problemText(t, action.error)}</Notice> : null}
    </section>
  );
}
