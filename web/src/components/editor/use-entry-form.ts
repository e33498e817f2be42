import { type FormEvent, useMemo, useState } from 'react';
import { navigate } from '../../router/router';
import { type DraftOptions, draftApi, type ItemKind } from './editor-api';
import { useSave } from './save-state';
import { useLiveCheck } from './use-live-check';

/**
 * The state of one draft entry's form (a requirement or a term): the value,
 * checked against the whole draft as the user types, created or saved with
 * the version it was read at, or deleted. A new entry's page becomes the
 * entry's own once created; a deleted entry's page returns to its list.
 */
/** What a requirement's or a term's form is given by its page. */
export interface EntryEditorProps<Entry> {
  draftId: string;
  initial: Entry;
  /** The version the entry was read at; absent for a new entry. */
  version?: number;
  options: DraftOptions;
  onReload: () => void;
}

export function useEntryForm<Entry extends { id: string }>(
  { draftId, initial, version: initialVersion }: EntryEditorProps<Entry>,
  {
    kind,
    payload,
    createdPath,
    listPath,
  }: {
    kind: ItemKind;
    /** What is sent for the value (optional fields left out). */
    payload: (value: Entry) => Entry;
    createdPath: (id: string) => string;
    listPath: string;
  },
) {
  const isNew = initialVersion === undefined;
  const [value, setValue] = useState<Entry>(initial);
  const [version, setVersion] = useState(initialVersion ?? 0);
  const body = useMemo(() => payload(value), [value, payload]);
  const check = useLiveCheck(draftId, kind, body, isNew ? 'create' : 'update');
  const save = useSave(check.replace);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (isNew) {
      const created = await save.run(() => draftApi.create(draftId, kind, body));
      if (created) navigate(createdPath(created.id), { replace: true });
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
    if (done) navigate(listPath);
  };

  return { value, setValue, version, isNew, check, save, submit, remove };
}
