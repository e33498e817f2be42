import { useId } from 'react';
import { api, apiPath } from '../api/client';
import type { ProbeRun } from './probe-runs.types';
import { UNFINISHED } from './probe-runs.types';
import { useProbeMessages } from './use-probe-messages';
import { TableHead } from '../components/tables/table-head';

function Progress({ run }: { run: ProbeRun }) {
  if (!run.progress) return null;
  const { done, total, message } = run.progress;
  return (
    <>
      <progress max={Math.max(total, 1)} value={done} aria-label={`${done} / ${total}`} /> {done} / {total}
      <br />
      <span className="muted">{message}</span>
    </>
  );
}

/** The assessment's runs with state and progress; unfinished ones can be cancelled by an assessor. */
export function RunList(props: {
  assessmentId: string;
  runs: ProbeRun[];
  canRun: boolean;
  selected: string | null;
  onSelect: (id: string) => void;
  onChanged: () => void;
}) {
  const m = useProbeMessages();
  const id = useId();
  const cancel = async (run: ProbeRun) => {
    await api.post(apiPath('assessments', props.assessmentId, 'probe-runs', run.id, 'cancel'));
    props.onChanged();
  };
  return (
    <section className="card" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{m.runs.heading}</h2>
      {props.runs.length === 0 ? (
        <p>{m.runs.none}</p>
      ) : (
        <table className="probe-runs">
          <TableHead columns={[m.runs.scope, m.runs.state, m.runs.progress, m.runs.created, '']} />
          <tbody>
            {props.runs.map((run) => (
              <tr key={run.id} aria-current={run.id === props.selected ? 'true' : undefined} data-run-state={run.state}>
                <td>
                  {run.scope.name}
                  <br />
                  <span className="muted">{run.scope.authorisedBy}</span>
                </td>
                <td>
                  <span className={`run-state run-state-${run.state}`}>{m.runs.states[run.state] ?? run.state}</span>
                  {run.error ? <p className="field-error">{run.error}</p> : null}
                </td>
                <td>
                  <Progress run={run} />
                </td>
                <td>{new Date(run.createdAt).toLocaleString()}</td>
                <td>
                  <button type="button" className="button" onClick={() => props.onSelect(run.id)}>
                    {m.runs.show}
                  </button>
                  {props.canRun && UNFINISHED.includes(run.state) && !run.cancelRequested ? (
                    <button type="button" className="button" onClick={() => void cancel(run)}>
                      {m.runs.cancel}
                    </button>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
