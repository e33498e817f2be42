import { DraftEntryPage } from '../components/editor/draft-entry-page';
import type { RequirementDraft } from '../components/editor/editor-api';
import { emptyRequirement, RequirementEditor } from '../components/editor/requirement-editor';
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
  return (
    <DraftEntryPage<{ requirement: RequirementDraft; version: number }, RequirementDraft>
      draftId={draftId}
      entryId={requirementId}
      kind="requirements"
      heading={(stored) => (requirementId ? t.editor.requirementTitle(stored?.requirement.number ?? '') : t.editor.newRequirementTitle)}
      initial={(stored) => stored?.requirement ?? emptyRequirement()}
      editor={RequirementEditor}
    />
  );
}
