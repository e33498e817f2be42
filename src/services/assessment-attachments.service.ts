import { createHash, randomUUID } from 'node:crypto';
import type { AttachmentMeta } from '../core/assessment/assessment.types.js';
import { attachmentProblem, bareMediaType, filenameProblem, isAttachmentType, sanitiseFilename } from '../core/assessment/attachment-rules.js';
import type { Actor } from '../core/authorization.js';
import { AppError, validationError } from '../core/errors.js';
import { touchAssessment } from '../store/assessments.repository.js';
import { type AttachmentRow, deleteAttachment, findAttachment, insertAttachments, readBlob, storeBlob } from '../store/attachments.repository.js';
import { attachmentMeta, FINAL_READ_ONLY, itemOf, visibleAssessment, writableAssessment } from './assessment-records.js';
import { actorId, mutate, type ServiceContext } from './context.js';

export interface AttachmentUpload {
  /** The content-type header as sent. */
  contentType: string | undefined;
  /** The x-filename header: percent-encoded UTF-8. */
  filename: string | undefined;
  data: Buffer;
}

/** The file name from its percent-encoded header, made safe; a validation error names the field `filename`. */
export function filenameOf(header: string | undefined): string {
  if (!header) throw validationError('filename', 'is required (the file name, percent-encoded UTF-8)', 'required');
  let decoded: string;
  try {
    decoded = decodeURIComponent(header);
  } catch {
    throw validationError('filename', 'is not valid percent-encoded UTF-8', 'invalid');
  }
  const name = sanitiseFilename(decoded);
  if (!name) throw validationError('filename', 'has no usable characters', 'invalid');
  return name;
}

/**
 * Keeps an evidence file for one answer. The content is checked against the
 * claimed type, stored once per SHA-256 (the same file twice is one blob),
 * and described by its own metadata row.
 */
export async function addAttachment(ctx: ServiceContext, actor: Actor, id: string, requirementId: string, upload: AttachmentUpload): Promise<AttachmentMeta> {
  const row = await writableAssessment(ctx, actor, id);
  await itemOf(ctx.store.db, row, requirementId);
  const filename = filenameOf(upload.filename);
  const mediaType = bareMediaType(upload.contentType);
  const problem = attachmentProblem(mediaType, upload.data);
  if (problem?.kind === 'too-large') throw new AppError('payload-too-large', problem.message);
  if (problem) throw validationError(problem.kind === 'unsupported-type' ? 'contentType' : 'data', problem.message, 'invalid');
  const misnamed = isAttachmentType(mediaType) ? filenameProblem(filename, mediaType) : null;
  if (misnamed) throw validationError('filename', misnamed, 'invalid');
  const sha256 = createHash('sha256').update(upload.data).digest('hex');
  const at = ctx.now().toISOString();
  const meta: AttachmentRow = {
    id: randomUUID(),
    assessment_id: id,
    requirement_id: requirementId,
    sha256,
    filename,
    media_type: mediaType,
    size: upload.data.length,
    uploaded_by: actorId(actor),
    created_at: at,
  };
  const detail = { requirementId, attachmentId: meta.id, sha256, filename, mediaType, size: meta.size };
  await mutate(ctx, actor, { action: 'assessment.attachment-added', targetType: 'assessment', targetId: id, detail }, async (trx) => {
    if (!(await touchAssessment(trx, id, at, false))) throw new AppError('conflict', FINAL_READ_ONLY);
    await storeBlob(trx, sha256, upload.data);
    await insertAttachments(trx, [meta]);
  });
  return attachmentMeta(meta);
}

export interface AttachmentDownload {
  meta: AttachmentMeta;
  content: Buffer;
}

export async function readAttachment(ctx: ServiceContext, actor: Actor, id: string, attachmentId: string): Promise<AttachmentDownload> {
  await visibleAssessment(ctx, actor, id);
  const row = await findAttachment(ctx.store.db, id, attachmentId);
  const content = row ? await readBlob(ctx.store.db, row.sha256) : undefined;
  if (!row || !content) throw new AppError('not-found', `attachment ${attachmentId} not found`);
  return { meta: attachmentMeta(row), content };
}

export async function removeAttachment(ctx: ServiceContext, actor: Actor, id: string, attachmentId: string): Promise<void> {
  await writableAssessment(ctx, actor, id);
  const row = await findAttachment(ctx.store.db, id, attachmentId);
  if (!row) throw new AppError('not-found', `attachment ${attachmentId} not found`);
  const at = ctx.now().toISOString();
  const detail = { requirementId: row.requirement_id, attachmentId, sha256: row.sha256, filename: row.filename };
  await mutate(ctx, actor, { action: 'assessment.attachment-removed', targetType: 'assessment', targetId: id, detail }, async (trx) => {
    if (!(await touchAssessment(trx, id, at, false))) throw new AppError('conflict', FINAL_READ_ONLY);
    await deleteAttachment(trx, row);
  });
}
