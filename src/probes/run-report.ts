/**
 * The JSON a probe run is reported as (`bin/tebiki probe --format json`), with each
 * finding's linked guidebook requirements. Its JSON Schema is generated from ProbeRunReport.
 */
import { z } from 'zod';
import type { CheckLink } from '../core/evidence/finding.types.js';
import { FINDING_VERDICTS } from '../core/evidence/finding.types.js';
import type { ProbeRunOutcome } from '../services/ports/probe-runner.js';

export const ReportedFinding = z
  .object({
    check: z.string().describe('the probe id, e.g. web.hsts'),
    checkVersion: z.number().int(),
    target: z.string().describe('host:port'),
    verdict: z.enum(FINDING_VERDICTS),
    requirements: z.array(z.string()).describe('guidebook requirement ids the check is linked to (content/checks)'),
    summary: z.object({ ja: z.string(), en: z.string() }),
    evidence: z
      .record(z.string(), z.unknown())
      .describe('what was sent and what came back, trimmed, secrets masked; fields per probe in bin/tebiki probe --list --format json'),
    at: z.iso.datetime().describe('when the probe ran'),
  })
  .strict();

export const ProbeRunReport = z
  .object({
    run: z
      .object({
        id: z.string(),
        scope: z.object({ name: z.string(), sha256: z.string().regex(/^[0-9a-f]{64}$/), authorisedBy: z.string() }).strict(),
        startedAt: z.iso.datetime(),
        finishedAt: z.iso.datetime(),
      })
      .strict(),
    findings: z.array(ReportedFinding),
  })
  .strict();
export type ProbeRunReport = z.infer<typeof ProbeRunReport>;

export function runReport(id: string, outcome: ProbeRunOutcome, links: readonly CheckLink[]): ProbeRunReport {
  const byCheck = new Map<string, string[]>();
  for (const l of links) byCheck.set(l.check, [...(byCheck.get(l.check) ?? []), l.requirement]);
  return {
    run: { id, scope: outcome.scope, startedAt: outcome.startedAt, finishedAt: outcome.finishedAt },
    findings: outcome.findings.map((f) => ({
      check: f.check,
      checkVersion: f.checkVersion,
      target: f.target,
      verdict: f.verdict,
      requirements: byCheck.get(f.check) ?? [],
      summary: f.summary,
      evidence: f.evidence,
      at: f.at,
    })),
  };
}
