/**
 * Firmware analyses attached to an assessment: upload (streamed to the data
 * folder by SHA-256, never into the database), a background job with progress
 * and cancel, the findings and binary table, the derived SBOM. Visibility is
 * the assessment's: another organisation's analysis answers 404.
 */
import { randomUUID } from 'node:crypto';
import type { Actor } from '../core/authorization.js';
import type { Finding } from '../core/evidence/finding.types.js';
import { AppError, validationError } from '../core/errors.js';
import type { BinaryRow } from '../firmware/checks/elf-hardening.check.js';
import { ImageTooLargeError, storeImage } from '../firmware/image-store.js';
import {
  type FirmwareAnalysisRow,
  type FirmwareAnalysisSummaryRow,
  findFirmwareAnalysis,
  insertFirmwareAnalysis,
  NOT_ANALYSED_YET,
  listFirmwareAnalyses,
  requestFirmwareCancel,
} from '../store/firmware-analyses.repository.js';
import { filenameOf } from './assessment-attachments.service.js';
import { visibleAssessment, writableAssessment } from './assessment-records.js';
import { actorId, mutate, type ServiceContext } from './context.js';
import { cancelFirmwareJob, startFirmwareJob } from './firmware-jobs.js';

export interface FirmwareUpload {
  /** The x-filename header: percent-encoded UTF-8. */
  filename: string | undefined;
  body: AsyncIterable<Buffer> | NodeJS.ReadableStream;
}

import type { FirmwareAnalysisSummary } from '../core/evidence/firmware-analysis.types.js';
export type { FirmwareAnalysisSummary };

export interface FirmwareAnalysisView extends FirmwareAnalysisSummary {
  findings: Finding[];
  binaries: BinaryRow[];
  hasSbom: boolean;
}

export function summaryOf(r: FirmwareAnalysisSummaryRow): FirmwareAnalysisSummary {
  return {
    id: r.id,
    assessmentId: r.assessment_id,
    image: { name: r.image_name, sha256: r.image_sha256, size: r.image_size, format: r.format },
    state: r.state,
    progress: r.progress ? (JSON.parse(r.progress) as FirmwareAnalysisSummary['progress']) : null,
    cancelRequested: r.cancel_requested === 1,
    error: r.error,
    files: r.files,
    createdAt: r.created_at,
    startedAt: r.started_at,
    finishedAt: r.finished_at,
  };
}

function viewOf(r: FirmwareAnalysisRow): FirmwareAnalysisView {
  return {
    ...summaryOf(r),
    findings: r.findings ? (JSON.parse(r.findings) as Finding[]) : [],
    binaries: r.binaries ? (JSON.parse(r.binaries) as BinaryRow[]) : [],
    hasSbom: r.sbom !== null,
  };
}

/** Stores the image and queues its analysis; answers at once with the queued analysis. */
export async function startFirmwareAnalysis(ctx: ServiceContext, actor: Actor, assessmentId: string, upload: FirmwareUpload): Promise<FirmwareAnalysisSummary> {
  await writableAssessment(ctx, actor, assessmentId);
  const name = filenameOf(upload.filename);
  let stored: Awaited<ReturnType<typeof storeImage>>;
  try {
    stored = await storeImage(ctx.config.dataDir, upload.body, ctx.config.firmwareMaxBytes);
  } catch (err) {
    if (err instanceof ImageTooLargeError) throw new AppError('payload-too-large', err.message);
    throw err;
  }
  if (stored.size === 0) throw validationError('body', 'the image is empty', 'invalid');
  const row: FirmwareAnalysisRow = {
    id: randomUUID(),
    assessment_id: assessmentId,
    image_sha256: stored.sha256,
    image_name: name,
    image_size: stored.size,
    state: 'queued',
    ...NOT_ANALYSED_YET,
    created_by: actorId(actor),
    created_at: ctx.now().toISOString(),
    started_at: null,
    finished_at: null,
  };
  const detail = { analysisId: row.id, sha256: stored.sha256, name, size: stored.size };
  await mutate(ctx, actor, { action: 'assessment.firmware-analysis-started', targetType: 'assessment', targetId: assessmentId, detail }, (trx) =>
    insertFirmwareAnalysis(trx, row),
  );
  await startFirmwareJob(ctx, row.id);
  return summaryOf(row);
}

export async function listAssessmentFirmware(ctx: ServiceContext, actor: Actor, assessmentId: string): Promise<FirmwareAnalysisSummary[]> {
  await visibleAssessment(ctx, actor, assessmentId);
  return (await listFirmwareAnalyses(ctx.store.db, assessmentId)).map(summaryOf);
}

/** One analysis of a visible assessment, with the assessment; 404 otherwise. */
export async function visibleAnalysisOf(ctx: ServiceContext, actor: Actor, assessmentId: string, analysisId: string) {
  const assessment = await visibleAssessment(ctx, actor, assessmentId);
  const row = await findFirmwareAnalysis(ctx.store.db, assessmentId, analysisId);
  if (!row) throw new AppError('not-found', `firmware analysis ${analysisId} not found`);
  return { assessment, row };
}

export async function visibleAnalysis(ctx: ServiceContext, actor: Actor, assessmentId: string, analysisId: string): Promise<FirmwareAnalysisRow> {
  return (await visibleAnalysisOf(ctx, actor, assessmentId, analysisId)).row;
}

export async function readFirmwareAnalysis(ctx: ServiceContext, actor: Actor, assessmentId: string, analysisId: string): Promise<FirmwareAnalysisView> {
  return viewOf(await visibleAnalysis(ctx, actor, assessmentId, analysisId));
}

export async function readFirmwareSbom(
  ctx: ServiceContext,
  actor: Actor,
  assessmentId: string,
  analysisId: string,
): Promise<{ filename: string; sbom: string }> {
  const row = await visibleAnalysis(ctx, actor, assessmentId, analysisId);
  if (!row.sbom) throw new AppError('not-found', `firmware analysis ${analysisId} has no SBOM (state ${row.state})`);
  return { filename: `${row.image_name}.cdx.json`, sbom: row.sbom };
}

/** Asks a queued or running analysis to stop; the job notices and ends as cancelled. */
export async function cancelFirmwareAnalysis(ctx: ServiceContext, actor: Actor, assessmentId: string, analysisId: string): Promise<FirmwareAnalysisSummary> {
  await writableAssessment(ctx, actor, assessmentId);
  const row = await findFirmwareAnalysis(ctx.store.db, assessmentId, analysisId);
  if (!row) throw new AppError('not-found', `firmware analysis ${analysisId} not found`);
  await mutate(
    ctx,
    actor,
    { action: 'assessment.firmware-analysis-cancel', targetType: 'assessment', targetId: assessmentId, detail: { analysisId } },
    async (trx) => {
      if (!(await requestFirmwareCancel(trx, analysisId))) throw new AppError('conflict', `the analysis has already ended (${row.state})`);
    },
  );
  await cancelFirmwareJob(ctx, analysisId);
  return summaryOf({ ...row, cancel_requested: 1 });
}
