import { useEffect, useState } from 'react';
import { type AssessmentView, type Readiness, VERDICTS } from '../api/assessment.types';
import { api } from '../api/client';
import { assessmentApi } from '../api/assessments';
import { useLocalize, useT } from '../i18n/i18n';
import type { WorkspaceMessages } from '../i18n/messages-workspace';
import type { AnswerBook } from './use-answer-book';

interface Results {
  readiness: Readiness[];
  derived: { standard: { id: string; title: { ja: string; en: string } }; summary: Record<string, number> & { total: number } } | null;
}

/** Readiness from the results API, fetched again when the assessment's version moves (it is cached by version there). */
function useReadiness(view: AssessmentView, version: number): Results | null {
  const [results, setResults] = useState<Results | null>(null);
  const standard = view.spec.target?.standard;
  // biome-ignore lint/correctness/useExhaustiveDependencies: version is the re-fetch trigger.
  useEffect(() => {
    const controller = new AbortController();
    const query = standard ? `?${new URLSearchParams({ standard }).toString()}` : '';
    api.get<Results>(`${assessmentApi(view.id, 'results')}${query}`, controller.signal).then(setResults, () => undefined);
    return () => controller.abort();
  }, [view.id, standard, version]);
  return results;
}

interface ProgressBarProps {
  view: AssessmentView;
  book: AnswerBook;
  w: WorkspaceMessages;
  version: number;
  onShowBlockers: () => void;
}

/** Sticky: answered / total, verdict counts, readiness of the target standard, and what blocks finalising. */
export function ProgressBar({ view, book, w, version, onShowBlockers }: ProgressBarProps) {
  const t = useT();
  const localize = useLocalize();
  const results = useReadiness(view, version);
  const counts = Object.fromEntries(VERDICTS.map((v) => [v, 0])) as Record<(typeof VERDICTS)[number], number>;
  for (const item of view.items) {
    const v = book.shown(item.requirementId)?.verdict;
    if (v) counts[v] += 1;
  }
  const total = view.items.length;
  const open = counts.unassessed;
  return (
    <section className="progress-bar" aria-label={w.progress}>
      <p className="progress-answered">
        <strong>{w.answered(total - open, total)}</strong>
        <progress max={total} value={total - open} aria-label={w.answered(total - open, total)} />
      </p>
      <ul className="progress-counts">
        {VERDICTS.filter((v) => v !== 'unassessed').map((v) => (
          <li key={v} className={`verdict verdict-${v}`}>
            {t.assessments.verdicts[v]} {counts[v]}
          </li>
        ))}
      </ul>
      {results ? (
        <ul className="progress-readiness" aria-label={w.readiness}>
          {results.derived ? (
            <li>
              {localize(results.derived.standard.title)}: {t.results.derivedResults.met} {results.derived.summary.met ?? 0} / {results.derived.summary.total}
            </li>
          ) : null}
          {results.readiness.map((r) => (
            <li key={r.scheme} className={`readiness-state readiness-${r.state}`}>
              {w.readinessOf(localize(r.label), t.results.readinessStates[r.state])}
            </li>
          ))}
        </ul>
      ) : null}
      {open > 0 ? (
        <button type="button" className="button button-ghost progress-blockers" onClick={onShowBlockers}>
          {w.blockers(open)}
        </button>
      ) : (
        <span className="muted">{w.noBlockers}</span>
      )}
    </section>
  );
}
