import { DERIVED_RESULTS, type DerivedView } from '../api/assessment.types';
import { useLocalize, useT } from '../i18n/i18n';
import { RequirementRowsTable } from './requirement-rows-table';
import { Chips } from '../components/chips';

/** One standard's requirements as this assessment answers them. */
export function DerivedTable({ assessmentId, view }: { assessmentId: string; view: DerivedView }) {
  const t = useT();
  const localize = useLocalize();
  return (
    <>
      <Chips
        className="derived-summary"
        items={DERIVED_RESULTS}
        label={(r) => (
          <>
            {t.results.derivedResults[r]} {view.summary[r]}
          </>
        )}
      />
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
