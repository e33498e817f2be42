import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { defaultContentDir } from '../../content/content-dir.js';
import { loadCheckLinks } from '../../content/load-check-links.js';
import { AppError } from '../../core/errors.js';
import type { CheckLink } from '../../core/evidence/finding.types.js';
import { NetworkProbeRunner } from '../../probes/network-probe-runner.js';
import { PROBES } from '../../probes/probe-registry.js';
import { type ProbeRunReport, runReport } from '../../probes/run-report.js';
import { attachingActor, recordProbeRun } from '../../services/probe-run-attach.service.js';
import { withStore } from '../../services/operator-store.js';
import { type CommandIO, failureOf, parseFormat, printFailure, printJson, renderReport, UsageError } from '../output.js';
import { writeAtomically } from '../write-file.js';

export const probeHelp =
  'probe --scope FILE [--only CHECK_ID]... [--assessment ID --as EMAIL] --format text|json [--out FILE] | probe --list [--format json]   probe a device inside a declared scope, optionally attaching the run to an assessment (exit 0 no fail, 1 a fail, 2 could not run)';

/** bin/tebiki probe: runs the device probes inside a scope and reports findings with their linked requirements. */
export async function probeCommand(args: string[], io: CommandIO): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      scope: { type: 'string' },
      only: { type: 'string', multiple: true },
      format: { type: 'string' },
      out: { type: 'string' },
      list: { type: 'boolean' },
      content: { type: 'string' },
      assessment: { type: 'string' },
      as: { type: 'string' },
    },
    strict: true,
  });
  const format = parseFormat(values.format);
  const links = loadCheckLinks(resolve(values.content ?? defaultContentDir())).links;
  if (values.list) return listProbes(io, format, links);
  if (!values.scope) throw new UsageError('--scope FILE is required (or --list)');
  const file = resolve(values.scope);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    printFailure(io, format, 'probe', { code: 'unreadable', message: `cannot read ${values.scope}: ${(err as Error).message}` });
    return 2;
  }
  if (values.assessment && !values.as) throw new UsageError('--assessment ID needs --as EMAIL: the assessor the run is attached as');
  let report: ProbeRunReport;
  try {
    // Who attaches the run, and to what, is checked before any probe is sent.
    const attach = values.assessment ? await attachTarget(values.assessment, values.as ?? '') : null;
    const controller = new AbortController();
    process.once('SIGINT', () => controller.abort(new Error('interrupted')));
    const outcome = await new NetworkProbeRunner().run({
      scopeText: text,
      scopeFileName: values.scope,
      only: values.only,
      signal: controller.signal,
      onProgress: (p) => io.err(`[${p.done}/${p.total}] ${p.message}`),
    });
    const runId = attach ? await attach.record({ scopeText: text, fileName: basename(file), only: values.only ?? [], outcome }) : randomUUID();
    if (attach) io.err(`attached run ${runId} to assessment ${values.assessment}`);
    report = runReport(runId, outcome, links);
  } catch (err) {
    if (err instanceof AppError) {
      printFailure(io, format, 'probe', failureOf(err));
      return 2;
    }
    throw err;
  }
  const output = renderReport(
    format,
    () => report,
    () => textReport(report),
  );
  if (values.out) {
    writeAtomically(values.out, `${output}\n`);
    io.err(`wrote ${values.out}`);
  } else io.out(output);
  return exitCode(report);
}

/** Checks the actor and the assessment now; `record` stores the run once it has run. */
async function attachTarget(assessmentId: string, email: string) {
  await withStore(async (store, config) => attachingActor({ store, config, now: () => new Date() }, email, assessmentId));
  return {
    record: (input: Parameters<typeof recordProbeRun>[3]) =>
      withStore(async (store, config) => {
        const ctx = { store, config, now: () => new Date() };
        return (await recordProbeRun(ctx, await attachingActor(ctx, email, assessmentId), assessmentId, input)).id;
      }),
  };
}

/** 2 when no check reached any target (only errors, beside checks that did not apply), 1 when a check failed, else 0. */
export function exitCode(report: ProbeRunReport): number {
  const reached = report.findings.some((f) => f.verdict === 'pass' || f.verdict === 'fail' || f.verdict === 'inconclusive');
  if (report.findings.length === 0 || (!reached && report.findings.some((f) => f.verdict === 'error'))) return 2;
  return report.findings.some((f) => f.verdict === 'fail') ? 1 : 0;
}

function textReport(report: ProbeRunReport): string {
  const { run, findings } = report;
  const lines = [
    `scope: ${run.scope.name} (sha256 ${run.scope.sha256.slice(0, 16)}…), authorised by ${run.scope.authorisedBy}`,
    `run ${run.id}: ${run.startedAt} – ${run.finishedAt}`,
    '',
  ];
  for (const f of findings) {
    lines.push(`${f.verdict.toUpperCase().padEnd(14)} ${f.check.padEnd(26)} ${f.target.padEnd(22)} ${f.summary.en}`);
    if (f.requirements.length > 0) lines.push(`${''.padEnd(15)}→ ${f.requirements.join(', ')}`);
  }
  const counts = new Map<string, number>();
  for (const f of findings) counts.set(f.verdict, (counts.get(f.verdict) ?? 0) + 1);
  lines.push('', [...counts].map(([v, n]) => `${n} ${v}`).join(', ') || 'no findings');
  return lines.join('\n');
}

function listProbes(io: CommandIO, format: 'text' | 'json', links: readonly CheckLink[]): number {
  const rows = PROBES.map((p) => ({
    id: p.definition.id,
    version: p.definition.version,
    purpose: p.definition.purpose,
    limits: p.definition.limits,
    kinds: p.kinds.filter((k) => k !== 'unknown'),
    evidence: p.evidenceFields,
    requirements: links.filter((l) => l.check === p.definition.id).map((l) => ({ id: l.requirement, coverage: l.coverage })),
  }));
  if (format === 'json') {
    printJson(io, { probes: rows });
    return 0;
  }
  for (const r of rows) {
    io.out(`${r.id} (v${r.version}) [${r.kinds.join(', ')}]\n  ${r.purpose.en}\n  ${r.purpose.ja}`);
    io.out(`  → ${r.requirements.map((q) => `${q.id} (${q.coverage})`).join(', ') || '(not linked)'}`);
  }
  return 0;
}
