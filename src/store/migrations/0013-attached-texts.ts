import type { Kysely } from 'kysely';
import type { DialectName } from '../dialect.js';

/**
 * Frozen in time. A publisher's own requirement text attached to a bundled
 * standard from the publisher's catalog (issue 16): one catalog row per
 * standard (citation, version, source) and one row per requirement (statement
 * as JSON, discussion, where a withdrawn requirement went). Never content.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the evolving schema types
export async function up(db: Kysely<any>, _dialect: DialectName): Promise<void> {
  await db.schema
    .createTable('attached_catalogs')
    .addColumn('standard_id', 'text', (c) => c.primaryKey())
    .addColumn('citation', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('content_hash', 'text', (c) => c.notNull())
    .addColumn('attached_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('attached_texts')
    .addColumn('standard_id', 'text', (c) => c.notNull().references('attached_catalogs.standard_id').onDelete('cascade'))
    .addColumn('requirement_id', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('statement', 'text', (c) => c.notNull())
    .addColumn('discussion', 'text')
    .addColumn('withdrawal', 'text')
    .addPrimaryKeyConstraint('attached_texts_pk', ['standard_id', 'requirement_id'])
    .execute();
}
