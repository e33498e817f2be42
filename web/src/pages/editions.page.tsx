import { type FormEvent, useState } from 'react';
import { apiPath } from '../api/client';
import type { EditionSummary } from '../api/types';
import { useApi } from '../api/use-api';
import { DiffView } from '../components/editor/diff-view';
import type { EditionDiff } from '../components/editor/editor-api';
import { ErrorView, Loading, Notice } from '../components/status';
import { useEdition } from '../edition/edition';
import { useLocalize } from '../i18n/i18n';
import { useReviewT } from '../i18n/messages-review';
import { Link, navigate, useSearchParam } from '../router/router';
import { useSession } from '../session/session';
import { PageSection } from '../components/page-section';

export const EDITIONS_PATH = '/editions';

export function editionComparePath(from: string, to: string): string {
  return `${EDITIONS_PATH}/compare?${new URLSearchParams({ from, to }).toString()}`;
}

/** Oldest first, so "previous" is the one before. */
function published(editions: EditionSummary[]): EditionSummary[] {
  return editions.filter((e) => e.status === 'published').sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id, 'en', { numeric: true }));
}

/** One side of the comparison: a labelled select of the published editions. */
function EditionSelect({
  label,
  name,
  editions,
  value,
  onChange,
}: {
  label: string;
  name: string;
  editions: EditionSummary[];
  value: string;
  onChange: (id: string) => void;
}) {
  const localize = useLocalize();
  return (
    <label>
      {label}{' '}
      <select name={name} value={value} onChange={(e) => onChange(e.currentTarget.value)}>
        {editions.map((e) => (
          <option key={e.id} value={e.id}>
            {e.id} {localize(e.title)}
          </option>
        ))}
      </select>
    </label>
  );
}

function CompareForm({ editions, from, to }: { editions: EditionSummary[]; from: string; to: string }) {
  const r = useReviewT();
  const [a, setA] = useState(from);
  const [b, setB] = useState(to);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    navigate(editionComparePath(a, b));
  };
  return (
    <form className="card compare-form" onSubmit={submit}>
      <EditionSelect label={r.compare.from} name="from" editions={editions} value={a} onChange={setA} />{' '}
      <EditionSelect label={r.compare.to} name="to" editions={editions} value={b} onChange={setB} />{' '}
      <button type="submit" disabled={a === b}>
        {r.compare.submit}
      </button>
      {a === b ? <p className="muted">{r.compare.same}</p> : null}
    </form>
  );
}

/** /editions: every published edition, each linked to a comparison with the one before, and a form to compare any two. */
export function EditionsPage() {
  const r = useReviewT();
  const localize = useLocalize();
  const { editions, retry } = useEdition();
  let body = <Loading />;
  if (editions.status === 'error') body = <ErrorView error={editions.error} onRetry={retry} />;
  else if (editions.status === 'ok') {
    const list = published(editions.data.editions);
    const last = list[list.length - 1];
    const before = list[list.length - 2];
    body = (
      <>
        {last ? <CompareForm editions={list} from={before?.id ?? last.id} to={last.id} /> : null}
        <ul className="edition-list">
          {[...list].reverse().map((e) => {
            const previous = list[list.indexOf(e) - 1];
            return (
              <li key={e.id} className="card" data-edition={e.id}>
                <h2>
                  {e.id} <small>{localize(e.title)}</small>
                </h2>
                <p className="muted">{e.date}</p>
                {previous ? <Link to={editionComparePath(previous.id, e.id)}>{r.compare.compareWithPrevious}</Link> : null}
              </li>
            );
          })}
        </ul>
      </>
    );
  }
  return (
    <PageSection title={r.compare.editions} sub={r.compare.intro} head="header">
      {body}
    </PageSection>
  );
}

function Comparison({ from, to }: { from: string; to: string }) {
  const who = useSession().user?.id ?? 'anonymous';
  const result = useApi<EditionDiff>(apiPath('editions', from, 'compare', to), who);
  if (result.status === 'loading') return <Loading />;
  if (result.status === 'error') return <ErrorView error={result.error} onRetry={result.retry} />;
  return <DiffView diff={result.data} />;
}

/** /editions/compare?from=A&to=B: what changed between two editions (the CLI `diff`, in the browser). */
export function EditionComparePage() {
  const r = useReviewT();
  const { editions } = useEdition();
  const from = useSearchParam('from') ?? '';
  const to = useSearchParam('to') ?? '';
  const list = editions.status === 'ok' ? published(editions.data.editions) : [];
  return (
    <PageSection
      title={from && to ? r.compare.heading(from, to) : r.compare.title}
      parents={[{ label: r.compare.editions, to: EDITIONS_PATH }]}
      crumb={r.compare.title}
      tabTitle={r.compare.title}
      head="header"
    >
      {list.length > 0 ? (
        <CompareForm key={`${from}|${to}`} editions={list} from={from || (list[0]?.id ?? '')} to={to || (list[list.length - 1]?.id ?? '')} />
      ) : null}
      {from && to && from !== to ? <Comparison from={from} to={to} /> : <Notice kind="info">{r.compare.same}</Notice>}
    </PageSection>
  );
}
