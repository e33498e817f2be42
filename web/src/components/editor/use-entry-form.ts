import { type FormEvent, useMemo, useState } from 'react';
import { navigate } from '../../router/router';
import { type DraftOptions, draftApi, editorPaths, type ItemKind } from './editor-api';
import { useSave } from './save-state';
import { useLiveCheck } from './use-live-check';

/** What a requirement's or a term's form is given by its page. */
export interface EntryEditorProps<Entry> {
  draftId: string;
  initial: Entry;
  /** The version the entry was read at; absent for a new entry. */
  version?: number;
  options: DraftOptions;
  onReload: () => void;
}

/** Each kind's pages in the draft editor: an entry's own, and the list it is shown in. */
const PAGES: Record<ItemKind, { entry: (draftId: string, id: string) => string; list: (draftId: string) => string }> = {
  requirement: { entry: editorPaths.requirement, list: editorPaths.draft },
  term: { entry: editorPaths.term, list: (draftId) => editorPaths.tab(draftId, 'terms') },
};

/**
 * The state of one draft entry's form (a requirement or a term): the value,
 * checked against the whole draft as the user types, created or saved with
 * the version it was read at, or deleted. A new entry's page becomes the
 * entry's own once created; a deleted entry's page returns to its list.
 * `payload` is what is sent for the value (optional fields left out).
 */
export function useEntryForm<Entry extends { id: string }>(
  { draftId, initial, version: initialVersion }: EntryEditorProps<Entry>,
  kind: ItemKind,
  payload: (value: Entry) => Entry,
) {
  const isNew = initialVersion === undefined;
  const [value, setValue] = useState<Entry>(initial);
  /** Sets one field of the entry. */
  const set = <K extends keyof Entry>(key: K, v: Entry[K]) => setValue((prev) => ({ ...prev, [key]: v }));
  const [version, setVersion] = useState(initialVersion ?? 0);
  const body = useMemo(() => payload(value), [value, payload]);
  const check = useLiveCheck(draftId, kind, body, isNew ? 'create' : 'update');
  const save = useSave(check.replace);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (isNew) {
      const created = await save.run(() => draftApi.create(draftId, kind, body));
      if (created) navigate(PAGES[kind].entry(draftId, created.id), { replace: true });
      return;
    }
    const saved = await save.run(() => draftApi.update(draftId, kind, value.id, body, version));
    if (saved) {
      setVersion(saved.version);
      check.replace(saved.warnings);
    }
  };

  const remove = async () => {
    const done = await save.run(async () => {
      await draftApi.remove(draftId, kind, value.id, version);
      return true;
    });
    if (done) navigate(PAGES[kind].list(draftId));
  };

  return { value, set, version, isNew, check, save, submit, remove };
}

/** What useEntryForm gives the form it drives. */
export type EntryFormState<Entry extends { id: string }> = ReturnType<typeof useEntryForm<Entry>>;
