import { type FormEvent, useState } from 'react';
import { type AssessmentComparison, type AssessmentList, ITEM_CHANGES } from '../api/assessment.types';
import type { User } from '../api/types';
import { useApi } from '../api/use-api';
import { percent } from '../assessment/score-chart';
import { VerdictBadge } from '../assessment/verdict';
import { Breadcrumbs } from '../components/breadcrumbs';
import { usePageTitle } from '../components/page-title';
import { RequireUser } from '../components/guards/require-user';
import { ErrorView, Loading, Notice } from '../components/status';
import { useLanguage, useLocalize, useT } from '../i18n/i18n';
import { ASSESSMENTS_PATH, comparePath } from '../router/assessment-paths';
import { navigate, useSearchParam } from '../router/router';
import { LabelledSelect } from '../components/forms/labelled-select';
import { TableHead } from '../components/tables/table-head';
import { ScrollTable } from '../components/tables/scroll-table';
import { SubmitButton } from '../components/forms/submit-button';
import { Chips } from '../components/chips';
import '../assessment/assessment.css';
import '../components/forms/forms.css';
import '../styles/record-lists.css';

function Picker({ list, before, after }: { list: AssessmentList; before: string; after: string }) {
  const t = useT();
  const [b, setB] = useState(before);
  const [a, setA] = useState(after);
  const first = list.assessments.find((x) => x.id === b);
  // Only assessments of the same product can be compared.
  const afterChoices = list.assessments.filter((x) => x.id !== b && (!first || x.product.id === first.product.id));
  const choice = (x: AssessmentList['assessments'][number]) => [x.id, `${x.product.name} — ${x.title} (${t.assessments.statuses[x.status]})`] as const;
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (b && a) navigate(comparePath(b, a));
  };
  return (
    <form className="inline-form card" onSubmit={submit}>
      <LabelledSelect label={t.compare.before} value={b} choices={list.assessments.map(choice)} empty={t.assessments.chooseOne} onChange={setB} />
      <LabelledSelect label={t.compare.after} value={a} choices={afterChoices.map(choice)} empty={t.assessments.chooseOne} onChange={setA} />
      <SubmitButton disabled={!a || !b}>{t.compare.show}</SubmitButton>
    </form>
  );
}

function ComparisonView({ user, before, after }: { user: User; before: string; after: string }) {
  const t = useT();
  const localize = useLocalize();
  const { lang } = useLanguage();
  const path = `/api/assessments/compare?${new URLSearchParams({ before, after }).toString()}`;
  const result = useApi<AssessmentComparison>(path, user.id);
  if (result.status === 'loading') return <Loading />;
  if (result.status === 'error') return <ErrorView error={result.error} onRetry={result.retry} />;
  const c = result.data;
  return (
    <section className="card" aria-labelledby="comparison-title">
      <h2 id="comparison-title">
        {c.before.title} → {c.after.title}
      </h2>
      <p>{t.compare.scoreLine(percent(c.scores.before.overall.score), percent(c.scores.after.overall.score))}</p>
      <Chips
        items={ITEM_CHANGES}
        label={(k) => (
          <>
            {t.compare.changes[k]} {c.counts[k]}
          </>
        )}
      />
      <p>
        <a href={`${path}&${new URLSearchParams({ format: 'html', lang }).toString()}`} target="_blank" rel="noopener">
          {t.compare.printable}
        </a>
      </p>
      <ScrollTable className="data-table">
        <TableHead columns={[t.number, t.title, t.compare.before, t.compare.after, t.compare.change]} />
        <tbody>
          {c.items.map((i) => (
            <tr key={i.requirementId}>
              <td className="nowrap">{i.no}</td>
              <td>{localize(i.title)}</td>
              <td>{i.before ? <VerdictBadge verdict={i.before} /> : '—'}</td>
              <td>{i.after ? <VerdictBadge verdict={i.after} /> : '—'}</td>
              <td className={`change change-${i.change}`}>{t.compare.changes[i.change]}</td>
            </tr>
          ))}
        </tbody>
      </ScrollTable>
    </section>
  );
}

function Compare({ user }: { user: User }) {
  const t = useT();
  const before = useSearchParam('before') ?? '';
  const after = useSearchParam('after') ?? '';
  const list = useApi<AssessmentList>('/api/assessments', user.id);
  if (list.status === 'loading') return <Loading />;
  if (list.status === 'error') return <ErrorView error={list.error} onRetry={list.retry} />;
  return (
    <>
      <Picker key={`${before}|${after}`} list={list.data} before={before} after={after} />
      {before && after ? <ComparisonView user={user} before={before} after={after} /> : <Notice kind="info">{t.compare.needTwo}</Notice>}
    </>
  );
}

/** /assessments/compare?before=&after=: two assessments of one product side by side. */
export function AssessmentComparePage() {
  const t = useT();
  usePageTitle(t.compare.title);
  return (
    <section aria-labelledby="compare-title">
      <Breadcrumbs trail={[{ label: t.assessments.listTitle, to: ASSESSMENTS_PATH }, { label: t.compare.title }]} />
      <h1 id="compare-title">{t.compare.title}</h1>
      <p className="lead">{t.compare.intro}</p>
      <RequireUser>{(user) => <Compare user={user} />}</RequireUser>
    </section>
  );
}
