import { type FormEvent, useState } from 'react';
import type { AssessmentResults, AssessmentView } from '../api/assessment.types';
import { apiPath } from '../api/client';
import type { User } from '../api/types';
import { useApi } from '../api/use-api';
import { DerivedTable } from '../assessment/derived-table';
import { ReadinessPanel } from '../assessment/readiness-panel';
import { percent, ScoreChart } from '../assessment/score-chart';
import { Breadcrumbs } from '../components/breadcrumbs';
import { usePageTitle } from '../components/page-title';
import { RequireUser } from '../components/guards/require-user';
import { ErrorView, Loading } from '../components/status';
import { useLocalize, useT } from '../i18n/i18n';
import { ASSESSMENTS_PATH, assessmentPath, assessmentResultsPath } from '../router/assessment-paths';
import { navigate, useSearchParam } from '../router/router';
import { LabelledSelect } from '../components/forms/labelled-select';
import '../assessment/assessment.css';
import '../components/forms/forms.css';
import '../styles/record-lists.css';

const SECURITY_LEVELS = [1, 2, 3, 4].map((n) => [String(n), `SL ${n}`] as const);

function StandardPicker({ id, results, standard, sl }: { id: string; results: AssessmentResults; standard: string; sl: string }) {
  const t = useT();
  const localize = useLocalize();
  const [chosen, setChosen] = useState(standard);
  const [level, setLevel] = useState(sl);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const params = new URLSearchParams();
    if (chosen) params.set('standard', chosen);
    if (chosen && level) params.set('sl', level);
    const query = params.toString();
    navigate(`${assessmentResultsPath(id)}${query ? `?${query}` : ''}`, { replace: true });
  };
  return (
    <form className="inline-form" onSubmit={submit}>
      <LabelledSelect
        label={t.results.standard}
        value={chosen}
        choices={results.standards.map((s) => [s.id, localize(s.title)] as const)}
        empty={t.results.chooseStandard}
        onChange={setChosen}
      />
      <LabelledSelect label={t.checksheets.securityLevel} value={level} choices={SECURITY_LEVELS} empty={t.checksheets.any} onChange={setLevel} />
      <button type="submit" className="button">
        {t.results.show}
      </button>
    </form>
  );
}

function Results({ user, id }: { user: User; id: string }) {
  const t = useT();
  const standard = useSearchParam('standard') ?? '';
  const sl = useSearchParam('sl') ?? '';
  const view = useApi<AssessmentView>(apiPath('assessments', id), user.id);
  const params = new URLSearchParams();
  if (standard) params.set('standard', standard);
  if (standard && sl) params.set('sl', sl);
  const query = params.toString();
  const results = useApi<AssessmentResults>(`${apiPath('assessments', id, 'results')}${query ? `?${query}` : ''}`, user.id);
  const title = view.status === 'ok' ? view.data.title : t.assessments.listTitle;
  usePageTitle(t.results.title(title));

  if (view.status === 'error') return <ErrorView error={view.error} onRetry={view.retry} />;
  if (results.status === 'error') return <ErrorView error={results.error} onRetry={results.retry} />;
  if (view.status === 'loading' || results.status === 'loading') return <Loading />;
  const { scores } = results.data;

  return (
    <article aria-labelledby="results-title">
      <Breadcrumbs
        trail={[{ label: t.assessments.listTitle, to: ASSESSMENTS_PATH }, { label: title, to: assessmentPath(id) }, { label: t.assessments.results }]}
      />
      <h1 id="results-title">{t.results.title(title)}</h1>
      <p className="lead">{t.results.intro}</p>
      <section className="card overall-score" aria-label={t.results.overall}>
        <p>
          <strong>{t.results.overall}</strong> {t.results.score}: <span className="big-figure">{percent(scores.overall.score)}</span> · {t.results.completion}:{' '}
          {percent(scores.overall.completion)}
        </p>
      </section>
      <ScoreChart title={t.results.byLayer} groups={scores.byLayer} />
      <ScoreChart title={t.results.byPhase} groups={scores.byPhase} />
      <ScoreChart title={t.results.byThreatCategory} groups={scores.byThreatCategory} />
      <ReadinessPanel assessmentId={id} readiness={results.data.readiness} />
      <section className="card" aria-labelledby="derived-title">
        <h2 id="derived-title">{t.results.derived}</h2>
        <p className="field-hint">{t.results.derivedIntro}</p>
        <StandardPicker key={`${standard}|${sl}`} id={id} results={results.data} standard={standard} sl={sl} />
        {results.data.derived ? <DerivedTable assessmentId={id} view={results.data.derived} /> : null}
      </section>
    </article>
  );
}

/** /assessments/:id/results: scores, readiness, and the view through one standard. */
export function AssessmentResultsPage({ id }: { id: string }) {
  return <RequireUser>{(user) => <Results user={user} id={id} />}</RequireUser>;
}
