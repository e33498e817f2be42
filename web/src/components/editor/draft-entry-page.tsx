import { Fragment, type ReactNode, useState } from 'react';
import { usePageTitle } from '../page-title';
import { ErrorView, Loading } from '../status';
import { DraftFrame } from './draft-frame';
import type { DraftOptions } from './editor-api';
import { useDraftOptions, useDraftOverview, useDraftResource } from './use-draft';

/** What the entry's form is given: the stored entry (null for a new one), the draft's options, and a reload after a conflict. */
export interface DraftEntryForm<Stored> {
  loaded: Stored | null;
  options: DraftOptions;
  onReload: () => void;
}

/**
 * A page with the form of one draft entry (a requirement or a term): loads the
 * draft, its options and, when editing, the entry; frames the form under the
 * heading. A reload after a conflict starts the form again from what is stored now.
 */
export function DraftEntryPage<Stored extends { version: number }>({
  draftId,
  entryId,
  kind,
  heading,
  form,
}: {
  draftId: string;
  /** null: a new entry. */
  entryId: string | null;
  kind: 'requirements' | 'terms';
  heading: (stored: Stored | null) => string;
  form: (entry: DraftEntryForm<Stored>) => ReactNode;
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
      <Fragment key={`${entryId ?? 'new'}|${round}|${loaded?.version ?? 0}`}>{form({ loaded, options: options.data, onReload })}</Fragment>
    </DraftFrame>
  );
}
