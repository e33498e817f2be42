import type { Kysely } from 'kysely';
import type { DialectName } from '../dialect.js';
import { changeTables } from './frozen-helpers.js';

/**
 * Draft editions. The draft itself is an `editions` row with status 'draft'
 * (the immutability trigger of 0001 lets it change until it is published);
 * these tables hold what only a draft has: the edition it was opened from,
 * its revision, and a version per item for optimistic concurrency.
 * Frozen in time: never import application code here, never edit after release.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the evolving schema types
export async function up(db: Kysely<any>, _dialect: DialectName): Promise<void> {
  await changeTables(db, {
    drafts: [
      'edition_id text primary key references editions.id on delete cascade',
      'base_edition_id text',
      'revision integer not null',
      'created_by text',
      'created_at text not null',
      'updated_at text not null',
      'published_at text',
    ],
    // kind: 'requirement' | 'term' | 'meta'; a missing row means version 1.
    draft_items: [
      'edition_id text not null references drafts.edition_id on delete cascade',
      'kind text not null',
      'item_id text not null',
      'version integer not null',
      'constraint draft_items_pk primary key (edition_id, kind, item_id)',
    ],
  });
}
