import type { FieldError } from '../api/types';
import { useLanguage, useT } from '../i18n/i18n';
import { fieldErrorText } from './status';

/** One problem the server lists: where (a cell, a line, a requirement id) and what; a workbook warning carries no code. */
export type ListedProblem = Pick<FieldError, 'path' | 'message'> & { code?: string };

/**
 * The server's problems one per line: the place as the server names it, then
 * what is wrong in the UI language by its code (`fieldErrorText`). The server's
 * own sentence often says more than the code (the bad value, the allowed
 * ones), so outside English it stays one click away, marked as English; a
 * problem without a code has only that sentence.
 */
export function ServerProblemList({ problems, className }: { problems: readonly ListedProblem[]; className?: string }) {
  return (
    <ul className={className}>
      {problems.map((p) => (
        <li key={`${p.path}|${p.message}`}>
          <code>{p.path}</code> <ProblemText problem={p} />
        </li>
      ))}
    </ul>
  );
}

function ProblemText({ problem }: { problem: ListedProblem }) {
  const t = useT();
  const { lang } = useLanguage();
  if (lang === 'en') return <>{problem.message}</>;
  const detail = (
    <span lang="en" className="problem-detail">
      {problem.message}
    </span>
  );
  if (problem.code === undefined) return detail;
  return (
    <>
      {fieldErrorText(t, { ...problem, code: problem.code })}{' '}
      <details className="problem-detail">
        <summary>{t.problemDetail}</summary>
        {detail}
      </details>
    </>
  );
}
