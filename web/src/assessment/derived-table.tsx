import { DERIVED_RESULTS, type DerivedView } from '../api/assessment.types';
import { useLocalize, useT } from '../i18n/i18n';
import { RequirementRowsTable } from './requirement-rows-table';

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
      <RequirementRowsTable
        assessmentId={assessmentId}
        rows={view.requirements}
        caption={localize(view.standard.title)}
        verdict={(q) => (
          <>
            <span className={`derived-result derived-${q.result}`}>{t.results.derivedResults[q.result]}</span>
            {q.conflict ? <p className="field-error">{t.results.conflict}</p> : null}
          </>
        )}
      />
    </>
  );
}
