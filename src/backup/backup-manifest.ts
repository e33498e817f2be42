import { z } from 'zod';
import { SQLITE_FILE_NAME } from '../config/store-location.js';
import { AuditAnchorSchema } from '../core/audit-anchor.js';

/** The last member of every backup archive: what it holds and the SHA-256 of each part. */
export const MANIFEST_NAME = 'tebiki-backup.json';
export const SQLITE_MEMBER = SQLITE_FILE_NAME;
export const PGDUMP_MEMBER = 'tebiki.pgdump';
export const FIRMWARE_PREFIX = 'firmware/images/';

const Sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'must be a SHA-256 in lower-case hex');
const Member = z.object({ name: z.string().min(1), size: z.number().int().min(0), sha256: Sha256 });
const Blob = z.object({ sha256: Sha256, size: z.number().int().min(0) });

export const BackupManifestSchema = z.object({
  format: z.literal('tebiki-backup'),
  version: z.literal(1),
  createdAt: z.string(),
  database: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('sqlite'), member: z.literal(SQLITE_MEMBER) }),
    z.object({ kind: z.literal('postgres'), member: z.literal(PGDUMP_MEMBER), schema: z.string().nullable() }),
  ]),
  /** The audit chain head inside the backup: a restore must reach exactly this head. */
  auditHead: AuditAnchorSchema,
  /** Every other member of the archive. */
  members: z.array(Member),
  /** Evidence (attachment) and SBOM contents kept in the database, by SHA-256. */
  blobs: z.object({ attachments: z.array(Blob), sboms: z.array(Blob) }),
});

export type BackupManifest = z.infer<typeof BackupManifestSchema>;
