import type { Readiness } from '../api/assessment.types';
import { useLocalize, useT } from '../i18n/i18n';
import { RequirementRowsTable } from './requirement-rows-table';

/** JC-STAR ★1 and ETSI EN 303 645 mandatory: the scheme's state, and every requirement with the items behind it. */
export function ReadinessPanel({ assessmentId, readiness }: { assessmentId: string; readiness: Readiness[] }) {
  const t = useT();
  const localize = useLocalize();
  return (
    <section className="card" aria-labelledby="readiness-title">
      <h2 id="readiness-title">{t.results.readiness}</h2>
      <p className="field-hint">{t.results.readinessIntro}</p>
      {readiness.map((r) => (
        <details key={r.scheme} className="readiness">
          <summary>
            <strong>{localize(r.label)}</strong>: <span className={`readiness-state readiness-${r.state}`}>{t.results.readinessStates[r.state]}</span>{' '}
            <span className="muted">({t.results.readinessCounts(r.counts.met, r.counts['not-met'], r.counts.unknown)})</span>
          </summary>
          <RequirementRowsTable
            assessmentId={assessmentId}
            rows={r.requirements}
            verdict={(q) => (
              <>
                <span className={`readiness-state readiness-${q.state}`}>{t.results.readinessStates[q.state]}</span>
                <br />
                <span className="muted">{t.results.derivedResults[q.result]}</span>
              </>
            )}
          />
        </details>
      ))}
    </section>
  );
}
