import { useState } from 'react';
import { DraftFrame } from '../components/editor/draft-frame';
import type { TermDraft } from '../components/editor/editor-api';
import { emptyTerm, TermEditor } from '../components/editor/term-editor';
import { useDraftOptions, useDraftOverview, useDraftResource } from '../components/editor/use-draft';
import { usePageTitle } from '../components/page-title';
import { ErrorView, Loading } from '../components/status';
import { useLocalize, useT } from '../i18n/i18n';
import '../components/editor/editor.css';

/** /editor/:draftId/terms/:id and /editor/:draftId/new-term. */
export function EditorTermPage({ draftId, termId }: { draftId: string; termId: string | null }) {
  const t = useT();
  const localize = useLocalize();
  const overview = useDraftOverview(draftId);
  const options = useDraftOptions(draftId);
  const item = useDraftResource<{ term: TermDraft; version: number }>(termId ? ['drafts', draftId, 'terms', termId] : null);
  const [round, setRound] = useState(0);
  const heading = termId ? t.editor.termTitle(item.status === 'ok' ? localize(item.data.term.term) : termId) : t.editor.newTermTitle;
  usePageTitle(heading);

  for (const r of [overview, options, ...(termId ? [item] : [])]) {
    if (r.status === 'error') return <ErrorView error={r.error} onRetry={r.reload} />;
  }
  if (overview.status !== 'ok' || options.status !== 'ok' || (termId && item.status !== 'ok')) return <Loading />;
  const loaded = item.status === 'ok' ? item.data : null;
  return (
    <DraftFrame draft={overview.data.draft} tab={null} heading={heading}>
      <TermEditor
        key={`${termId ?? 'new'}|${round}|${loaded?.version ?? 0}`}
        draftId={draftId}
        initial={loaded ? { ...loaded.term, related: loaded.term.related ?? [], industryUsage: loaded.term.industryUsage ?? [] } : emptyTerm()}
        {...(loaded ? { version: loaded.version } : {})}
        options={options.data}
        onReload={() => {
          item.reload();
          setRound((n) => n + 1);
        }}
      />
    </DraftFrame>
  );
}
