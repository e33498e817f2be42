import { useState } from 'react';
import { useT } from '../../i18n/i18n';
import { ErrorWithAction, problemText } from '../status';
import type { SaveState } from './save-state';
import { SubmitButton } from '../forms/submit-button';

interface SaveBarProps {
  state: SaveState;
  isNew: boolean;
  onReload: () => void;
  /** Deleting the item; omitted for a new one. Two presses, so one slip deletes nothing. */
  onDelete?: (() => void) | undefined;
  deleteLabel: string;
}

/** Save button, the outcome of the last save, and delete with a confirming second press. */
export function SaveBar({ state, isNew, onReload, onDelete, deleteLabel }: SaveBarProps) {
  const t = useT();
  const [confirming, setConfirming] = useState(false);
  const saving = state.kind === 'saving';
  return (
    <div className="editor-actions">
      <SubmitButton busy={saving} busyLabel={t.editor.saving}>
        {isNew ? t.editor.create : t.editor.save}
      </SubmitButton>
      <div className="editor-save-state" aria-live="polite">
        {state.kind === 'saved' ? <p className="notice notice-success">{isNew ? t.editor.created : t.editor.saved}</p> : null}
        {state.kind === 'invalid' ? <p className="notice notice-error">{t.formHasErrors}</p> : null}
        {state.kind === 'failed' ? <p className="notice notice-error">{problemText(t, state.error)}</p> : null}
      </div>
      {state.kind === 'conflict' ? <ErrorWithAction message={t.editor.conflict} action={t.editor.reload} onAction={onReload} /> : null}
      {onDelete ? (
        <div className="editor-delete">
          {confirming ? <p className="field-error">{t.editor.confirmDelete}</p> : null}
          <button type="button" className="button editor-danger" onClick={() => (confirming ? onDelete() : setConfirming(true))}>
            {deleteLabel}
          </button>
        </div>
      ) : null}
    </div>
  );
}
