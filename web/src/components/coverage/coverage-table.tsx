import { type ChangeEvent, Fragment, useId, useState } from 'react';
import { labelFor, useLocalize, useT } from '../../i18n/i18n';
import { requirementPath } from '../../router/paths';
import { Link } from '../../router/router';
import { CoverageBadge } from './coverage-badge';
import type { CoverageStatus, RequirementCoverage, StandardCoverage } from './coverage.types';
import { Options } from '../forms/options';
import { TableHead } from '../tables/table-head';
import { ScrollTable } from '../tables/scroll-table';

const SHOWN: CoverageStatus[] = ['covered', 'partial', 'out-of-scope', 'pending', 'gap', 'not-applicable'];

function Facts({ row, conditions }: { row: RequirementCoverage; conditions: StandardCoverage['filterOptions']['conditions'] }) {
  const t = useT();
  const localize = useLocalize();
  const condition = (id: string) => localize(conditions.find((c) => c.id === id)?.label) || id;
  return (
    <span className="cov-facts">
      {row.kind !== 'requirement' ? <span className="cov-fact">{labelFor(t.browse.nodeKinds, row.kind)}</span> : null}
      {row.status ? <span className="cov-fact">{labelFor(t.browse.nodeStatuses, row.status)}</span> : null}
      {row.levels.length ? <span className="cov-fact">{t.browse.levelsFact(row.levels.join(', '))}</span> : null}
      {row.appliesTo.length ? <span className="cov-fact">{t.browse.appliesToFact(row.appliesTo.map((a) => a.toUpperCase()).join(', '))}</span> : null}
      {row.conditions.map((id) => (
        <span key={id} className="cov-fact">
          {t.browse.conditionFact(condition(id))}
        </span>
      ))}
      {row.unconfirmed ? <span className="cov-fact cov-fact-warn">{t.browse.unconfirmed}</span> : null}
    </span>
  );
}

function Row({ row, report, sub }: { row: RequirementCoverage; report: StandardCoverage; sub: boolean }) {
  const t = useT();
  const localize = useLocalize();
  const unverified = report.unverifiedLevels.includes(row.id);
  return (
    <tr className={`cov-table-row${sub ? ' is-sub' : ''}`} data-coverage={row.coverage}>
      <th scope="row">
        <span className="cov-id">{row.id}</span>
        <span className="cov-table-title">{localize(row.title)}</span>
        <Facts row={row} conditions={report.filterOptions.conditions} />
      </th>
      <td>
        <CoverageBadge status={row.coverage} />
        {unverified ? <span className="cov-flag cov-flag-unverified">{t.coverage.slUnverified}</span> : null}
        {row.reason ? <p className="cov-reason">{localize(row.reason)}</p> : null}
      </td>
      <td>
        {row.links.length === 0 ? (
          <span className="muted">—</span>
        ) : (
          <ul className="cov-links">
            {row.links.map((link) => (
              <li key={`${link.requirementId}|${link.relationship}`}>
                <Link to={requirementPath(link.requirementId)}>
                  <span className="item-number">{link.number}</span> {localize(link.title)}
                </Link>
                <span className={`cov-rel cov-rel-${link.relationship}`}>{labelFor(t.relationships, link.relationship)}</span>
              </li>
            ))}
          </ul>
        )}
      </td>
    </tr>
  );
}

/** Every requirement (enhancements indented under theirs) with its status and the items behind it; filterable by status. */
export function CoverageTable({ report }: { report: StandardCoverage }) {
  const t = useT();
  const id = useId();
  const [show, setShow] = useState<CoverageStatus | ''>('');
  const keep = (r: RequirementCoverage) => show === '' || r.coverage === show;
  const rows = report.requirements.filter((r) => keep(r) || r.enhancements.some(keep));
  return (
    <section className="card card-flush cov-table-card" aria-labelledby="cov-table-title">
      <div className="cov-section-head cov-table-head">
        <h2 id="cov-table-title">{t.coverage.tableTitle}</h2>
        <div className="cov-filter cov-filter-inline">
          <label htmlFor={id}>{t.coverage.tableShow}</label>
          <select id={id} value={show} onChange={(e: ChangeEvent<HTMLSelectElement>) => setShow(e.target.value as CoverageStatus | '')}>
            <option value="">{t.coverage.any}</option>
            <Options of={SHOWN} label={(s) => t.coverage.statuses[s]} />
          </select>
        </div>
      </div>
      <ScrollTable className="data-table cov-table">
        <caption className="visually-hidden">{t.coverage.tableCaption(report.standard.id)}</caption>
        <TableHead columns={[t.coverage.columnRequirement, { label: t.coverage.columnStatus, className: 'cov-col-status' }, t.coverage.columnItems]} />
        <tbody>
          {rows.map((r) => (
            <Fragment key={r.id}>
              {keep(r) ? <Row row={r} report={report} sub={false} /> : null}
              {r.enhancements.filter(keep).map((e) => (
                <Row key={e.id} row={e} report={report} sub />
              ))}
            </Fragment>
          ))}
        </tbody>
      </ScrollTable>
      {rows.length === 0 ? <p className="muted cov-table-empty">{t.coverage.tableEmpty}</p> : null}
    </section>
  );
}
