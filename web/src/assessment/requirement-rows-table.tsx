import type { ReactNode } from 'react';
import type { DerivedLink } from '../api/assessment.types';
import type { Localized } from '../api/types';
import { useT } from '../i18n/i18n';
import { DerivedLinks } from './derived-links';
import { TableHead } from '../components/tables/table-head';
import { ScrollTable } from '../components/tables/scroll-table';
import { IdTitleRowHeader } from '../components/tables/id-title-row-header';

/** What a row needs: a standard's requirement and the guidebook items that carry it (or only give evidence). */
export interface RequirementRow {
  id: string;
  title: Localized;
  carried: DerivedLink[];
  partialEvidence: DerivedLink[];
}

/**
 * A table of a standard's requirements as an assessment answers them: the
 * requirement, its verdict (drawn by the caller: a derived result, a scheme
 * state ...) and the items behind it. Shared by the derived table and the
 * readiness panel.
 */
export function RequirementRowsTable<Row extends RequirementRow>({
  assessmentId,
  rows,
  caption,
  verdict,
}: {
  assessmentId: string;
  rows: readonly Row[];
  caption?: string;
  verdict: (row: Row) => ReactNode;
}) {
  const t = useT();
  return (
    <ScrollTable className="data-table">
      {caption === undefined ? null : <caption className="visually-hidden">{caption}</caption>}
      <TableHead columns={[t.results.requirement, t.results.state, t.results.items]} />
      <tbody>
        {rows.map((q) => (
          <tr key={q.id}>
            <IdTitleRowHeader id={q.id} title={q.title} />
            <td>{verdict(q)}</td>
            <td>
              <DerivedLinks assessmentId={assessmentId} links={q.carried} />
              {q.partialEvidence.length > 0 ? (
                <>
                  <p className="muted">{t.results.partialEvidence}</p>
                  <DerivedLinks assessmentId={assessmentId} links={q.partialEvidence} />
                </>
              ) : null}
            </td>
          </tr>
        ))}
      </tbody>
    </ScrollTable>
  );
}
