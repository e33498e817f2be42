import { type FormEvent, useId, useState } from 'react';
import { apiPath } from '../../api/client';
import { useApi } from '../../api/use-api';
import { labelFor, useLocalize, useT } from '../../i18n/i18n';
import { requirementPath } from '../../router/paths';
import { Link } from '../../router/router';
import { useSession } from '../../session/session';
import { ErrorView, Loading } from '../status';
import type { CoverageOverview, CrossStandardView, StandardCoverage } from './coverage.types';
import { Options } from '../forms/options';
import { TableHead } from '../tables/table-head';
import { ScrollTable } from '../tables/scroll-table';

interface Choice {
  requirement: string;
  to: string;
}

function CrossResult({ editionId, choice }: { editionId: string; choice: Choice & { from: string } }) {
  const t = useT();
  const localize = useLocalize();
  const who = useSession().user?.id ?? 'anonymous';
  const query = new URLSearchParams({ from: choice.from, requirement: choice.requirement, to: choice.to });
  const result = useApi<CrossStandardView>(`${apiPath('editions', editionId, 'cross')}?${query}`, who);
  if (result.status === 'loading') return <Loading />;
  if (result.status === 'error') return <ErrorView error={result.error} onRetry={result.retry} />;
  const view = result.data;
  const rel = (r: string) => labelFor(t.relationships, r);
  return (
    <div className="cov-cross-result" aria-live="polite">
      <p className="cov-cross-summary">{t.coverage.crossResult(view.from.requirement, localize(view.to.title), view.targets.length)}</p>
      {view.targets.length === 0 ? (
        <p className="muted">{t.coverage.crossNone}</p>
      ) : (
        <ScrollTable className="data-table cov-cross-table">
          <TableHead columns={[t.coverage.crossTarget, t.coverage.crossVia, t.coverage.crossFromRel(view.from.requirement), t.coverage.crossToRel]} />
          <tbody>
            {view.targets.flatMap((target) =>
              target.via.map((via, index) => (
                <tr key={`${target.id}|${via.requirementId}|${via.fromRelationship}|${via.toRelationship}`}>
                  {index === 0 ? (
                    <th scope="rowgroup" rowSpan={target.via.length}>
                      <span className="cov-id">{target.id}</span>
                      <span className="cov-table-title">{localize(target.title)}</span>
                    </th>
                  ) : null}
                  <td>
                    <Link to={requirementPath(via.requirementId)}>
                      <span className="item-number">{via.number}</span> {localize(via.title)}
                    </Link>
                  </td>
                  <td>
                    <span className={`cov-rel cov-rel-${via.fromRelationship}`}>{rel(via.fromRelationship)}</span>
                  </td>
                  <td>
                    <span className={`cov-rel cov-rel-${via.toRelationship}`}>{rel(via.toRelationship)}</span>
                  </td>
                </tr>
              )),
            )}
          </tbody>
        </ScrollTable>
      )}
    </div>
  );
}

/**
 * Pick a requirement of this standard and a second standard: the second
 * standard's requirements that share guidebook items with it, one hop through
 * the guidebook (never chained through a third standard).
 */
export function CrossStandardPanel({ report, standards }: { report: StandardCoverage; standards: CoverageOverview['standards'] }) {
  const t = useT();
  const localize = useLocalize();
  const ids = { requirement: useId(), to: useId() };
  const candidates = report.requirements.flatMap((r) => [r, ...r.enhancements]).filter((r) => r.links.length > 0);
  const others = standards.filter((s) => s.id !== report.standard.id);
  const [draft, setDraft] = useState<Choice>({ requirement: candidates[0]?.id ?? '', to: others[0]?.id ?? '' });
  const [shown, setShown] = useState<Choice | null>(null);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (draft.requirement && draft.to) setShown({ ...draft });
  };
  return (
    <section className="card cov-cross" aria-labelledby="cov-cross-title">
      <h2 id="cov-cross-title">{t.coverage.crossTitle}</h2>
      <p className="cov-list-intro">{t.coverage.crossIntro}</p>
      {candidates.length === 0 || others.length === 0 ? (
        <p className="muted">{t.coverage.crossUnavailable}</p>
      ) : (
        <form className="cov-cross-form" onSubmit={submit}>
          <div className="cov-filter cov-filter-wide">
            <label htmlFor={ids.requirement}>{t.coverage.crossFrom}</label>
            <select id={ids.requirement} value={draft.requirement} onChange={(e) => setDraft({ ...draft, requirement: e.target.value })}>
              <Options of={candidates} value={(r) => r.id} label={(r) => `${r.id} — ${localize(r.title)}`} />
            </select>
          </div>
          <div className="cov-filter">
            <label htmlFor={ids.to}>{t.coverage.crossTo}</label>
            <select id={ids.to} value={draft.to} onChange={(e) => setDraft({ ...draft, to: e.target.value })}>
              <Options of={others} value={(s) => s.id} label={(s) => localize(s.title)} />
            </select>
          </div>
          <button type="submit" className="button button-primary">
            {t.coverage.crossShow}
          </button>
        </form>
      )}
      {shown ? <CrossResult editionId={report.edition.id} choice={{ ...shown, from: report.standard.id }} /> : null}
    </section>
  );
}
