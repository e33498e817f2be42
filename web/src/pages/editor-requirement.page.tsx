import { useState } from 'react';
import { DraftFrame } from '../components/editor/draft-frame';
import type { RequirementDraft } from '../components/editor/editor-api';
import { emptyRequirement, RequirementEditor } from '../components/editor/requirement-editor';
import { useDraftOptions, useDraftOverview, useDraftResource } from '../components/editor/use-draft';
import { usePageTitle } from '../components/page-title';
import { ErrorView, Loading } from '../components/status';
import { useT } from '../i18n/i18n';
import '../components/editor/editor.css';

interface Props {
  draftId: string;
  /** null: a new requirement. */
  requirementId: string | null;
}

/** /editor/:draftId/requirements/:id and /editor/:draftId/new-requirement. */
export function EditorRequirementPage({ draftId, requirementId }: Props) {
  const t = useT();
  const overview = useDraftOverview(draftId);
  const options = useDraftOptions(draftId);
  const item = useDraftResource<{ requirement: RequirementDraft; version: number }>(requirementId ? ['drafts', draftId, 'requirements', requirementId] : null);
  // A reload after a conflict starts the form again from what is stored now.
  const [round, setRound] = useState(0);
  const number = item.status === 'ok' ? item.data.requirement.number : '';
  const heading = requirementId ? t.editor.requirementTitle(number) : t.editor.newRequirementTitle;
  usePageTitle(heading);

  for (const r of [overview, options, ...(requirementId ? [item] : [])]) {
    if (r.status === 'error') return <ErrorView error={r.error} onRetry={r.reload} />;
  }
  if (overview.status !== 'ok' || options.status !== 'ok' || (requirementId && item.status !== 'ok')) return <Loading />;
  const loaded = item.status === 'ok' ? item.data : null;
  return (
    <DraftFrame draft={overview.data.draft} tab={null} heading={heading}>
      <RequirementEditor
        key={`${requirementId ?? 'new'}|${round}|${loaded?.version ?? 0}`}
        draftId={draftId}
        initial={loaded?.requirement ?? emptyRequirement()}
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
