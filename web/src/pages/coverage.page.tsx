import { apiPath } from '../api/client';
import type { EditionSummary } from '../api/types';
import { useApi } from '../api/use-api';
import { ConfidenceBadge } from '../components/confidence-badge';
import { CountsLegend } from '../components/coverage/coverage-badge';
import { coveragePath, UNBACKED_PATH } from '../components/coverage/coverage-query';
import { type CoverageOverview, percent } from '../components/coverage/coverage.types';
import { SummaryBar } from '../components/coverage/summary-bar';
import { EditionGate } from '../components/guards/edition-gate';
import { ErrorView, Loading } from '../components/status';
import { useLocalize, useT } from '../i18n/i18n';
import { useReviewT } from '../i18n/messages-review';
import { Link, navigate, useSearchParam } from '../router/router';
import { useSession } from '../session/session';
import { PageSection } from '../components/page-section';
import '../styles/coverage.css';

type StandardEntry = CoverageOverview['standards'][number];

function StandardCard({ entry }: { entry: StandardEntry }) {
  const t = useT();
  const localize = useLocalize();
  const title = localize(entry.title);
  return (
    <li className="card cov-card" data-standard={entry.id}>
      <div className="cov-card-head">
        <h2 className="cov-card-title">
          <Link to={coveragePath(entry.id)}>{title}</Link>
        </h2>
        <p className="cov-card-meta">
          {entry.publisher} · {entry.version} <ConfidenceBadge confidence={entry.confidence} />
        </p>
      </div>
      <div className="cov-card-figure">
        <p className="cov-share cov-share-small">
          <span className="cov-share-value">{percent(entry.answered)}</span>
          <span className="cov-share-label">{t.coverage.answered}</span>
        </p>
        <p className="cov-applicable">{t.coverage.applicable(entry.summary.total)}</p>
      </div>
      <SummaryBar counts={entry.summary} label={t.coverage.chartLabel(title)} />
      <CountsLegend counts={entry.summary} label={t.coverage.chartLabel(title)} />
      <Link to={coveragePath(entry.id)} className="cov-card-link">
        {t.coverage.openDetail}
      </Link>
    </li>
  );
}

/** The dashboard can count reviewed mappings only; the choice lives in the URL (?reviewed=only) so it can be linked. */
function ReviewedOnlyToggle({ reviewedOnly }: { reviewedOnly: boolean }) {
  const r = useReviewT();
  return (
    <div className="cov-reviewed-toggle">
      <label>
        <input
          type="checkbox"
          checked={reviewedOnly}
          onChange={(e) => navigate(e.currentTarget.checked ? '/coverage?reviewed=only' : '/coverage', { replace: true })}
        />{' '}
        {r.review.reviewedOnly}
      </label>
      {reviewedOnly ? (
        <p className="muted" data-testid="reviewed-only-note">
          {r.review.reviewedOnlyNote}
        </p>
      ) : null}
    </div>
  );
}

function Overview({ edition }: { edition: EditionSummary }) {
  const t = useT();
  const who = useSession().user?.id ?? 'anonymous';
  const reviewedOnly = useSearchParam('reviewed') === 'only';
  const result = useApi<CoverageOverview>(`${apiPath('editions', edition.id, 'coverage')}${reviewedOnly ? '?reviewed=only' : ''}`, who);
  if (result.status === 'loading') return <Loading />;
  if (result.status === 'error') return <ErrorView error={result.error} onRetry={result.retry} />;
  const { standards, unbacked } = result.data;
  return (
    <>
      <ReviewedOnlyToggle reviewedOnly={reviewedOnly} />
      <ul className="cov-status-key" aria-label={t.coverage.statusKey}>
        {(['covered', 'partial', 'out-of-scope', 'pending', 'gap'] as const).map((s) => (
          <li key={s}>
            <span className={`cov-swatch cov-swatch-${s}`} aria-hidden="true" />
            <strong>{t.coverage.statuses[s]}</strong> {t.coverage.statusNotes[s]}
          </li>
        ))}
      </ul>
      <ul className="cov-cards">
        {standards.map((entry) => (
          <StandardCard key={entry.id} entry={entry} />
        ))}
        <li className="card cov-card cov-card-unbacked">
          <div className="cov-card-head">
            <h2 className="cov-card-title">
              <Link to={UNBACKED_PATH}>{t.coverage.unbackedTitle}</Link>
            </h2>
            <p className="cov-card-meta">{t.coverage.unbackedShort}</p>
          </div>
          <p className="cov-share cov-share-small">
            <span className="cov-share-value" data-testid="unbacked-count">
              {unbacked}
            </span>
            <span className="cov-share-label">{t.coverage.items}</span>
          </p>
          <Link to={UNBACKED_PATH} className="cov-card-link">
            {t.coverage.unbackedLink}
          </Link>
        </li>
      </ul>
    </>
  );
}

/** /coverage: how far the guidebook answers each standard, one card per standard, and the 独自項目. */
export function CoveragePage() {
  const t = useT();
  return (
    <PageSection title={t.coverage.title} sub={t.coverage.intro} className="cov-page" head="header">
      <EditionGate>{(edition) => <Overview edition={edition} />}</EditionGate>
    </PageSection>
  );
}
