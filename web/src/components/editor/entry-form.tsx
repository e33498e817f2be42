import type { ReactNode } from 'react';
import { useT } from '../../i18n/i18n';
import { ProblemList } from './problem-list';
import { SaveBar } from './save-bar';
import type { EntryFormState } from './use-entry-form';

/**
 * A draft entry's form (a requirement or a term): the version it was read at,
 * the entry's fields, the problems the live check found, and the save bar.
 */
export function EntryForm<Entry extends { id: string }>({
  form,
  onReload,
  deleteLabel,
  children,
}: {
  form: EntryFormState<Entry>;
  onReload: () => void;
  deleteLabel: string;
  children: ReactNode;
}) {
  const t = useT();
  const { isNew, version, check, save, submit, remove } = form;
  return (
    <form className="editor-form" onSubmit={submit} noValidate>
      <p className="editor-version">{isNew ? null : t.editor.version(version)}</p>
      {children}
      <ProblemList problems={check.problems} checking={check.checking} />
      <SaveBar state={save.state} isNew={isNew} onReload={onReload} onDelete={isNew ? undefined : remove} deleteLabel={deleteLabel} />
    </form>
  );
}
