import type { FieldError } from '../api/types';
import { useLanguage, useT } from '../i18n/i18n';
import { problemPlaceText } from '../i18n/field-error-text';
import { fieldErrorText } from './status';

/** One problem the server lists: where (a cell, a line, a requirement id), what (its code and params) and the server's English account. */
export type ListedProblem = Pick<FieldError, 'path' | 'message' | 'code' | 'params' | 'at'>;

/**
 * The server's problems one per line: the place (said in the UI language where
 * the server sends it as data, "the file" or "line 3, column 7"; cells, ids and
 * pointers as they are), then
 * what is wrong in the UI language, made from the problem's code and params
 * (`fieldErrorText`: the bad value, the allowed ones, the ids that disagree).
 * In Japanese nothing of the server's English sentence is shown; a code the UI
 * does not know gets the generic sentence. In English the server's own
 * sentence is shown as it is.
 */
export function ServerProblemList({ problems, className }: { problems: readonly ListedProblem[]; className?: string }) {
  const t = useT();
  const { lang } = useLanguage();
  return (
    <ul className={className}>
      {problems.map((p) => (
        <li key={`${p.path}|${p.message}`}>
          <code>{problemPlaceText(t, p)}</code> {lang === 'en' ? p.message : fieldErrorText(t, p)}
        </li>
      ))}
    </ul>
  );
}
