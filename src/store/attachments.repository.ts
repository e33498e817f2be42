import type { Db } from './database.js';
import type { AssessmentAttachmentsTable } from './schema.js';
import { countRows } from './count-rows.js';

export type AttachmentRow = AssessmentAttachmentsTable;

/** Stores the content under its SHA-256 unless it is already there (the same file is kept once). */
export async function storeBlob(db: Db, sha256: string, content: Buffer): Promise<void> {
  await db
    .insertInto('attachment_blobs')
    .values({ sha256, size: content.length, content })
    .onConflict((oc) => oc.column('sha256').doNothing())
    .execute();
}

export async function readBlob(db: Db, sha256: string): Promise<Buffer | undefined> {
  const row = await db.selectFrom('attachment_blobs').select('content').where('sha256', '=', sha256).executeTakeFirst();
  return row ? Buffer.from(row.content) : undefined;
}

export async function insertAttachments(db: Db, rows: readonly AttachmentRow[]): Promise<void> {
  if (rows.length > 0) await db.insertInto('assessment_attachments').values(rows).execute();
}

export async function findAttachment(db: Db, assessmentId: string, id: string): Promise<AttachmentRow | undefined> {
  return db.selectFrom('assessment_attachments').selectAll().where('assessment_id', '=', assessmentId).where('id', '=', id).executeTakeFirst();
}

/** Oldest first. */
export async function listAttachments(db: Db, assessmentId: string): Promise<AttachmentRow[]> {
  return db.selectFrom('assessment_attachments').selectAll().where('assessment_id', '=', assessmentId).orderBy('created_at').orderBy('id').execute();
}

/** The attachments of these items only, in the same order as listAttachments. */
export async function listAttachmentsOf(db: Db, assessmentId: string, requirementIds: readonly string[]): Promise<AttachmentRow[]> {
  if (requirementIds.length === 0) return [];
  return db
    .selectFrom('assessment_attachments')
    .selectAll()
    .where('assessment_id', '=', assessmentId)
    .where('requirement_id', 'in', requirementIds)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

/** Removes the attachment, and its content when nothing else refers to it. */
export async function deleteAttachment(db: Db, row: AttachmentRow): Promise<void> {
  await db.deleteFrom('assessment_attachments').where('id', '=', row.id).execute();
  const other = await db.selectFrom('assessment_attachments').select('id').where('sha256', '=', row.sha256).limit(1).executeTakeFirst();
  if (!other) await db.deleteFrom('attachment_blobs').where('sha256', '=', row.sha256).execute();
}

export async function countBlobs(db: Db): Promise<number> {
  return countRows(db.selectFrom('attachment_blobs'));
}
