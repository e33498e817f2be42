import type { Kysely } from 'kysely';
import type { DialectName } from '../dialect.js';
import { changeTables } from './frozen-helpers.js';

/**
 * Frozen in time. `assessment_results.format` names the shape of the kept
 * JSON: a row is served only while its format is the one the running code
 * writes, so results kept by an older version after an upgrade that changed
 * their shape are computed again (rows from before this migration have 0).
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the evolving schema types
export async function up(db: Kysely<any>, _dialect: DialectName): Promise<void> {
  await changeTables(db, { assessment_results: ['add column format integer not null default 0'] });
}
