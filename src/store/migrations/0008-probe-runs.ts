import type { Kysely } from 'kysely';
import type { DialectName } from '../dialect.js';
import { changeTables } from './frozen-helpers.js';

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
  await changeTables(db, {
    job_workers: [
      // One row per queue instance: a job whose owner's heartbeat is old is interrupted.
      'id text primary key',
      'started_at text not null',
      'heartbeat_at text not null',
    ],
    jobs: [
      'id text primary key',
      'kind text not null',
      'state text not null',
      'payload text not null',
      'owner text',
      'progress_done integer',
      'progress_total integer',
      'progress_message text',
      'cancel_requested integer not null default 0',
      'error text',
      'created_at text not null',
      'started_at text',
      'finished_at text',
      "constraint jobs_state check (state in ('queued', 'running', 'completed', 'failed', 'cancelled', 'interrupted'))",
      "constraint jobs_finished check ((state in ('queued', 'running')) = (finished_at is null))",
      'index jobs_unfinished (state, owner)',
    ],
    probe_runs: [
      'id text primary key',
      'assessment_id text not null references assessments.id',
      'job_id text not null',
      'scope_name text not null',
      'scope_authorised_by text not null',
      'scope_sha256 text not null',
      'scope_file_name text not null',
      'scope_text text not null',
      'only_checks text not null',
      'started_by text references users.id',
      'created_at text not null',
      'started_at text',
      'finished_at text',
      'index probe_runs_assessment (assessment_id, created_at)',
    ],
    probe_findings: [
      'run_id text not null references probe_runs.id',
      'seq integer not null',
      'check_id text not null',
      'check_version integer not null',
      'target text not null',
      'verdict text not null',
      'summary_ja text not null',
      'summary_en text not null',
      'evidence text not null',
      'at text not null',
      'constraint probe_findings_pk primary key (run_id, seq)',
      "constraint probe_findings_verdict check (verdict in ('pass', 'fail', 'inconclusive', 'not-applicable', 'error'))",
    ],
    assessment_answers: ['add column source text'],
  });
}
