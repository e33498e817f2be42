import { z } from 'zod';
import { withoutControls } from '../core/text-rules.js';
import type { AnswerOrigin } from '../core/assessment/assessment.types.js';
import type { ChecksheetItem } from '../core/assessment/checksheet.types.js';
import { ANSWER_LIMITS, type Verdict } from '../core/assessment/verdicts.js';
import type { Actor } from '../core/authorization.js';
import { AppError, validationError } from '../core/errors.js';
import type { Finding, SourcedFinding } from '../core/evidence/finding.types.js';
import { type SuggestedVerdict, suggest } from '../core/evidence/suggest.js';
import type { SuggestionView } from '../core/evidence/suggestion-view.types.js';
import { findAnswers } from '../store/assessments.repository.js';
import type { Db } from '../store/database.js';
import { findCompletedFirmwareFindings } from '../store/firmware-analyses.repository.js';
import { findCompletedFindings } from '../store/probe-runs.repository.js';
import { type AnswerWrite, writeAnswers } from './answer-writes.js';
import { itemsOf, visibleAssessment, writableAssessment } from './assessment-records.js';
import { actorId, mutate, type ServiceContext } from './context.js';
import { craFinding } from './cra-evidence.service.js';
import { findingOf } from './probe-runs.service.js';
import { sbomFindings } from './sboms.service.js';

export type { SuggestionBasisView, SuggestionView } from '../core/evidence/suggestion-view.types.js';

export const AcceptInput = z
  .object({
    requirementIds: z.array(z.string().min(1).max(200)).min(1, 'name at least one item').max(2000),
    /** Replace answers already given (by hand or by an earlier acceptance). */
    overwrite: z.boolean().default(false),
  })
  .strict();

/**
 * Every finding that speaks about the assessed product, as the one suggestion rule
 * takes them: the assessment's completed probe runs and firmware analyses, the
 * SBOM findings of the assessed product version, and the product's CRA reporting
 * state. Sources that disagree on an item show as 要確認.
 */
async function sourcedFindings(ctx: ServiceContext, actor: Actor, db: Db, row: AssessedProduct): Promise<SourcedFinding[]> {
  const [probe, firmware, product] = await Promise.all([
    findCompletedFindings(db, row.id),
    findCompletedFirmwareFindings(db, row.id),
    productFindings(ctx, actor, row),
  ]);
  return [
    ...probe.map((row): SourcedFinding => ({ ...findingOf(row), source: 'probe', runId: row.run_id })),
    ...firmware.flatMap((a) => (JSON.parse(a.findings ?? '[]') as Finding[]).map((f): SourcedFinding => ({ ...f, source: 'firmware', runId: a.id }))),
    ...product,
  ];
}

interface AssessedProduct {
  id: string;
  items_hash: string;
  product_id: string;
  product_version: string | null;
}

/** `sbom.quality` and `sbom.known-vulnerabilities` of the assessed version (when it is a registered version with an SBOM), and `cra.reporting` of the product. */
async function productFindings(ctx: ServiceContext, actor: Actor, row: AssessedProduct): Promise<SourcedFinding[]> {
  const none = (err: unknown) => {
    if (err instanceof AppError && err.code === 'not-found') return null;
    throw err;
  };
  const version = row.product_version;
  const [sbom, cra] = await Promise.all([
    version ? sbomFindings(ctx, actor, row.product_id, version).catch(none) : null,
    craFinding(ctx, actor, row.product_id).catch(none),
  ]);
  return [...(sbom ?? []).map((f): SourcedFinding => ({ ...f, source: 'sbom', runId: `sbom:${row.product_id}@${version}` })), ...(cra ? [cra] : [])];
}

/** Suggestions for the assessment's checksheet items that some finding reaches, in checksheet order. */
async function suggestionsFor(ctx: ServiceContext, actor: Actor, db: Db, row: AssessedProduct): Promise<SuggestionView[]> {
  const [findings, links, items, answers] = await Promise.all([
    sourcedFindings(ctx, actor, db, row),
    ctx.evidence ? ctx.evidence.checkLinks.links() : [],
    itemsOf(db, row),
    findAnswers(db, row.id),
  ]);
  const byRequirement = new Map(suggest(findings, links).map((s) => [s.requirement, s] as const));
  const answerOf = new Map(answers.map((a) => [a.requirement_id, a] as const));
  return items.flatMap((item: ChecksheetItem) => {
    const s = byRequirement.get(item.requirementId);
    if (!s) return [];
    const a = answerOf.get(item.requirementId);
    return [
      {
        requirementId: item.requirementId,
        no: item.no,
        title: item.title,
        verdict: s.verdict,
        reason: s.reason,
        basis: s.basis.map(({ finding: f, coverage }) => ({
          source: f.source,
          runId: f.runId,
          check: f.check,
          target: f.target,
          verdict: f.verdict,
          summary: f.summary,
          at: f.at,
          coverage,
        })),
        answer: { verdict: (a?.verdict ?? 'unassessed') as Verdict, source: a?.source ? (JSON.parse(a.source) as AnswerOrigin) : null },
      },
    ];
  });
}

/** Suggested verdicts from the runs attached to the assessment (whoever may read the assessment). */
export async function assessmentSuggestions(ctx: ServiceContext, actor: Actor, id: string): Promise<{ suggestions: SuggestionView[] }> {
  const row = await visibleAssessment(ctx, actor, id);
  return { suggestions: await suggestionsFor(ctx, actor, ctx.store.db, row) };
}

/** The evidence text of an accepted suggestion: one line per finding behind it, within the answer's limit. */
export function suggestionEvidence(s: SuggestionView): string {
  const lines = s.basis.map((b) => `[${b.source} ${b.runId}] ${b.check} ${b.target}: ${b.verdict} — ${b.summary.ja} / ${b.summary.en} (${b.at})`);
  // Findings quote what a device or an SBOM said: control characters are dropped, since the answer rules refuse them.
  const text = withoutControls(lines.join('\n'), true);
  return text.length <= ANSWER_LIMITS.evidence ? text : `${text.slice(0, ANSWER_LIMITS.evidence - 1)}…`;
}

/**
 * Accepts suggestions: each named item gets the suggested verdict, the
 * findings as its evidence and, as its source, the runs and checks they came
 * from. All or nothing: an item without a suggestion is refused, and so is an
 * item already answered unless `overwrite` is set.
 */
export async function acceptSuggestions(
  ctx: ServiceContext,
  actor: Actor,
  id: string,
  input: z.output<typeof AcceptInput>,
): Promise<{ accepted: { requirementId: string; verdict: SuggestedVerdict }[] }> {
  const row = await writableAssessment(ctx, actor, id);
  const suggestions = new Map((await suggestionsFor(ctx, actor, ctx.store.db, row)).map((s) => [s.requirementId, s] as const));
  const chosen = [...new Set(input.requirementIds)].map((requirementId, i) => {
    const s = suggestions.get(requirementId);
    if (!s) throw validationError(`requirementIds.${i}`, `${requirementId} has no suggestion in this assessment`, 'invalid');
    return s;
  });
  const answered = chosen.filter((s) => s.answer.verdict !== 'unassessed');
  if (answered.length > 0 && !input.overwrite) {
    throw new AppError(
      'conflict',
      `already answered: ${answered.map((s) => s.no).join(', ')} (a suggestion never replaces an answer unless overwrite is set)`,
      answered.map((s) => ({
        path: `requirementIds.${input.requirementIds.indexOf(s.requirementId)}`,
        message: `already answered ${s.answer.verdict}`,
        code: 'invalid',
      })),
    );
  }
  const at = ctx.now().toISOString();
  return mutate(
    ctx,
    actor,
    {
      action: 'assessment.suggestions-accepted',
      targetType: 'assessment',
      targetId: id,
      detail: { items: chosen.map((s) => ({ requirementId: s.requirementId, no: s.no, verdict: s.verdict, runs: [...new Set(s.basis.map((b) => b.runId))] })) },
    },
    async (trx) => {
      const stored = new Map((await findAnswers(trx, id)).map((a) => [a.requirement_id, a] as const));
      const writes: AnswerWrite[] = [];
      for (const s of chosen) {
        const source: AnswerOrigin = {
          kind: 'suggestion',
          suggested: s.verdict,
          reason: s.reason,
          findings: s.basis.map((b) => ({ source: b.source, runId: b.runId, check: b.check, target: b.target, verdict: b.verdict })),
          acceptedAt: at,
        };
        const current = stored.get(s.requirementId);
        writes.push({
          item: { requirementId: s.requirementId, no: s.no },
          version: Number(current?.version ?? 0),
          verdict: s.verdict,
          evidence: suggestionEvidence(s),
          comment: current?.comment ?? '',
          source: 'suggestion',
          sourceRef: [...new Set(s.basis.map((b) => `${b.source}:${b.runId}`))].join(' '),
          origin: JSON.stringify(source),
        });
      }
      // The one versioned write path: history, final read-only, conflicts.
      await writeAnswers(trx, id, writes, actorId(actor), at);
      return { accepted: chosen.map((s) => ({ requirementId: s.requirementId, verdict: s.verdict })) };
    },
  );
}
