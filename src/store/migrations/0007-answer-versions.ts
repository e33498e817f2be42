import { type Kysely, sql } from 'kysely';
import type { DialectName } from '../dialect.js';

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
  await db.schema
    .alterTable('assessment_answers')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();

  await db.schema
    .createTable('assessment_answer_history')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('assessment_id', 'text', (c) => c.notNull().references('assessments.id'))
    .addColumn('requirement_id', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('verdict', 'text', (c) => c.notNull())
    .addColumn('evidence', 'text', (c) => c.notNull())
    .addColumn('comment', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('source_ref', 'text')
    .addColumn('changed_by', 'text', (c) => c.references('users.id'))
    .addColumn('changed_at', 'text', (c) => c.notNull())
    .addCheckConstraint('assessment_answer_history_source', sql`source in ('answer', 'bulk', 'import', 'suggestion', 'undo')`)
    .addForeignKeyConstraint('assessment_answer_history_answer', ['assessment_id', 'requirement_id'], 'assessment_answers', ['assessment_id', 'requirement_id'])
    .execute();
  await db.schema
    .createIndex('assessment_answer_history_item')
    .on('assessment_answer_history')
    .columns(['assessment_id', 'requirement_id', 'version'])
    .unique()
    .execute();

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
