/**
 * The firmware analysis job, on the shared job queue (ports/job-queue.ts: pg-boss on
 * PostgreSQL, in-process on SQLite) as kind `firmware-analysis`, registered at start
 * (start-platform.ts), so any process can run, show or cancel it. A service context
 * without a queue (unit-level tests that build the app themselves) runs the job in
 * this process, one at a time. State and progress live in the analysis row.
 */
import type { JobContext } from './ports/job-queue.js';
import { analyseFirmware } from '../firmware/analyse-firmware.js';
import { imagePath, workDir } from '../firmware/image-store.js';
import { UnpackError } from '../firmware/unpack/unpack.types.js';
import { findFirmwareAnalysisById, finishFirmwareAnalysis, updateFirmwareAnalysis } from '../store/firmware-analyses.repository.js';
import type { ServiceContext } from './context.js';

export const FIRMWARE_JOB = 'firmware-analysis';
/** Unpacking, seven checks, the SBOM. */
const STEPS = 9;

interface Running {
  controller: AbortController;
  done: Promise<void>;
}

const jobs = new Map<string, Running>();
let chain: Promise<void> = Promise.resolve();

export function registerFirmwareJob(ctx: ServiceContext): void {
  ctx.evidence?.jobs.register<{ analysisId: string }>(FIRMWARE_JOB, (job) => runFirmwareAnalysisJob(ctx, job));
}

/** Queues the analysis (the job id is the analysis id). */
export async function startFirmwareJob(ctx: ServiceContext, analysisId: string): Promise<void> {
  const queue = ctx.evidence?.jobs;
  if (queue) {
    await queue.enqueue(FIRMWARE_JOB, { analysisId }, { id: analysisId });
    return;
  }
  // One analysis at a time in this process: unpacking is disk- and CPU-heavy.
  const controller = new AbortController();
  const done = chain.then(() =>
    runFirmwareAnalysisJob(ctx, {
      id: analysisId,
      payload: { analysisId },
      signal: controller.signal,
      progress: (d, t, m) => saveProgress(ctx, analysisId, d, t, m),
    }),
  );
  chain = done.catch(() => {});
  jobs.set(analysisId, { controller, done });
  void done.finally(() => jobs.delete(analysisId));
}

export async function cancelFirmwareJob(ctx: ServiceContext, analysisId: string): Promise<void> {
  jobs.get(analysisId)?.controller.abort();
  await ctx.evidence?.jobs.requestCancel(analysisId);
}

/** Resolves when the analysis's job has ended (at once when none runs here). For tests and shutdown. */
export async function firmwareJobEnded(analysisId: string): Promise<void> {
  await jobs.get(analysisId)?.done.catch(() => {});
}

async function saveProgress(ctx: ServiceContext, id: string, done: number, total: number, message: string): Promise<void> {
  await updateFirmwareAnalysis(ctx.store.db, id, { progress: JSON.stringify({ done, total, message }) });
}

export async function runFirmwareAnalysisJob(ctx: ServiceContext, job: JobContext<{ analysisId: string }>): Promise<void> {
  const db = ctx.store.db;
  const id = job.payload.analysisId;
  const row = await findFirmwareAnalysisById(db, id);
  if (row?.state !== 'queued') return;
  if (row.cancel_requested === 1 || job.signal.aborted) {
    await updateFirmwareAnalysis(db, id, { state: 'cancelled', finished_at: ctx.now().toISOString() });
    return;
  }
  await updateFirmwareAnalysis(db, id, { state: 'running', started_at: ctx.now().toISOString() });
  let step = 0;
  const pending: Promise<void>[] = [];
  try {
    const a = await analyseFirmware(imagePath(ctx.config.dataDir, row.image_sha256), {
      workParent: workDir(ctx.config.dataDir),
      signal: job.signal,
      progress: (message) => {
        step = Math.min(step + (message.startsWith('check ') || message === 'sbom' ? 1 : 0), STEPS);
        pending.push(job.progress(step, STEPS, message));
      },
    });
    await Promise.all(pending);
    const written = await finishFirmwareAnalysis(db, id, {
      state: 'completed',
      format: a.image.format,
      files: a.files,
      findings: JSON.stringify(a.findings),
      binaries: JSON.stringify(a.binaries),
      sbom: a.sbom,
      progress: JSON.stringify({ done: STEPS, total: STEPS, message: 'done' }),
      finished_at: ctx.now().toISOString(),
    });
    // a cancel that arrived while the last check ran still wins: the results are dropped
    if (!written) await updateFirmwareAnalysis(db, id, { state: 'cancelled', finished_at: ctx.now().toISOString() });
  } catch (err) {
    await Promise.allSettled(pending);
    const cancelled = job.signal.aborted || (await findFirmwareAnalysisById(db, id))?.cancel_requested === 1;
    const message = err instanceof UnpackError ? `${err.code}: ${err.message}` : (err as Error).message;
    await updateFirmwareAnalysis(db, id, {
      state: cancelled ? 'cancelled' : 'failed',
      error: cancelled ? null : message,
      finished_at: ctx.now().toISOString(),
    });
  }
}
