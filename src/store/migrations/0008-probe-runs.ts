import { type Kysely, sql } from 'kysely';
import type { DialectName } from '../dialect.js';

/**
 * Background jobs and device probe runs.
 *
 * - `jobs`: one row per long piece of work (probe runs now; firmware and SBOM
 *   analyses later), whichever queue runs it (pg-boss on PostgreSQL, the
 *   in-process queue on SQLite). State, progress and cancel requests live here,
 *   so any server process can show or cancel any job. `owner` is the queue
 *   instance responsible for the job; `job_workers` holds each instance's
 *   heartbeat, so a job whose owner stopped beating is marked interrupted.
 * - `probe_runs`: a run attached to an assessment, with the scope exactly as
 *   uploaded (text and SHA-256) and who authorised it. Its job is queued after
 *   the run is stored (a queue must never deliver a job whose run is not
 *   committed yet), so `job_id` names a job that may be missing if queueing failed.
 * - `probe_findings`: what each check found on each target, with its evidence
 *   (JSON, secrets already masked by the runner) and its own time.
 * - `assessment_answers.source`: where an answer came from when it was an
 *   accepted suggestion (JSON: runs and checks); null for answers typed by hand.
 *
 * Frozen in time: never import application code here, never edit after release.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the evolving schema types
export async function up(db: Kysely<any>, _dialect: DialectName): Promise<void> {
  await db.schema
    .createTable('job_workers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('heartbeat_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('jobs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('owner', 'text')
    .addColumn('progress_done', 'integer')
    .addColumn('progress_total', 'integer')
    .addColumn('progress_message', 'text')
    .addColumn('cancel_requested', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('error', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('started_at', 'text')
    .addColumn('finished_at', 'text')
    .addCheckConstraint('jobs_state', sql`state in ('queued', 'running', 'completed', 'failed', 'cancelled', 'interrupted')`)
    .addCheckConstraint('jobs_finished', sql`(state in ('queued', 'running')) = (finished_at is null)`)
    .execute();
  await db.schema.createIndex('jobs_unfinished').on('jobs').columns(['state', 'owner']).execute();

  await db.schema
    .createTable('probe_runs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('assessment_id', 'text', (c) => c.notNull().references('assessments.id'))
    .addColumn('job_id', 'text', (c) => c.notNull())
    .addColumn('scope_name', 'text', (c) => c.notNull())
    .addColumn('scope_authorised_by', 'text', (c) => c.notNull())
    .addColumn('scope_sha256', 'text', (c) => c.notNull())
    .addColumn('scope_file_name', 'text', (c) => c.notNull())
    .addColumn('scope_text', 'text', (c) => c.notNull())
    .addColumn('only_checks', 'text', (c) => c.notNull())
    .addColumn('started_by', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('started_at', 'text')
    .addColumn('finished_at', 'text')
    .execute();
  await db.schema.createIndex('probe_runs_assessment').on('probe_runs').columns(['assessment_id', 'created_at']).execute();

  await db.schema
    .createTable('probe_findings')
    .addColumn('run_id', 'text', (c) => c.notNull().references('probe_runs.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('check_id', 'text', (c) => c.notNull())
    .addColumn('check_version', 'integer', (c) => c.notNull())
    .addColumn('target', 'text', (c) => c.notNull())
    .addColumn('verdict', 'text', (c) => c.notNull())
    .addColumn('summary_ja', 'text', (c) => c.notNull())
    .addColumn('summary_en', 'text', (c) => c.notNull())
    .addColumn('evidence', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('probe_findings_pk', ['run_id', 'seq'])
    .addCheckConstraint('probe_findings_verdict', sql`verdict in ('pass', 'fail', 'inconclusive', 'not-applicable', 'error')`)
    .execute();

  await db.schema.alterTable('assessment_answers').addColumn('source', 'text').execute();
}
