import { useT } from '../../i18n/i18n';
import { HiddenTitleSection } from '../hidden-title-section';
import { type CoverageStatus, percent, type StandardCoverage } from './coverage.types';

const TILES: CoverageStatus[] = ['covered', 'partial', 'out-of-scope', 'pending', 'gap', 'not-applicable'];

/** The figures of one report: answered share, applicable count, and one tile per status. */
export function CoverageSummary({ report }: { report: StandardCoverage }) {
  const t = useT();
  const { summary } = report;
  return (
    <HiddenTitleSection id="cov-summary-title" title={t.coverage.summaryTitle} className="cov-summary">
      <div className="cov-summary-main">
        <p className="cov-share">
          <span className="cov-share-value" data-testid="answered">
            {percent(report.answered)}
          </span>
          <span className="cov-share-label">{t.coverage.answered}</span>
        </p>
        <p className="cov-applicable">
          {t.coverage.applicable(summary.total)}
          <span className="cov-applicable-hint">{t.coverage.answeredHint}</span>
          {report.filters.securityLevel !== undefined ? <span className="cov-applicable-hint">{t.coverage.enhancementsCounted}</span> : null}
        </p>
      </div>
      <dl className="cov-tiles">
        {TILES.map((status) => (
          <div key={status} className={`cov-tile cov-tile-${status}`} data-status={status}>
            <dt>{t.coverage.statuses[status]}</dt>
            <dd>{summary[status]}</dd>
          </div>
        ))}
      </dl>
    </HiddenTitleSection>
  );
}
