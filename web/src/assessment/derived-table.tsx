import { DERIVED_RESULTS, type DerivedView } from '../api/assessment.types';
import { useLocalize, useT } from '../i18n/i18n';
import { DerivedLinks } from './derived-links';

/** One standard's requirements as this assessment answers them. */
export function DerivedTable({ assessmentId, view }: { assessmentId: string; view: DerivedView }) {
  const t = useT();
  const localize = useLocalize();
  return (
    <>
      <ul className="chips derived-summary">
        {DERIVED_RESULTS.map((r) => (
          <li key={r} className="chip">
            {t.results.derivedResults[r]} {view.summary[r]}
          </li>
        ))}
      </ul>
      <div className="table-scroll">
        <table className="data-table">
          <caption className="visually-hidden">{localize(view.standard.title)}</caption>
          <thead>
            <tr>
              <th scope="col">{t.results.requirement}</th>
              <th scope="col">{t.results.state}</th>
              <th scope="col">{t.results.items}</th>
            </tr>
          </thead>
          <tbody>
            {view.requirements.map((q) => (
              <tr key={q.id}>
                <th scope="row">
                  <span className="cov-id">{q.id}</span> {localize(q.title)}
                </th>
                <td>
                  <span className={`derived-result derived-${q.result}`}>{t.results.derivedResults[q.result]}</span>
                  {q.conflict ? <p className="field-error">{t.results.conflict}</p> : null}
                </td>
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
        </table>
      </div>
    </>
  );
}
