import type { Db } from './database.js';
import type { AssessmentAnswerHistoryTable } from './schema.js';

export type AnswerHistoryRow = AssessmentAnswerHistoryTable;

/** A history row with the writer's display name. */
export interface AnswerHistoryRecord extends AnswerHistoryRow {
  changed_by_name: string | null;
}

export async function insertAnswerHistory(db: Db, row: AnswerHistoryRow): Promise<void> {
  await db.insertInto('assessment_answer_history').values(row).execute();
}

/** One item's answers, newest first. */
export async function listAnswerHistory(db: Db, assessmentId: string, requirementId: string): Promise<AnswerHistoryRecord[]> {
  return db
    .selectFrom('assessment_answer_history as h')
    .leftJoin('users as u', 'u.id', 'h.changed_by')
    .selectAll('h')
    .select('u.display_name as changed_by_name')
    .where('h.assessment_id', '=', assessmentId)
    .where('h.requirement_id', '=', requirementId)
    .orderBy('h.version', 'desc')
    .execute();
}

/** When each item's answer was last written (through the one write path), by requirement id. */
export async function lastAnswerWrites(db: Db, assessmentId: string): Promise<Map<string, string>> {
  const rows = await db
    .selectFrom('assessment_answer_history')
    .select(['requirement_id', (eb) => eb.fn.max('changed_at').as('at')])
    .where('assessment_id', '=', assessmentId)
    .groupBy('requirement_id')
    .execute();
  return new Map(rows.map((r) => [r.requirement_id, String(r.at)] as const));
}
