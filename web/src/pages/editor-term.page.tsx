import { DraftEntryPage } from '../components/editor/draft-entry-page';
import type { TermDraft } from '../components/editor/editor-api';
import { emptyTerm, TermEditor } from '../components/editor/term-editor';
import { useLocalize, useT } from '../i18n/i18n';
import '../components/editor/editor.css';

/** /editor/:draftId/terms/:id and /editor/:draftId/new-term. */
export function EditorTermPage({ draftId, termId }: { draftId: string; termId: string | null }) {
  const t = useT();
  const localize = useLocalize();
  return (
    <DraftEntryPage<{ term: TermDraft; version: number }, TermDraft>
      draftId={draftId}
      entryId={termId}
      kind="terms"
      heading={(stored) => (termId ? t.editor.termTitle(stored ? localize(stored.term.term) : termId) : t.editor.newTermTitle)}
      initial={(stored) => (stored ? { ...stored.term, related: stored.term.related ?? [], industryUsage: stored.term.industryUsage ?? [] } : emptyTerm())}
      editor={TermEditor}
    />
  );
}
