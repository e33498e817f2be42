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
  return (
    <div className="editor-problems" aria-live="polite">
      {checking ? <p className="editor-checking">{t.editor.checking}</p> : null}
      <ProblemGroup kind="error" title={t.editor.problemsTitle} problems={problems.filter((p) => p.severity === 'error')} />
      <ProblemGroup kind="info" title={t.editor.warningsTitle} problems={problems.filter((p) => p.severity === 'warning')} />
    </div>
  );
}

/** One severity's problems in a notice; nothing when there are none. */
function ProblemGroup({ kind, title, problems }: { kind: 'error' | 'info'; title: string; problems: DraftProblem[] }) {
  const t = useT();
  if (problems.length === 0) return null;
  return (
    <div className={`notice notice-${kind}`}>
      <p className="editor-problems-title">{title}</p>
      <ul>
        {problems.map((p) => (
          <li key={`${p.path}|${p.message}`}>
            <code>{p.path}</code> {fieldErrorText(t, p)}
          </li>
        ))}
      </ul>
    </div>
  );
}
