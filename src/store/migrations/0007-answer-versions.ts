import { type Kysely, sql } from 'kysely';
import type { DialectName } from '../dialect.js';
import { changeTables } from './frozen-helpers.js';

/**
 * Answer versions and answer history. Every write of an answer's verdict,
 * evidence or comment names the version it was based on and bumps it, so a
 * stale write is refused instead of overwriting someone else's answer; each
 * write also leaves a history row (who, when, from which source: the form, a
 * bulk action, a workbook import, an accepted suggestion, an undo). History
 * rows of a final assessment are read-only, as its answers are.
 * Frozen in time: never import application code here, never edit after release.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the evolving schema types
export async function up(db: Kysely<any>, dialect: DialectName): Promise<void> {
  await changeTables(db, {
    assessment_answers: ['add column version integer not null default 0'],
    assessment_answer_history: [
      'id text primary key',
      'assessment_id text not null references assessments.id',
      'requirement_id text not null',
      'version integer not null',
      'verdict text not null',
      'evidence text not null',
      'comment text not null',
      'source text not null',
      'source_ref text',
      'changed_by text references users.id',
      'changed_at text not null',
      "constraint assessment_answer_history_source check (source in ('answer', 'bulk', 'import', 'suggestion', 'undo'))",
      'constraint assessment_answer_history_answer foreign key (assessment_id, requirement_id) references assessment_answers (assessment_id, requirement_id)',
      'unique index assessment_answer_history_item (assessment_id, requirement_id, version)',
    ],
  });

  if (dialect === 'sqlite') {
    for (const op of ['INSERT', 'UPDATE', 'DELETE']) {
      const row = op === 'INSERT' ? 'NEW' : 'OLD';
      await sql
        .raw(`CREATE TRIGGER assessment_answer_history_final_no_${op.toLowerCase()} BEFORE ${op} ON assessment_answer_history
          WHEN (SELECT status FROM assessments WHERE id = ${row}.assessment_id) = 'final'
          BEGIN SELECT RAISE(ABORT, 'final assessments are read-only'); END`)
        .execute(db);
    }
    return;
  }
  // The function is migration 0005's: it refuses changes under a final assessment.
  await sql
    .raw(`CREATE TRIGGER assessment_answer_history_final_immutable BEFORE INSERT OR UPDATE OR DELETE ON assessment_answer_history
      FOR EACH ROW EXECUTE FUNCTION assessment_parts_final_immutable()`)
    .execute(db);
}
