import { useT } from '../../i18n/i18n';
import type { CoverageCounts, CoverageStatus } from './coverage.types';
import { ANSWER_ORDER } from './coverage.types';

/** A coverage status as a coloured label; pending reads "pending verification", never "out of scope". */
export function CoverageBadge({ status }: { status: CoverageStatus }) {
  const t = useT();
  return (
    <span className={`cov-badge cov-badge-${status}`} title={t.coverage.statusNotes[status]}>
      {t.coverage.statuses[status]}
    </span>
  );
}

/** The colours of the charts, named: swatch and label per status. */
export function StatusKey() {
  const t = useT();
  return (
    <ul className="cov-legend cov-chart-key" aria-label={t.coverage.statusKey}>
      {ANSWER_ORDER.map((status) => (
        <li key={status}>
          <span className={`cov-swatch cov-swatch-${status}`} aria-hidden="true" />
          <span className="cov-legend-label">{t.coverage.statuses[status]}</span>
        </li>
      ))}
    </ul>
  );
}

/** The counts of a summary as a legend: swatch, label, count; the text alternative of every chart. */
export function CountsLegend({ counts, label }: { counts: CoverageCounts; label: string }) {
  const t = useT();
  return (
    <ul className="cov-legend" aria-label={label}>
      {ANSWER_ORDER.map((status) => (
        <li key={status} className={counts[status] === 0 ? 'is-zero' : undefined}>
          <span className={`cov-swatch cov-swatch-${status}`} aria-hidden="true" />
          <span className="cov-legend-label">{t.coverage.statuses[status]}</span>
          <span className="cov-legend-count" data-status={status}>
            {counts[status]}
          </span>
        </li>
      ))}
    </ul>
  );
}
