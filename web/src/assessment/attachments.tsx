import { type ChangeEvent, useId, useState } from 'react';
import type { AttachmentMeta } from '../api/assessment.types';
import { attachmentUrl, deleteAttachment, uploadAttachment } from '../api/assessments';
import { ApiError } from '../api/client';
import { Notice, problemText } from '../components/status';
import { useT } from '../i18n/i18n';

function size(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}

interface AttachmentsProps {
  assessmentId: string;
  requirementId: string;
  attachments: AttachmentMeta[];
  editable: boolean;
  onChange: (attachments: AttachmentMeta[]) => void;
}

/** Evidence files of one item: download links, and upload / removal while the assessment is open. */
export function Attachments({ assessmentId, requirementId, attachments, editable, onChange }: AttachmentsProps) {
  const t = useT();
  const inputId = useId();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const upload = async (event: ChangeEvent<HTMLInputElement>) => {
    const input = event.currentTarget;
    const file = input.files?.[0];
    if (!file) return;
    setBusy(true);
    setError(null);
    setNotice(null);
    try {
      const meta = await uploadAttachment(assessmentId, requirementId, file);
      onChange([...attachments, meta]);
      setNotice(t.assessments.uploaded(meta.filename));
    } catch (caught) {
      setError(caught instanceof ApiError ? caught : new ApiError(0, {}));
    } finally {
      input.value = '';
      setBusy(false);
    }
  };

  const remove = async (meta: AttachmentMeta) => {
    setBusy(true);
    setError(null);
    setNotice(null);
    try {
      await deleteAttachment(assessmentId, meta.id);
      onChange(attachments.filter((a) => a.id !== meta.id));
    } catch (caught) {
      setError(caught instanceof ApiError ? caught : new ApiError(0, {}));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="attachments">
      <h4>{t.assessments.attachments}</h4>
      {attachments.length === 0 ? (
        <p className="muted">{t.assessments.noAttachments}</p>
      ) : (
        <ul className="attachment-list">
          {attachments.map((a) => (
            <li key={a.id}>
              <a href={attachmentUrl(assessmentId, a.id)} download={a.downloadName} aria-label={t.assessments.download(a.filename)}>
                {a.filename}
              </a>{' '}
              <span className="muted">
                ({a.mediaType}, {size(a.size)})
              </span>
              {editable ? (
                <button type="button" className="button button-ghost" disabled={busy} onClick={() => void remove(a)}>
                  {t.assessments.removeAttachment(a.filename)}
                </button>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {editable ? (
        <div className="field attachment-upload">
          <label htmlFor={inputId}>{t.assessments.attach}</label>
          <p className="field-hint">{t.assessments.attachHint}</p>
          <input id={inputId} type="file" disabled={busy} onChange={(event) => void upload(event)} />
          {busy ? (
            <p className="status" role="status">
              {t.assessments.uploading}
            </p>
          ) : null}
        </div>
      ) : null}
      {notice ? <Notice kind="success">{notice}</Notice> : null}
      {error ? <Notice kind="error">{problemText(t, error)}</Notice> : null}
    </div>
  );
}
