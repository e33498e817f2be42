import type { Kysely } from 'kysely';
import type { DialectName } from '../dialect.js';

/**
 * Draft editions. The draft itself is an `editions` row with status 'draft'
 * (the immutability trigger of 0001 lets it change until it is published);
 * these tables hold what only a draft has: the edition it was opened from,
 * its revision, and a version per item for optimistic concurrency.
 * Frozen in time: never import application code here, never edit after release.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the evolving schema types
export async function up(db: Kysely<any>, _dialect: DialectName): Promise<void> {
  await db.schema
    .createTable('drafts')
    .addColumn('edition_id', 'text', (c) => c.primaryKey().references('editions.id').onDelete('cascade'))
    .addColumn('base_edition_id', 'text')
    .addColumn('revision', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('published_at', 'text')
    .execute();

  // kind: 'requirement' | 'term' | 'meta'; a missing row means version 1.
  await db.schema
    .createTable('draft_items')
    .addColumn('edition_id', 'text', (c) => c.notNull().references('drafts.edition_id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('item_id', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('draft_items_pk', ['edition_id', 'kind', 'item_id'])
    .execute();
}
