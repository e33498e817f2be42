import { useId } from 'react';
import { apiPath } from '../api/client';
import { useApi } from '../api/use-api';
import { ErrorView, Loading } from '../components/status';
import { useLocalize } from '../i18n/i18n';
import type { ProbeRunDetail } from './probe-runs.types';
import { useProbeMessages } from './use-probe-messages';
import { TableHead } from '../components/tables/table-head';

/** One run's findings with their evidence (what was sent and what came back, secrets masked by the engine). */
export function RunFindings({ assessmentId, runId, refreshKey }: { assessmentId: string; runId: string; refreshKey: string }) {
  const m = useProbeMessages();
  const localize = useLocalize();
  const id = useId();
  const detail = useApi<ProbeRunDetail>(apiPath('assessments', assessmentId, 'probe-runs', runId), refreshKey);
  if (detail.status === 'loading') return <Loading />;
  if (detail.status === 'error') return <ErrorView error={detail.error} onRetry={detail.retry} />;
  const run = detail.data;
  return (
    <section className="card" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{m.findings.heading(run.scope.name)}</h2>
      <p className="muted">
        {m.findings.authorisedBy}: {run.scope.authorisedBy} · sha256 {run.scope.sha256}
      </p>
      {run.findings.length === 0 ? (
        <p>{m.findings.none}</p>
      ) : (
        <table className="probe-findings">
          <TableHead columns={[m.findings.check, m.findings.target, m.findings.verdict, m.findings.summary, m.findings.requirements, m.findings.evidence]} />
          <tbody>
            {run.findings.map((f) => (
              <tr key={`${f.check}|${f.target}|${f.at}`} data-verdict={f.verdict}>
                <td>{f.check}</td>
                <td>{f.target}</td>
                <td>
                  <span className={`finding-verdict finding-${f.verdict}`}>{m.findings.verdicts[f.verdict] ?? f.verdict}</span>
                </td>
                <td>{localize(f.summary)}</td>
                <td>{f.requirements.map((r) => r.id).join(', ')}</td>
                <td>
                  <details>
                    <summary>{m.findings.evidence}</summary>
                    <pre className="evidence">{JSON.stringify(f.evidence, null, 2)}</pre>
                  </details>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
