import { randomUUID } from 'node:crypto';
import type { Actor } from '../core/authorization.js';
import { AppError } from '../core/errors.js';
import { insertFinishedJob } from '../store/jobs.repository.js';
import { completeProbeRun, insertProbeRun } from '../store/probe-runs.repository.js';
import { findUserByEmail } from '../store/users.repository.js';
import { writableAssessment } from './assessment-records.js';
import { actorId, mutate, type ServiceContext } from './context.js';
import type { ProbeRunOutcome } from './ports/probe-runner.js';
import { findingRows, outcomeColumns, PROBE_RUN_JOB, type ProbeRunView, requireRun, runView } from './probe-runs.service.js';
import { actorOf } from './users.js';

/**
 * Attaches a run that already ran elsewhere (`bin/tebiki probe --assessment ID`)
 * to an assessment (assessors): stored like a queued run that completed, with
 * its own job row so every view treats it alike.
 */
export async function recordProbeRun(
  ctx: ServiceContext,
  actor: Actor,
  assessmentId: string,
  input: { scopeText: string; fileName: string; only: readonly string[]; outcome: ProbeRunOutcome },
): Promise<ProbeRunView> {
  await writableAssessment(ctx, actor, assessmentId);
  const runId = randomUUID();
  const jobId = randomUUID();
  const at = ctx.now().toISOString();
  const { outcome } = input;
  await mutate(
    ctx,
    actor,
    {
      action: 'probe-run.recorded',
      targetType: 'assessment',
      targetId: assessmentId,
      detail: { runId, scope: outcome.scope.name, sha256: outcome.scope.sha256, authorisedBy: outcome.scope.authorisedBy, findings: outcome.findings.length },
    },
    async (trx) => {
      await insertFinishedJob(trx, {
        id: jobId,
        kind: PROBE_RUN_JOB,
        payload: JSON.stringify({ runId }),
        created_at: at,
        started_at: outcome.startedAt,
        finished_at: outcome.finishedAt,
      });
      await insertProbeRun(trx, {
        id: runId,
        assessment_id: assessmentId,
        job_id: jobId,
        ...outcomeColumns(outcome),
        scope_file_name: input.fileName.slice(0, 200),
        scope_text: input.scopeText,
        only_checks: JSON.stringify(input.only),
        started_by: actorId(actor),
        created_at: at,
      });
      await completeProbeRun(trx, runId, outcomeColumns(outcome), findingRows(outcome.findings));
    },
  );
  return runView(await requireRun(ctx.store.db, assessmentId, runId));
}

/**
 * The CLI's actor for attaching a run (`probe --assessment ID --as EMAIL`): an active
 * user, who must be allowed to change the assessment; checked before any probe is sent.
 */
export async function attachingActor(ctx: ServiceContext, email: string, assessmentId: string): Promise<Actor> {
  const row = await findUserByEmail(ctx.store.db, email.trim().toLowerCase());
  if (!row || Number(row.disabled) !== 0) throw new AppError('not-found', `no active user ${email}`);
  const actor = actorOf(row);
  await writableAssessment(ctx, actor, assessmentId);
  return actor;
}
