import { type DragEvent, useEffect, useId, useRef, useState } from 'react';
import type { AttachmentMeta } from '../api/assessment.types';
import { attachmentUrl, deleteAttachment, uploadAttachment } from '../api/assessments';
import { useMutation } from '../api/use-mutation';
import { Notice, ProblemNotice } from '../components/status';
import { useT } from '../i18n/i18n';
import type { WorkspaceMessages } from '../i18n/messages-workspace';

interface DropZoneProps {
  assessmentId: string;
  requirementId: string;
  attachments: AttachmentMeta[];
  editable: boolean;
  w: WorkspaceMessages;
  onChange: (attachments: AttachmentMeta[]) => void;
}

/** A pasted screenshot has no useful name: give it one with the time. */
function named(file: File): File {
  if (file.name && file.name !== 'image.png') return file;
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  return new File([file], `screenshot-${stamp}.png`, { type: file.type || 'image/png' });
}

/**
 * Evidence files of one item: a drop zone (drag and drop, paste of a
 * screenshot) and a file chooser labelled in the user's language; the native
 * input stays hidden so no browser-default English shows.
 */
export function DropZone({ assessmentId, requirementId, attachments, editable, w, onChange }: DropZoneProps) {
  const t = useT();
  const inputId = useId();
  const input = useRef<HTMLInputElement>(null);
  const { busy, error, run } = useMutation();
  const [over, setOver] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);

  const upload = async (files: File[]) => {
    if (files.length === 0) return;
    setNotice(null);
    let list = attachments;
    await run(async () => {
      for (const file of files) {
        const meta = await uploadAttachment(assessmentId, requirementId, named(file));
        list = [...list, meta];
        onChange(list);
        setNotice(t.assessments.uploaded(meta.filename));
      }
    });
    if (input.current) input.current.value = '';
  };

  const remove = async (meta: AttachmentMeta) => {
    await run(async () => {
      await deleteAttachment(assessmentId, meta.id);
      onChange(attachments.filter((a) => a.id !== meta.id));
    });
  };

  const drop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setOver(false);
    void upload([...event.dataTransfer.files]);
  };
  // A screenshot pasted anywhere on the page (not into a text field's text) becomes evidence of the open item.
  const latest = useRef(upload);
  latest.current = upload;
  useEffect(() => {
    if (!editable) return;
    const paste = (event: ClipboardEvent) => {
      const files = [...(event.clipboardData?.files ?? [])];
      if (files.length === 0) return;
      event.preventDefault();
      void latest.current(files);
    };
    document.addEventListener('paste', paste);
    return () => document.removeEventListener('paste', paste);
  }, [editable]);

  return (
    <section className="pane-section attachments" aria-labelledby={`${inputId}-title`}>
      <h3 id={`${inputId}-title`}>{w.attachments}</h3>
      {attachments.length === 0 ? <p className="muted">{t.assessments.noAttachments}</p> : null}
      <ul className="attachment-list">
        {attachments.map((a) => (
          <li key={a.id}>
            <a href={attachmentUrl(assessmentId, a.id)} download={a.downloadName} aria-label={t.assessments.download(a.filename)}>
              {a.filename}
            </a>
            {editable ? (
              <button type="button" className="button button-ghost" disabled={busy} onClick={() => void remove(a)}>
                {t.assessments.removeAttachment(a.filename)}
              </button>
            ) : null}
          </li>
        ))}
      </ul>
      {editable ? (
        // biome-ignore lint/a11y/noStaticElementInteractions: dropping is a mouse convenience; the labelled button inside does the same by keyboard.
        <div
          className={over ? 'drop-zone drop-over' : 'drop-zone'}
          onDragOver={(e) => {
            e.preventDefault();
            setOver(true);
          }}
          onDragLeave={() => setOver(false)}
          onDrop={drop}
        >
          <p>{w.dropZone}</p>
          <input
            ref={input}
            id={inputId}
            className="visually-hidden"
            type="file"
            tabIndex={-1}
            aria-label={t.assessments.attach}
            disabled={busy}
            onChange={(e) => void upload([...(e.currentTarget.files ?? [])])}
          />
          <button type="button" className="button" disabled={busy} onClick={() => input.current?.click()}>
            {w.chooseFile}
          </button>
          <p className="field-hint">{t.assessments.attachHint}</p>
          {busy ? <p role="status">{w.uploading}</p> : null}
        </div>
      ) : null}
      {notice ? <Notice kind="success">{notice}</Notice> : null}
      <ProblemNotice error={error} />
    </section>
  );
}
