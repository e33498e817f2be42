import type { Kysely } from 'kysely';
import type { DialectName } from '../dialect.js';
import { changeTables } from './frozen-helpers.js';

/**
 * Frozen in time. A publisher's own requirement text attached to a bundled
 * standard from the publisher's catalog (issue 16): one catalog row per
 * standard (citation, version, source) and one row per requirement (statement
 * as JSON, discussion, where a withdrawn requirement went). Never content.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the evolving schema types
export async function up(db: Kysely<any>, _dialect: DialectName): Promise<void> {
  await changeTables(db, {
    attached_catalogs: [
      'standard_id text primary key',
      'citation text not null',
      'source text not null',
      'content_hash text not null',
      'attached_at text not null',
    ],
    attached_texts: [
      'standard_id text not null references attached_catalogs.standard_id on delete cascade',
      'requirement_id text not null',
      'position integer not null',
      'statement text not null',
      'discussion text',
      'withdrawal text',
      'constraint attached_texts_pk primary key (standard_id, requirement_id)',
    ],
  });
}
