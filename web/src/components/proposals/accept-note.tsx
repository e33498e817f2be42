import { useT } from '../../i18n/i18n';
import { TextAreaField } from '../forms/form-field';
import { PROPOSAL_LIMITS } from './proposal-types';
import { SubmitButton } from '../forms/submit-button';

/** The accept request's `reason`: the editor's note, when there is one. */
export function noteReason(note: string): { reason?: string } {
  return note.trim() ? { reason: note } : {};
}

/** The end of both accept forms: the editor's note and the accept button. */
export function AcceptNote({ note, onChange, error, busy }: { note: string; onChange: (note: string) => void; error?: string | undefined; busy: boolean }) {
  const t = useT();
  return (
    <>
      <TextAreaField
        label={t.proposals.acceptNote}
        name="note"
        rows={3}
        maxLength={PROPOSAL_LIMITS.reason}
        value={note}
        error={error}
        onChange={(event) => onChange(event.target.value)}
      />
      <SubmitButton busy={busy} busyLabel={t.proposals.deciding}>
        {t.proposals.accept}
      </SubmitButton>
    </>
  );
}
