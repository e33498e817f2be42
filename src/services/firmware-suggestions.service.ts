/**
 * From a completed firmware analysis to suggested verdicts for the
 * assessment's check items, through content/checks/firmware.yaml and the one
 * suggestion rule (core/evidence/suggest.ts). A suggestion is never an answer:
 * accepting one writes the answer and records the analysis it came from.
 */
import { withoutControls } from '../core/text-rules.js';
import type { Actor } from '../core/authorization.js';
import { ANSWER_LIMITS } from '../core/assessment/verdicts.js';
import type { Finding, SourcedFinding } from '../core/evidence/finding.types.js';
import { type Suggestion, suggest } from '../core/evidence/suggest.js';
import { AppError } from '../core/errors.js';
import { firmwareLinks } from '../firmware/firmware-links.js';
import { type FirmwareAnalysisRow, listAnswerSources, upsertAnswerSource } from '../store/firmware-analyses.repository.js';
import { answerNow, writeAnswers } from './answer-writes.js';
import { itemsOf, writableAssessment } from './assessment-records.js';
import { actorId, mutate, type ServiceContext } from './context.js';
import { visibleAnalysis, visibleAnalysisOf } from './firmware-analyses.service.js';

export interface FirmwareSuggestionView {
  requirementId: string;
  no: string;
  verdict: Suggestion['verdict'];
  reason: Suggestion['reason'];
  basis: { check: string; target: string; verdict: Finding['verdict']; coverage: string; summary: Finding['summary'] }[];
  /** Whether the answer was last set by accepting this analysis's suggestion. */
  accepted: boolean;
}

function suggestionsOf(ctx: ServiceContext, row: FirmwareAnalysisRow): Suggestion[] {
  if (row.state !== 'completed' || !row.findings) throw new AppError('conflict', `the analysis is ${row.state}, not completed`);
  const findings: SourcedFinding[] = (JSON.parse(row.findings) as Finding[]).map((f) => ({ ...f, source: 'firmware', runId: row.id }));
  return suggest(findings, firmwareLinks(ctx.config.contentDir));
}

export async function firmwareSuggestions(ctx: ServiceContext, actor: Actor, assessmentId: string, analysisId: string): Promise<FirmwareSuggestionView[]> {
  const { assessment, row } = await visibleAnalysisOf(ctx, actor, assessmentId, analysisId);
  const items = new Map((await itemsOf(ctx.store.db, assessment)).map((i) => [i.requirementId, i.no]));
  const sources = new Map((await listAnswerSources(ctx.store.db, assessmentId)).map((s) => [s.requirement_id, s]));
  return suggestionsOf(ctx, row)
    .filter((s) => items.has(s.requirement))
    .map((s) => ({
      requirementId: s.requirement,
      no: items.get(s.requirement) ?? '',
      verdict: s.verdict,
      reason: s.reason,
      basis: s.basis.map((b) => ({
        check: b.finding.check,
        target: b.finding.target,
        verdict: b.finding.verdict,
        coverage: b.coverage,
        summary: b.finding.summary,
      })),
      accepted: sources.get(s.requirement)?.run_id === analysisId,
    }));
}

/** The evidence text an accepted suggestion writes: which image, when, and the findings behind it. */
function evidenceText(row: FirmwareAnalysisRow, s: Suggestion): string {
  const head = `ファームウェア解析 / firmware analysis ${row.id}: ${row.image_name} (sha256 ${row.image_sha256.slice(0, 16)}…, ${row.finished_at ?? ''})`;
  const lines = s.basis.map((b) => `- ${b.finding.check} ${b.finding.target}: ${b.finding.verdict} — ${b.finding.summary.ja} / ${b.finding.summary.en}`);
  // Names from the image may hold control characters, which the answer rules refuse.
  return withoutControls([head, ...lines].join('\n'), true).slice(0, ANSWER_LIMITS.evidence);
}

export async function acceptFirmwareSuggestion(
  ctx: ServiceContext,
  actor: Actor,
  assessmentId: string,
  analysisId: string,
  requirementId: string,
): Promise<FirmwareSuggestionView> {
  const assessment = await writableAssessment(ctx, actor, assessmentId);
  const row = await visibleAnalysis(ctx, actor, assessmentId, analysisId);
  const item = (await itemsOf(ctx.store.db, assessment)).find((i) => i.requirementId === requirementId);
  const s = suggestionsOf(ctx, row).find((x) => x.requirement === requirementId);
  if (!item || !s) throw new AppError('not-found', `no firmware suggestion for ${requirementId} in analysis ${analysisId}`);
  const at = ctx.now().toISOString();
  const detail = { requirementId, no: item.no, source: 'firmware', runId: analysisId, verdict: s.verdict };
  await mutate(ctx, actor, { action: 'assessment.suggestion-accepted', targetType: 'assessment', targetId: assessmentId, detail }, async (trx) => {
    // The one write path for answers (versions, history, final read-only), as for every other source.
    const current = await answerNow(trx, assessmentId, requirementId);
    await writeAnswers(
      trx,
      assessmentId,
      [
        {
          item,
          version: current.version,
          verdict: s.verdict,
          evidence: evidenceText(row, s),
          comment: current.comment,
          source: 'suggestion',
          sourceRef: `firmware:${analysisId}`,
        },
      ],
      actorId(actor),
      at,
    );
    await upsertAnswerSource(trx, {
      assessment_id: assessmentId,
      requirement_id: requirementId,
      source: 'firmware',
      run_id: analysisId,
      suggested: s.verdict,
      accepted_by: actorId(actor),
      accepted_at: at,
    });
  });
  const view = (await firmwareSuggestions(ctx, actor, assessmentId, analysisId)).find((v) => v.requirementId === requirementId);
  if (!view) throw new AppError('internal');
  return view;
}
