import type { Kysely } from 'kysely';
import type { DialectName } from '../dialect.js';
import { changeTables } from './frozen-helpers.js';

/** Standards imported from OSCAL catalogs, kept beside the editions. Frozen in time. */
// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the evolving schema types
export async function up(db: Kysely<any>, _dialect: DialectName): Promise<void> {
  await changeTables(db, {
    imported_standards: [
      'id text primary key',
      'title text not null',
      'content text not null',
      'content_hash text not null',
      'source text not null',
      'imported_at text not null',
    ],
  });
}
