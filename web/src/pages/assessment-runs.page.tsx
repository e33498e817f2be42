import { useRef, useState } from 'react';
import type { AssessmentView } from '../api/assessment.types';
import { apiPath } from '../api/client';
import type { User } from '../api/types';
import { useApi } from '../api/use-api';
import { canAssess } from '../assessment/roles';
import { Breadcrumbs } from '../components/breadcrumbs';
import { usePageTitle } from '../components/page-title';
import { RequireUser } from '../components/guards/require-user';
import { ErrorView, Loading } from '../components/status';
import { type ProbeRun, type Suggestion, UNFINISHED } from '../probe-runs/probe-runs.types';
import { RunFindings } from '../probe-runs/run-findings';
import { RunList } from '../probe-runs/run-list';
import { StartRunForm } from '../probe-runs/start-run-form';
import { SuggestionsPanel } from '../probe-runs/suggestions-panel';
import { usePolled } from '../probe-runs/use-polled';
import { useProbeMessages } from '../probe-runs/use-probe-messages';
import { ASSESSMENTS_PATH, assessmentPath } from '../router/assessment-paths';
import { useT } from '../i18n/i18n';
import '../assessment/assessment.css';
import '../probe-runs/probe-runs.css';

const anyUnfinished = (body: { runs: ProbeRun[] }) => body.runs.some((r) => UNFINISHED.includes(r.state));

function Runs({ user, id }: { user: User; id: string }) {
  const t = useT();
  const m = useProbeMessages();
  const view = useApi<AssessmentView>(apiPath('assessments', id), user.id);
  const runs = usePolled<{ runs: ProbeRun[] }>(apiPath('assessments', id, 'probe-runs'), anyUnfinished);
  const [selected, setSelected] = useState<string | null>(null);
  const [answersKey, setAnswersKey] = useState(0);
  const finishedKey = (runs.data?.runs ?? []).map((r) => `${r.id}:${r.state}`).join(',');
  const suggestions = useApi<{ suggestions: Suggestion[] }>(apiPath('assessments', id, 'suggestions'), `${user.id}|${finishedKey}|${answersKey}`);
  // The last answer stays on screen while the next loads, so the panel (and its notice) is not remounted.
  const shownSuggestions = useRef<Suggestion[] | null>(null);
  if (suggestions.status === 'ok') shownSuggestions.current = suggestions.data.suggestions;
  const title = view.status === 'ok' ? view.data.title : t.assessments.listTitle;
  usePageTitle(m.title(title));

  if (view.status === 'error') return <ErrorView error={view.error} onRetry={view.retry} />;
  if (runs.error) return <ErrorView error={runs.error} onRetry={runs.reload} />;
  if (view.status === 'loading' || !runs.data) return <Loading />;
  const canRun = canAssess(user) && view.data.status !== 'final';
  const shown = selected ?? runs.data.runs[0]?.id ?? null;
  const shownState = runs.data.runs.find((r) => r.id === shown)?.state ?? '';
  return (
    <article aria-labelledby="runs-title">
      <Breadcrumbs trail={[{ label: t.assessments.listTitle, to: ASSESSMENTS_PATH }, { label: title, to: assessmentPath(id) }, { label: m.crumb }]} />
      <h1 id="runs-title">{m.title(title)}</h1>
      <p className="lead">{m.intro}</p>
      {canRun ? (
        <StartRunForm
          assessmentId={id}
          onStarted={(run) => {
            setSelected(run.id);
            runs.reload();
          }}
        />
      ) : null}
      <RunList assessmentId={id} runs={runs.data.runs} canRun={canRun} selected={shown} onSelect={setSelected} onChanged={runs.reload} />
      {shown ? <RunFindings key={shown} assessmentId={id} runId={shown} refreshKey={shownState} /> : null}
      {suggestions.status === 'error' ? (
        <ErrorView error={suggestions.error} onRetry={suggestions.retry} />
      ) : shownSuggestions.current ? (
        <SuggestionsPanel assessmentId={id} suggestions={shownSuggestions.current} canAnswer={canRun} onChanged={() => setAnswersKey((n) => n + 1)} />
      ) : null}
    </article>
  );
}

/** /assessments/:id/runs: start probe runs, watch them, read their findings and take their suggestions. */
export function AssessmentRunsPage({ id }: { id: string }) {
  return <RequireUser>{(user) => <Runs user={user} id={id} />}</RequireUser>;
}
