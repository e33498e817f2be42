import { createHash, randomUUID } from 'node:crypto';
import { z } from 'zod';
import { coded } from '../core/zod-field-errors.js';
import { loadYaml } from '../runtime/lazy-package.js';
import { ANONYMOUS, type Actor } from '../core/authorization.js';
import { AppError, validationError } from '../core/errors.js';
import { checkById } from '../core/evidence/check-catalog.js';
import type { FindingView, ProbeRunDetail, ProbeRunView } from '../core/evidence/probe-run-view.types.js';
import type { CheckLink, Finding, FindingVerdict } from '../core/evidence/finding.types.js';
import type { Localized } from '../core/model/edition.schema.js';
import type { ReportProbeRun } from '../reports/assessment/probe-runs-section.js';
import type { Db } from '../store/database.js';
import {
  completeProbeRun,
  findProbeFindings,
  findProbeRun,
  findProbeRunById,
  insertProbeRun,
  listProbeRuns,
  markProbeRunStarted,
  type ProbeFindingRow,
  type ProbeRunRecord,
} from '../store/probe-runs.repository.js';
import { visibleAssessment, writableAssessment } from './assessment-records.js';
import { actorId, mutate, type ServiceContext } from './context.js';
import type { EvidencePorts } from './ports/evidence-ports.js';
import type { JobContext, JobState } from './ports/job-queue.js';
import type { ProbeRunOutcome } from './ports/probe-runner.js';
import { CONTROLS_MESSAGE, noControls } from '../core/text-rules.js';

/** The job kind of a probe run. */
export const PROBE_RUN_JOB = 'probe-run';

/** A scope is a short YAML or JSON file; 64 KiB is far beyond any lab's. */
export const SCOPE_TEXT_LIMIT = 64 * 1024;
/** Evidence of one finding as stored; the runner trims long responses already. */
const EVIDENCE_LIMIT = 64 * 1024;

export const ProbeRunInput = z
  .object({
    scope: z.string().min(1, 'is required').max(SCOPE_TEXT_LIMIT, `must be at most ${SCOPE_TEXT_LIMIT} characters`),
    fileName: z
      .string()
      .min(1)
      .max(200)
      .regex(/^[^/\\]+$/, 'must be a plain file name')
      .refine(noControls(false), coded(CONTROLS_MESSAGE, 'control-characters'))
      .default('scope.yaml'),
    only: z.array(z.string().min(1).max(100)).max(100).default([]),
  })
  .strict();

export type { FindingView, ProbeRunDetail, ProbeRunView };

function ports(ctx: ServiceContext): EvidencePorts {
  if (!ctx.evidence) throw new AppError('conflict', 'this server collects no evidence from products (no job queue)');
  return ctx.evidence;
}

/** What the service needs from a scope before queueing it: its name and who authorised it. The runner checks the rest. */
function readScopeHeader(text: string): { name: string; authorisedBy: string } {
  let doc: unknown;
  try {
    doc = loadYaml().parse(text, { maxAliasCount: 0 });
  } catch (err) {
    throw validationError('scope', `is not YAML or JSON (${(err as Error).message.split('\n')[0]})`, 'invalid');
  }
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc))
    throw validationError('scope', 'must be a map with name, authorisedBy, window and targets', 'bad-format');
  const { name, authorisedBy, trustedCa } = doc as Record<string, unknown>;
  // A file path would be read on the server's own disk: an uploaded scope carries the certificate itself.
  if (trustedCa !== undefined && (typeof trustedCa !== 'string' || !trustedCa.includes('-----BEGIN CERTIFICATE-----'))) {
    throw validationError('scope.trustedCa', 'in an uploaded scope, give the CA certificate itself (PEM text), not a file name', 'invalid');
  }
  if (typeof name !== 'string' || !name.trim()) throw validationError('scope.name', 'is required', 'required');
  if (typeof authorisedBy !== 'string' || !authorisedBy.trim()) throw validationError('scope.authorisedBy', 'is required: who allowed this run', 'required');
  return { name: name.trim().slice(0, 200), authorisedBy: authorisedBy.trim().slice(0, 200) };
}

function checkOnly(only: readonly string[]): void {
  only.forEach((id, i) => {
    if (checkById(id)?.source !== 'probe') throw validationError(`only.${i}`, `${id} is not a probe check`, 'invalid');
  });
}

/** Starts a probe run on an assessment (assessors): stored with its scope, then queued. */
export async function startProbeRun(ctx: ServiceContext, actor: Actor, assessmentId: string, input: z.output<typeof ProbeRunInput>): Promise<ProbeRunView> {
  // Access first: a caller who may not write the assessment learns nothing about this server's set-up.
  await writableAssessment(ctx, actor, assessmentId);
  const { jobs, probeRunner } = ports(ctx);
  const header = readScopeHeader(input.scope);
  checkOnly(input.only);
  if (!probeRunner) throw new AppError('conflict', 'no probe engine is installed in this server');
  const runId = randomUUID();
  const jobId = randomUUID();
  const at = ctx.now().toISOString();
  const sha256 = createHash('sha256').update(input.scope, 'utf8').digest('hex');
  await mutate(
    ctx,
    actor,
    {
      action: 'probe-run.started',
      targetType: 'assessment',
      targetId: assessmentId,
      detail: { runId, scope: header.name, sha256, authorisedBy: header.authorisedBy },
    },
    (trx) =>
      insertProbeRun(trx, {
        id: runId,
        assessment_id: assessmentId,
        job_id: jobId,
        scope_name: header.name,
        scope_authorised_by: header.authorisedBy,
        scope_sha256: sha256,
        scope_file_name: input.fileName,
        scope_text: input.scope,
        only_checks: JSON.stringify(input.only),
        started_by: actorId(actor),
        created_at: at,
        started_at: null,
        finished_at: null,
      }),
  );
  // Queued only once the run is committed, so no worker can pick up a job whose run it cannot read.
  await jobs.enqueue(PROBE_RUN_JOB, { runId }, { id: jobId });
  return runView(await requireRun(ctx.store.db, assessmentId, runId));
}

export async function requireRun(db: Db, assessmentId: string, runId: string): Promise<ProbeRunRecord> {
  const run = await findProbeRun(db, assessmentId, runId);
  if (!run) throw new AppError('not-found', `probe run ${runId} not found`);
  return run;
}

export function runView(r: ProbeRunRecord): ProbeRunView {
  const hasProgress = r.job_progress_done !== null && r.job_progress_total !== null;
  return {
    id: r.id,
    assessmentId: r.assessment_id,
    state: (r.job_state ?? 'failed') as JobState,
    progress: hasProgress ? { done: Number(r.job_progress_done), total: Number(r.job_progress_total), message: r.job_progress_message ?? '' } : null,
    cancelRequested: Number(r.job_cancel_requested ?? 0) === 1,
    error: r.job_state === null ? 'the run was not queued' : r.job_error,
    scope: { name: r.scope_name, authorisedBy: r.scope_authorised_by, sha256: r.scope_sha256, fileName: r.scope_file_name },
    only: JSON.parse(r.only_checks) as string[],
    startedBy: r.started_by ? { id: r.started_by, displayName: r.started_by_name ?? '' } : null,
    createdAt: r.created_at,
    startedAt: r.started_at,
    finishedAt: r.finished_at,
  };
}

export function findingOf(row: ProbeFindingRow): Finding {
  return {
    check: row.check_id,
    checkVersion: Number(row.check_version),
    target: row.target,
    verdict: row.verdict as FindingVerdict,
    summary: { ja: row.summary_ja, en: row.summary_en },
    evidence: JSON.parse(row.evidence) as Record<string, unknown>,
    at: row.at,
  };
}

/** Requirements per check, from the content's links. */
export function requirementsByCheck(links: readonly CheckLink[]): Map<string, FindingView['requirements']> {
  const map = new Map<string, FindingView['requirements']>();
  for (const l of links) map.set(l.check, [...(map.get(l.check) ?? []), { id: l.requirement, coverage: l.coverage }]);
  return map;
}

/** The assessment's runs, newest first (members of the organisation read them). */
export async function listRuns(ctx: ServiceContext, actor: Actor, assessmentId: string): Promise<ProbeRunView[]> {
  await visibleAssessment(ctx, actor, assessmentId);
  return (await listProbeRuns(ctx.store.db, assessmentId)).map(runView);
}

/** One run with its scope text and findings. */
export async function runDetail(ctx: ServiceContext, actor: Actor, assessmentId: string, runId: string): Promise<ProbeRunDetail> {
  await visibleAssessment(ctx, actor, assessmentId);
  const run = await requireRun(ctx.store.db, assessmentId, runId);
  const [rows, links] = await Promise.all([findProbeFindings(ctx.store.db, runId), ctx.evidence ? ctx.evidence.checkLinks.links() : []]);
  const reqs = requirementsByCheck(links);
  const findings = rows.map((r) => ({ ...findingOf(r), requirements: reqs.get(r.check_id) ?? [] }));
  const counts: Record<FindingVerdict, number> = { pass: 0, fail: 0, inconclusive: 0, 'not-applicable': 0, error: 0 };
  for (const f of findings) counts[f.verdict] += 1;
  return { ...runView(run), scopeText: run.scope_text, findings, counts };
}

/** Asks the run to stop (assessors); a queued run stops at once, a running one at its next step, from any server process. */
export async function cancelRun(ctx: ServiceContext, actor: Actor, assessmentId: string, runId: string): Promise<ProbeRunView> {
  await writableAssessment(ctx, actor, assessmentId);
  const run = await requireRun(ctx.store.db, assessmentId, runId);
  const { jobs } = ports(ctx);
  await mutate(
    ctx,
    actor,
    { action: 'probe-run.cancel-requested', targetType: 'assessment', targetId: assessmentId, detail: { runId } },
    async () => undefined,
  );
  await jobs.requestCancel(run.job_id);
  return runView(await requireRun(ctx.store.db, assessmentId, runId));
}

/** Registers the job that runs probes; call once per process before the queue starts. */
export function registerProbeRunJob(ctx: ServiceContext): void {
  ports(ctx).jobs.register<{ runId: string }>(PROBE_RUN_JOB, (job) => executeProbeRun(ctx, job));
}

function boundedEvidence(evidence: Record<string, unknown>): string {
  const text = JSON.stringify(evidence);
  return text.length <= EVIDENCE_LIMIT ? text : JSON.stringify({ truncated: true, characters: text.length, start: text.slice(0, EVIDENCE_LIMIT / 2) });
}

const line = (text: Localized): Localized => ({ ja: text.ja.slice(0, 1000), en: text.en.slice(0, 1000) });

async function executeProbeRun(ctx: ServiceContext, job: JobContext<{ runId: string }>): Promise<void> {
  const { probeRunner } = ports(ctx);
  const db = ctx.store.db;
  const run = await findProbeRunById(db, job.payload.runId);
  if (!run) throw new Error(`probe run ${job.payload.runId} not found`);
  if (!probeRunner) throw new Error('no probe engine is installed in this server');
  await markProbeRunStarted(db, run.id, ctx.now().toISOString());
  // Progress is written in order, one at a time, and never fails the run.
  let written = Promise.resolve();
  const outcome = await probeRunner.run({
    scopeText: run.scope_text,
    scopeFileName: run.scope_file_name,
    only: JSON.parse(run.only_checks) as string[],
    signal: job.signal,
    onProgress: (p) => {
      written = written.then(() => job.progress(p.done, p.total, p.message)).catch(() => undefined);
    },
  });
  await written;
  if (job.signal.aborted) throw job.signal.reason instanceof Error ? job.signal.reason : new Error('cancelled');
  const failed = outcome.findings.filter((f) => f.verdict === 'fail').length;
  await mutate(
    ctx,
    ANONYMOUS,
    {
      action: 'probe-run.completed',
      targetType: 'assessment',
      targetId: run.assessment_id,
      detail: { runId: run.id, scopeSha256: outcome.scope.sha256, findings: outcome.findings.length, failed },
    },
    (trx) => completeProbeRun(trx, run.id, outcomeColumns(outcome), findingRows(outcome.findings)),
  );
}

export function outcomeColumns(outcome: ProbeRunOutcome) {
  return {
    scope_name: outcome.scope.name.slice(0, 200),
    scope_authorised_by: outcome.scope.authorisedBy.slice(0, 200),
    scope_sha256: outcome.scope.sha256,
    started_at: outcome.startedAt,
    finished_at: outcome.finishedAt,
  };
}

export function findingRows(findings: readonly Finding[]) {
  return findings.map((f) => ({
    check_id: f.check,
    check_version: f.checkVersion,
    target: f.target,
    verdict: f.verdict,
    summary_ja: line(f.summary).ja,
    summary_en: line(f.summary).en,
    evidence: boundedEvidence(f.evidence),
    at: f.at,
  }));
}

/** Every run of an assessment the caller was already allowed to read, oldest first, for its reports. */
export async function probeRunsForReport(ctx: ServiceContext, assessmentId: string): Promise<ReportProbeRun[]> {
  const db = ctx.store.db;
  const [runs, links] = await Promise.all([listProbeRuns(db, assessmentId), ctx.evidence ? ctx.evidence.checkLinks.links() : []]);
  const reqs = requirementsByCheck(links);
  const out: ReportProbeRun[] = [];
  for (const r of runs.reverse()) {
    const v = runView(r);
    const rows = await findProbeFindings(db, r.id);
    out.push({
      id: v.id,
      state: v.state,
      error: v.error,
      scope: { name: v.scope.name, authorisedBy: v.scope.authorisedBy, sha256: v.scope.sha256 },
      startedAt: v.startedAt,
      finishedAt: v.finishedAt,
      findings: rows.map((row) => ({ ...findingOf(row), requirements: reqs.get(row.check_id) ?? [] })),
    });
  }
  return out;
}
