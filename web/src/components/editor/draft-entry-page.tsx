import { type ReactNode, useState } from 'react';
import { usePageTitle } from '../page-title';
import { ErrorView, Loading } from '../status';
import { DraftFrame } from './draft-frame';
import type { EntryEditorProps } from './use-entry-form';
import { useDraftOptions, useDraftOverview, useDraftResource } from './use-draft';

/**
 * A page with the form of one draft entry (a requirement or a term): loads the
 * draft, its options and, when editing, the entry; frames the editor under the
 * heading, started from `initial` of the stored entry (null for a new one) and
 * given the version it was read at. A reload after a conflict starts the form
 * again from what is stored now.
 */
export function DraftEntryPage<Stored extends { version: number }, Entry>({
  draftId,
  entryId,
  kind,
  heading,
  initial,
  editor: Editor,
}: {
  draftId: string;
  /** null: a new entry. */
  entryId: string | null;
  kind: 'requirements' | 'terms';
  heading: (stored: Stored | null) => string;
  initial: (stored: Stored | null) => Entry;
  editor: (props: EntryEditorProps<Entry>) => ReactNode;
}) {
  const overview = useDraftOverview(draftId);
  const options = useDraftOptions(draftId);
  const item = useDraftResource<Stored>(entryId ? ['drafts', draftId, kind, entryId] : null);
  const [round, setRound] = useState(0);
  const title = heading(item.status === 'ok' ? item.data : null);
  usePageTitle(title);

  for (const r of [overview, options, ...(entryId ? [item] : [])]) {
    if (r.status === 'error') return <ErrorView error={r.error} onRetry={r.reload} />;
  }
  if (overview.status !== 'ok' || options.status !== 'ok' || (entryId && item.status !== 'ok')) return <Loading />;
  const loaded = item.status === 'ok' ? item.data : null;
  const onReload = () => {
    item.reload();
    setRound((n) => n + 1);
  };
  return (
    <DraftFrame draft={overview.data.draft} tab={null} heading={title}>
      <Editor
        key={`${entryId ?? 'new'}|${round}|${loaded?.version ?? 0}`}
        draftId={draftId}
        initial={initial(loaded)}
        {...(loaded ? { version: loaded.version } : {})}
        options={options.data}
        onReload={onReload}
      />
    </DraftFrame>
  );
}
