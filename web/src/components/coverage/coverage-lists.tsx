import { useLocalize, useT } from '../../i18n/i18n';
import { standardRequirementPath } from '../../router/browse-paths';
import { Link } from '../../router/router';
import { CoverageBadge } from './coverage-badge';
import type { RequirementCoverage } from './coverage.types';

type ListStatus = 'gap' | 'pending' | 'out-of-scope';

/**
 * The requirements of one status: gaps, pending verification (flagged, with
 * why), or out of scope (with the declared reason). Ids link to the
 * requirement on its standard's page.
 */
export function StatusList({ standardId, rows, status }: { standardId: string; rows: RequirementCoverage[]; status: ListStatus }) {
  const t = useT();
  const localize = useLocalize();
  const list = rows.filter((r) => r.coverage === status);
  const text = t.coverage.lists[status];
  const headingId = `cov-list-${status}`;
  return (
    <section className={`card cov-list cov-list-${status}`} aria-labelledby={headingId} data-status={status}>
      <h2 id={headingId}>
        {text.title} <span className="cov-count">{t.coverage.count(list.length)}</span>
      </h2>
      <p className="cov-list-intro">{text.intro}</p>
      {list.length === 0 ? (
        <p className="muted cov-list-empty">{text.empty}</p>
      ) : (
        <ul className="cov-rows">
          {list.map((r) => (
            <li key={r.id} className="cov-row">
              <div className="cov-row-head">
                <Link to={standardRequirementPath(standardId, r.id)} className="cov-id">
                  {r.id}
                </Link>
                <span className="cov-row-title">{localize(r.title)}</span>
                {status === 'pending' ? <span className="cov-flag cov-flag-pending">{t.coverage.pendingFlag}</span> : <CoverageBadge status={status} />}
              </div>
              {r.reason ? (
                <p className="cov-reason">
                  <span className="cov-reason-label">{status === 'pending' ? t.coverage.pendingWhy : t.coverage.reason}</span>
                  {localize(r.reason)}
                </p>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
