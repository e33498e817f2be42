import type { StandardDetail, StandardRow } from '../api/browse.types';
import { labelFor, useLocalize, useT } from '../i18n/i18n';
import { standardRequirementAnchor } from '../router/browse-paths';
import { requirementPath } from '../router/paths';
import { Link } from '../router/router';
import { ConfidenceBadge, UnconfirmedBadge } from './confidence-badge';
import { NumberedTitle } from './numbered-title';
import { TableHead } from './tables/table-head';
import { ScrollTable } from './tables/scroll-table';

type Conditions = StandardDetail['standard']['conditions'];

/** Kinds worth a badge: they differ from their neighbours (a standard's plain requirements or provisions need none). */
const SHOWN_KINDS: ReadonlySet<StandardRow['kind']> = new Set(['enhancement', 'variant', 'constraint']);

/** Status, levels, scope, conditions and flags of one standard requirement. */
function RowFacts({ row, conditions }: { row: StandardRow; conditions: Conditions }) {
  const t = useT();
  const localize = useLocalize();
  return (
    <span className="row-facts">
      {SHOWN_KINDS.has(row.kind) ? <span className="badge badge-kind">{labelFor(t.browse.nodeKinds, row.kind)}</span> : null}
      {row.status ? <span className={`badge status-${row.status}`}>{labelFor(t.browse.nodeStatuses, row.status)}</span> : null}
      {row.levels?.length ? <span className="badge badge-plain">{t.browse.levelsFact(row.levels.join(', '))}</span> : null}
      {row.appliesTo?.length ? <span className="badge badge-plain">{t.browse.appliesToFact(row.appliesTo.map((a) => a.toUpperCase()).join(', '))}</span> : null}
      {row.conditions?.map((id) => (
        <span key={id} className="badge badge-condition">
          {t.browse.conditionFact(localize(conditions?.[id]) || id)}
        </span>
      ))}
      {row.confidence ? <ConfidenceBadge confidence={row.confidence} /> : null}
      {row.unconfirmed ? <UnconfirmedBadge /> : null}
    </span>
  );
}

/** What the guidebook says about one standard requirement: the items reaching it, an out-of-scope reason, or a gap. */
function Answer({ row }: { row: StandardRow }) {
  const t = useT();
  const localize = useLocalize();
  if (row.mappedBy.length > 0) {
    return (
      <ul className="mapped-list">
        {row.mappedBy.map((item) => (
          <li key={item.requirementId}>
            <Link to={requirementPath(item.requirementId)} className="mapped-item">
              <NumberedTitle number={item.number} title={localize(item.title)} />
            </Link>
            <span className={`relationship relationship-${item.relationship}`}>{labelFor(t.relationships, item.relationship)}</span>
          </li>
        ))}
      </ul>
    );
  }
  if (row.outOfScope) {
    const pending = row.outOfScope.unconfirmedTarget === true;
    return (
      <div className="answer-out">
        <span className={pending ? 'badge badge-pending' : 'badge badge-out'}>{pending ? t.browse.pendingVerification : t.browse.outOfScope}</span>
        <p className="answer-reason">{localize(row.outOfScope.reason)}</p>
      </div>
    );
  }
  if (row.gap) return <span className="badge badge-gap">{t.browse.gap}</span>;
  if (row.status === 'withdrawn') return <span className="muted">{t.browse.withdrawnNoAnswer}</span>;
  return <span className="muted">{t.browse.noAnswerNeeded}</span>;
}

/** Every node of the standard in tree order: groups as headings, requirements indented under them. */
export function StandardRows({ detail, targetId }: { detail: StandardDetail; targetId: string | null }) {
  const t = useT();
  const localize = useLocalize();
  const conditions = detail.standard.conditions;
  return (
    <div className="card card-flush">
      <ScrollTable className="data-table standard-table">
        <caption className="visually-hidden">{t.browse.standardTableCaption(localize(detail.standard.title))}</caption>
        <TableHead columns={[t.standardRequirement, t.browse.guidebookAnswer]} />
        <tbody>
          {detail.requirements.map((row) => {
            const anchor = standardRequirementAnchor(row.id);
            const target = anchor === targetId ? ' is-target' : '';
            if (row.kind === 'group') {
              return (
                <tr key={row.id} id={anchor} className={`group-row depth-${Math.min(row.depth, 4)}${target}`}>
                  <th scope="colgroup" colSpan={2}>
                    <code className="node-id">{row.id}</code> {localize(row.title)}
                  </th>
                </tr>
              );
            }
            return (
              <tr key={row.id} id={anchor} className={`node-row${row.gap ? ' is-gap' : ''}${row.status === 'withdrawn' ? ' is-withdrawn' : ''}${target}`}>
                <th scope="row" className={`node-cell depth-${Math.min(row.depth, 4)}`}>
                  <code className="node-id">{row.id}</code>
                  <span className="node-title">{localize(row.title)}</span>
                  <RowFacts row={row} conditions={conditions} />
                </th>
                <td className="answer-cell">
                  <Answer row={row} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </ScrollTable>
    </div>
  );
}

/** How many stated requirements are mapped, out of scope, pending verification, or gaps. */
export function answerCounts(rows: readonly StandardRow[]) {
  const counts = { mapped: 0, outOfScope: 0, pending: 0, gap: 0 };
  for (const row of rows) {
    if (row.mappedBy.length > 0) counts.mapped += 1;
    else if (row.outOfScope?.unconfirmedTarget) counts.pending += 1;
    else if (row.outOfScope) counts.outOfScope += 1;
    else if (row.gap) counts.gap += 1;
  }
  return counts;
}
