import { useRef } from 'react';
import { type ApiError, apiPath } from '../api/client';
import type { EditionSummary } from '../api/types';
import { useApi } from '../api/use-api';
import { Breadcrumbs } from '../components/breadcrumbs';
import { ConfidenceBadge } from '../components/confidence-badge';
import { CoverageFilters } from '../components/coverage/coverage-filters';
import { CoverageHeatmap } from '../components/coverage/coverage-heatmap';
import { StatusList } from '../components/coverage/coverage-lists';
import { type CoverageQuery, coveragePath, coverageQueryString, readCoverageQuery } from '../components/coverage/coverage-query';
import { CoverageSummary } from '../components/coverage/coverage-summary';
import { CoverageTable } from '../components/coverage/coverage-table';
import { type CoverageOverview, countedRows, type StandardCoverage } from '../components/coverage/coverage.types';
import { CrossStandardPanel } from '../components/coverage/cross-standard-panel';
import { GroupChart } from '../components/coverage/group-chart';
import { EditionGate } from '../components/guards/edition-gate';
import { usePageTitle } from '../components/page-title';
import { ErrorView, Loading, problemSummary } from '../components/status';
import { useEdition } from '../edition/edition';
import { useLocalize, useT } from '../i18n/i18n';
import type { Messages } from '../i18n/messages';
import { standardPath } from '../router/browse-paths';
import { Link, navigate, useLocation } from '../router/router';
import { useSession } from '../session/session';
import '../styles/coverage.css';

function HeatmapSection({ report }: { report: StandardCoverage }) {
  const t = useT();
  const { matrix } = useEdition();
  return (
    <section className="card cov-section" aria-labelledby="cov-heatmap-title">
      <h2 id="cov-heatmap-title">{t.coverage.heatmapTitle}</h2>
      <p className="cov-list-intro">{t.coverage.heatmapIntro}</p>
      {matrix.status === 'ok' ? (
        <CoverageHeatmap report={report} matrix={matrix.data} />
      ) : matrix.status === 'error' ? (
        <ErrorView error={matrix.error} />
      ) : (
        <Loading />
      )}
    </section>
  );
}

function CrossSection({ report }: { report: StandardCoverage }) {
  const who = useSession().user?.id ?? 'anonymous';
  const overview = useApi<CoverageOverview>(apiPath('editions', report.edition.id, 'coverage'), who);
  if (overview.status !== 'ok') return null;
  return <CrossStandardPanel report={report} standards={overview.data.standards} />;
}

function Report({ report, busy }: { report: StandardCoverage; busy: boolean }) {
  const t = useT();
  const rows = countedRows(report);
  const filtered = Object.keys(report.filters).length > 0;
  return (
    <div className="cov-report" aria-busy={busy}>
      <CoverageSummary report={report} />
      {filtered && report.filters.securityLevel !== undefined && report.unverifiedLevels.length > 0 ? (
        <div className="notice notice-warning cov-unverified" role="note">
          <p>
            <strong>{t.coverage.slUnverified}</strong> {t.coverage.slUnverifiedNote(report.unverifiedLevels.length)}
          </p>
          <p className="cov-unverified-ids">{report.unverifiedLevels.join(', ')}</p>
        </div>
      ) : null}
      <HeatmapSection report={report} />
      {report.groups.length > 0 ? (
        <section className="card cov-section" aria-labelledby="cov-groups-title">
          <h2 id="cov-groups-title">{t.coverage.groupsTitle}</h2>
          <GroupChart report={report} />
        </section>
      ) : null}
      <div className="cov-lists">
        <StatusList standardId={report.standard.id} rows={rows} status="gap" />
        {report.summary.pending > 0 ? <StatusList standardId={report.standard.id} rows={rows} status="pending" /> : null}
        {report.summary['out-of-scope'] > 0 ? <StatusList standardId={report.standard.id} rows={rows} status="out-of-scope" /> : null}
      </div>
      <CrossSection report={report} />
      <CoverageTable report={report} />
    </div>
  );
}

/** The address's filter keys (the problem names them `query.<key>`) by their names on the page. */
const FILTER_LABEL = {
  sl: 'securityLevel',
  componentType: 'componentType',
  status: 'requirementStatus',
  conditions: 'conditions',
} as const satisfies Record<keyof CoverageQuery, keyof Messages['coverage']>;

/** Which filters of the address the standard cannot take, named as the filter form names them; else the problem in one line. */
function badFilterText(t: Messages, error: ApiError): string {
  const names = (error.problem.errors ?? []).flatMap((e) => {
    const key = e.path.replace(/^query\./, '');
    return Object.hasOwn(FILTER_LABEL, key) ? [t.coverage[FILTER_LABEL[key as keyof CoverageQuery]]] : [];
  });
  return names.length > 0 ? t.coverage.badFilterNames([...new Set(names)].join(t.coverage.listSeparator)) : problemSummary(t, error);
}

function StandardCoverageLoader({ edition, standardId }: { edition: EditionSummary; standardId: string }) {
  const t = useT();
  const localize = useLocalize();
  const { search } = useLocation();
  const who = useSession().user?.id ?? 'anonymous';
  const query = readCoverageQuery(search);
  const result = useApi<StandardCoverage>(`${apiPath('editions', edition.id, 'coverage', standardId)}${coverageQueryString(query)}`, who);
  // Keep showing the last report while a new filter loads, so the page does not jump.
  const last = useRef<StandardCoverage | null>(null);
  if (result.status === 'ok') last.current = result.data;
  const report = result.status === 'ok' ? result.data : result.status === 'loading' ? last.current : null;
  const title = report ? localize(report.standard.title) : standardId;
  usePageTitle(`${t.coverage.title}: ${title}`);
  const setQuery = (next: CoverageQuery) => navigate(coveragePath(standardId, next), { replace: true });

  return (
    <>
      <Breadcrumbs trail={[{ label: t.coverage.title, to: coveragePath() }, { label: title }]} />
      <header className="page-head cov-head">
        <h1 id="coverage-standard-title">{title}</h1>
        {report ? (
          <p className="page-sub">
            {report.standard.version} <ConfidenceBadge confidence={report.standard.confidence} />{' '}
            <Link to={standardPath(report.standard.id)}>{t.coverage.standardPageLink}</Link>
          </p>
        ) : null}
      </header>
      {report ? <CoverageFilters options={report.filterOptions} query={query} onChange={setQuery} /> : null}
      {result.status === 'error' ? (
        result.error.status === 400 ? (
          <div className="notice notice-error" role="alert">
            <p>{t.coverage.badFilter}</p>
            <p className="cov-unverified-ids">{badFilterText(t, result.error)}</p>
            <Link to={coveragePath(standardId)}>{t.coverage.clearFilters}</Link>
          </div>
        ) : (
          <ErrorView error={result.error} onRetry={result.retry} />
        )
      ) : report ? (
        <Report report={report} busy={result.status === 'loading'} />
      ) : (
        <Loading />
      )}
    </>
  );
}

/** /coverage/:standardId: one standard's coverage under filters, with heatmap, charts, lists and the cross-standard view. */
export function CoverageStandardPage({ standardId }: { standardId: string }) {
  return (
    <section aria-labelledby="coverage-standard-title" className="cov-page">
      <EditionGate>{(edition) => <StandardCoverageLoader edition={edition} standardId={standardId} />}</EditionGate>
    </section>
  );
}
