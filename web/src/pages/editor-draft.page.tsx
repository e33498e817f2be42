import { DiffView } from '../components/editor/diff-view';
import { DraftFrame, type DraftTab } from '../components/editor/draft-frame';
import type { EditionDiff } from '../components/editor/editor-api';
import { RequirementList, TermList } from '../components/editor/item-lists';
import { PublishForm } from '../components/editor/publish-form';
import { ReviewQueue } from '../components/editor/review-queue';
import { useDraftOverview, useDraftResource } from '../components/editor/use-draft';
import { usePageTitle } from '../components/page-title';
import { ErrorView, Loading } from '../components/status';
import { useLocalize, useT } from '../i18n/i18n';
import '../components/editor/editor.css';

/** The changes against the published edition; the publish tab uses its revision. */
function DiffTab({ draftId, publish }: { draftId: string; publish: boolean }) {
  const t = useT();
  const localize = useLocalize();
  const diff = useDraftResource<EditionDiff>(['drafts', draftId, 'diff']);
  if (diff.status === 'loading') return <Loading />;
  if (diff.status === 'error') return <ErrorView error={diff.error} onRetry={diff.reload} />;
  if (publish) return <PublishForm draftId={draftId} diff={diff.data} onChanged={diff.reload} />;
  return (
    <>
      <h2 className="editor-tab-title">{t.editor.diffTitle(diff.data.from.id, localize(diff.data.to.title))}</h2>
      <DiffView diff={diff.data} draftId={draftId} />
    </>
  );
}

/** /editor/:draftId[/terms|/diff|/publish]: one draft, tab by tab. */
export function EditorDraftPage({ draftId, tab }: { draftId: string; tab: DraftTab }) {
  const t = useT();
  const localize = useLocalize();
  const overview = useDraftOverview(draftId);
  usePageTitle(overview.status === 'ok' ? localize(overview.data.draft.title) : t.editor.homeTitle);
  if (overview.status === 'loading') return <Loading />;
  if (overview.status === 'error') return <ErrorView error={overview.error} onRetry={overview.reload} />;
  return (
    <DraftFrame draft={overview.data.draft} tab={tab}>
      {tab === 'requirements' ? <RequirementList overview={overview.data} /> : null}
      {tab === 'terms' ? <TermList overview={overview.data} /> : null}
      {tab === 'reviews' ? <ReviewQueue draftId={draftId} /> : null}
      {tab === 'diff' || tab === 'publish' ? <DiffTab draftId={draftId} publish={tab === 'publish'} /> : null}
    </DraftFrame>
  );
}
