import { useT } from '../../i18n/i18n';
import type { DraftProblem } from './editor-api';
import { fieldErrorText } from '../status';

/**
 * Every problem the draft reports for the current input, errors first. The
 * fields show theirs too; this list also carries those elsewhere in the draft
 * (e.g. a term still used by another item). A polite live region, so screen
 * readers hear the outcome of the check without losing their place.
 */
export function ProblemList({ problems, checking }: { problems: DraftProblem[]; checking: boolean }) {
  const t = useT();
  const errors = problems.filter((p) => p.severity === 'error');
  const warnings = problems.filter((p) => p.severity === 'warning');
  const text = (p: DraftProblem) => fieldErrorText(t, p);
  return (
    <div className="editor-problems" aria-live="polite">
      {checking ? <p className="editor-checking">{t.editor.checking}</p> : null}
      {errors.length > 0 ? (
        <div className="notice notice-error">
          <p className="editor-problems-title">{t.editor.problemsTitle}</p>
          <ul>
            {errors.map((p) => (
              <li key={`${p.path}|${p.message}`}>
                <code>{p.path}</code> {text(p)}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {warnings.length > 0 ? (
        <div className="notice notice-info">
          <p className="editor-problems-title">{t.editor.warningsTitle}</p>
          <ul>
            {warnings.map((p) => (
              <li key={`${p.path}|${p.message}`}>
                <code>{p.path}</code> {text(p)}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}
