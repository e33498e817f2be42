import type { SearchResponse, SearchResult, SearchSnippet, StandardList } from '../api/browse.types';
import { apiPath } from '../api/client';
import type { EditionSummary } from '../api/types';
import { useApi } from '../api/use-api';
import { EditionGate } from '../components/guards/edition-gate';
import { MarkedText } from '../components/marked-text';
import { NumberedTitle } from '../components/numbered-title';
import { ErrorView, Loading, Notice } from '../components/status';
import { labelFor, useLanguage, useLocalize, useT } from '../i18n/i18n';
import type { Messages } from '../i18n/messages';
import { glossaryTermPath, standardRequirementPath } from '../router/browse-paths';
import { requirementPath } from '../router/paths';
import { Link, useSearchParam } from '../router/router';
import { useSession } from '../session/session';
import { PageSection } from '../components/page-section';
import '../styles/browse.css';
import '../styles/search.css';

/** How many results one page asks for (the API allows up to 100). */
const LIMIT = 50;

/** "criteria[2]" → the criteria label; fields we do not know stay unlabelled. */
function fieldLabel(t: Messages, field: string): string | null {
  if (field === 'number' || field === 'id') return t.number;
  if (field === 'title') return t.title;
  if (field === 'term') return t.browse.termField;
  if (field === 'reading') return t.browse.reading;
  if (field === 'definition') return t.browse.definition;
  if (field.startsWith('criteria')) return t.criteria;
  if (field.startsWith('verification')) return t.verificationSteps;
  if (/^interpretation\[\d+\]\.countermeasures/.test(field)) return t.countermeasures;
  if (field.startsWith('interpretation')) return t.attack;
  return null;
}

/** A snippet as text with its highlight ranges in <mark>: React elements, never HTML. */
function Snippet({ snippet }: { snippet: SearchSnippet }) {
  const t = useT();
  const label = fieldLabel(t, snippet.field);
  return (
    <p className="snippet" lang={snippet.lang}>
      {label ? <span className="snippet-field">{label}</span> : null}
      <MarkedText text={snippet.text} highlights={snippet.highlights} />
    </p>
  );
}

function resultLink(result: SearchResult): string {
  if (result.kind === 'requirement') return requirementPath(result.id);
  if (result.kind === 'term') return glossaryTermPath(result.id);
  return standardRequirementPath(result.standard ?? '', result.id);
}

/** The title as shown, with its own highlights when the search matched it (its snippet then need not repeat it). */
function titleSnippet(result: SearchResult, title: string, lang: string): SearchSnippet | undefined {
  return result.snippets.find((snippet) => (snippet.field === 'title' || snippet.field === 'term') && snippet.lang === lang && snippet.text === title);
}

function ResultItem({ result, standardTitle }: { result: SearchResult; standardTitle: (id: string) => string }) {
  const t = useT();
  const localize = useLocalize();
  const { lang } = useLanguage();
  const title = localize(result.title);
  const matchedTitle = titleSnippet(result, title, lang);
  const prefix = result.kind === 'requirement' ? result.number : result.kind === 'standard-requirement' ? result.id : undefined;
  return (
    <li className={`tile search-result kind-${result.kind}`}>
      <p className="search-result-head">
        <span className={`badge kind-badge kind-badge-${result.kind}`}>{labelFor(t.browse.searchKinds, result.kind)}</span>
        {result.kind === 'standard-requirement' && result.standard ? <span className="muted search-standard">{standardTitle(result.standard)}</span> : null}
      </p>
      <h2 className="search-result-title">
        <Link to={resultLink(result)}>
          <NumberedTitle number={prefix} title={title} marks={matchedTitle?.highlights} />
        </Link>
      </h2>
      {result.snippets
        .filter((snippet) => snippet !== matchedTitle)
        .map((snippet, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: snippets come ranked and are never reordered.
          <Snippet key={`${index}-${snippet.field}`} snippet={snippet} />
        ))}
    </li>
  );
}

function Results({ edition, query }: { edition: EditionSummary; query: string }) {
  const t = useT();
  const localize = useLocalize();
  const { lang } = useLanguage();
  const who = useSession().user?.id ?? 'anonymous';
  const params = new URLSearchParams({ q: query, limit: String(LIMIT), lang });
  const search = useApi<SearchResponse>(`${apiPath('editions', edition.id, 'search')}?${params.toString()}`, who);
  const standards = useApi<StandardList>(apiPath('editions', edition.id, 'standards'), who);
  const standardTitle = (id: string) => (standards.status === 'ok' ? localize(standards.data.standards.find((s) => s.id === id)?.title) || id : id);

  if (search.status === 'loading') return <Loading />;
  if (search.status === 'error') return <ErrorView error={search.error} onRetry={search.retry} />;
  const { results, total } = search.data;
  if (results.length === 0) return <Notice kind="info">{t.browse.searchNoResults}</Notice>;
  const counts = (['requirement', 'term', 'standard-requirement'] as const).map((kind) => [kind, results.filter((r) => r.kind === kind).length] as const);
  return (
    <>
      <p className="total" role="status">
        {t.browse.searchTotal(query, total)}
        {total > results.length ? <span className="muted count-note">{t.browse.searchShowing(results.length)}</span> : null}
      </p>
      <ul className="kind-counts" aria-label={t.browse.searchByKind}>
        {counts.map(([kind, count]) => (
          <li key={kind}>
            <span className={`badge kind-badge kind-badge-${kind}`}>{labelFor(t.browse.searchKinds, kind)}</span> {count}
          </li>
        ))}
      </ul>
      <ol className="tile-list search-results">
        {results.map((result) => (
          <ResultItem key={`${result.kind}|${result.standard ?? ''}|${result.id}`} result={result} standardTitle={standardTitle} />
        ))}
      </ol>
    </>
  );
}

/** Results of a search over items, glossary terms and standard requirements, ranked as the server returns them. */
export function SearchPage() {
  const t = useT();
  const query = (useSearchParam('q') ?? '').trim();
  return (
    <PageSection title={query ? t.browse.searchTitleFor(query) : t.browse.searchTitle} crumb={t.browse.searchTitle}>
      {query ? (
        <EditionGate>{(edition) => <Results key={query} edition={edition} query={query} />}</EditionGate>
      ) : (
        <Notice kind="info">{t.browse.searchEmpty}</Notice>
      )}
    </PageSection>
  );
}
