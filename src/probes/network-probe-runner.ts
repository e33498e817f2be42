/**
 * The network adapter behind the ProbeRunner port: loads and checks the scope, opens
 * the scope guard (window, DNS once), and runs every applicable probe on every declared
 * service, targets in parallel and each target within its scope limits.
 */
import { setMaxListeners } from 'node:events';
import { validationError } from '../core/errors.js';
import type { Finding } from '../core/evidence/finding.types.js';
import type { ProbeRunner, ProbeRunOutcome, ProbeRunRequest } from '../services/ports/probe-runner.js';
import { loadScope } from './load-scope.js';
import { PROBES, probeById } from './probe-registry.js';
import type { Probe, ProbeContext, ProbeResult } from './probe.types.js';
import { type Resolver, ScopeGuard, ScopeViolation } from './scope-guard.js';
import { detectKind } from './service/banner.js';
import { TargetLimiter } from './target-limiter.js';

export interface NetworkProbeRunnerOptions {
  now?: () => Date;
  resolver?: Resolver;
  /** How long one connection or answer may take. */
  timeoutMs?: number;
}

interface Task {
  ctx: ProbeContext;
  probe: Probe;
}

export class NetworkProbeRunner implements ProbeRunner {
  constructor(private readonly options: NetworkProbeRunnerOptions = {}) {}

  async run(request: ProbeRunRequest): Promise<ProbeRunOutcome> {
    const loaded = loadScope(request.scopeText, request.scopeFileName);
    // Every open connection listens for cancellation on the one signal of the run.
    setMaxListeners(0, request.signal);
    const probes = selectProbes(request.only);
    const now = this.options.now ?? (() => new Date());
    const guard = await ScopeGuard.open(loaded.scope, now(), this.options.resolver);
    const startedAt = now().toISOString();
    const limiter = new TargetLimiter(loaded.scope.limits);
    const findings: Finding[] = skippedFindings(guard, probes, startedAt);
    const perTarget = await Promise.all(
      guard.targets.map(async (resolved) => {
        const tasks: Task[] = [];
        for (const service of resolved.target.services) {
          const ctx = context({
            guard,
            limiter,
            resolved,
            service,
            limits: loaded.scope.limits,
            trustedCaPem: loaded.trustedCaPem,
            signal: request.signal,
            timeoutMs: this.options.timeoutMs ?? 5000,
          });
          if (service.kind === 'auto') ctx.kind = await detectKind(ctx);
          for (const probe of probes) if (probe.kinds.includes(ctx.kind)) tasks.push({ ctx, probe });
        }
        return tasks;
      }),
    );
    const total = perTarget.reduce((n, t) => n + t.length, 0);
    let done = 0;
    const runTask = async ({ ctx, probe }: Task) => {
      request.signal.throwIfAborted();
      const at = new Date().toISOString();
      const res = await runProbe(probe, ctx);
      findings.push({
        check: probe.definition.id,
        checkVersion: probe.definition.version,
        target: targetOf(ctx),
        verdict: res.verdict,
        summary: res.summary,
        evidence: res.evidence,
        at,
      });
      done++;
      request.onProgress({ done, total, message: `${probe.definition.id} ${targetOf(ctx)}` });
    };
    await Promise.all(perTarget.map((tasks) => pool(tasks, loaded.scope.limits.connectionsPerTarget, runTask)));
    request.signal.throwIfAborted();
    return {
      scope: { name: loaded.scope.name, sha256: loaded.sha256, authorisedBy: loaded.scope.authorisedBy },
      startedAt,
      finishedAt: now().toISOString(),
      findings: sortFindings(findings),
    };
  }
}

function selectProbes(only: readonly string[] | undefined): readonly Probe[] {
  if (!only || only.length === 0) return PROBES;
  const unknown = only.filter((id) => !probeById(id));
  if (unknown.length > 0) throw validationError('only', `unknown probe id(s): ${unknown.join(', ')} (bin/tebiki probe --list shows them)`, 'unknown');
  return PROBES.filter((p) => only.includes(p.definition.id));
}

function context(base: Omit<ProbeContext, 'kind' | 'memo'>): ProbeContext {
  const memo = new Map<string, Promise<unknown>>();
  return {
    ...base,
    kind: base.service.kind === 'auto' ? 'unknown' : base.service.kind,
    memo<T>(key: string, compute: () => Promise<T>): Promise<T> {
      let p = memo.get(key) as Promise<T> | undefined;
      if (!p) {
        p = compute();
        memo.set(key, p);
      }
      return p;
    },
  };
}

async function runProbe(probe: Probe, ctx: ProbeContext): Promise<ProbeResult> {
  try {
    return await probe.run(ctx);
  } catch (err) {
    if (ctx.signal.aborted) throw ctx.signal.reason;
    if (err instanceof ScopeViolation) {
      return { verdict: 'error', summary: { ja: 'スコープ外への送信を拒否した', en: 'Refused to send outside the scope' }, evidence: { refused: err.message } };
    }
    return {
      verdict: 'error',
      summary: { ja: `実行できない: ${(err as Error).message}`, en: `Could not run: ${(err as Error).message}` },
      evidence: { error: (err as Error).message },
    };
  }
}

/** Runs `work` over `items` with at most `width` at once. */
async function pool<T>(items: readonly T[], width: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++] as T);
  };
  await Promise.all(Array.from({ length: Math.min(width, items.length) }, worker));
}

const targetOf = (ctx: ProbeContext) => `${ctx.resolved.target.host}:${ctx.service.port}`;

/** Hosts the guard could not resolve (or resolved out of bounds) still appear, as errors. */
function skippedFindings(guard: ScopeGuard, probes: readonly Probe[], at: string): Finding[] {
  const inventory = probes.find((p) => p.definition.id === 'service.inventory') ?? probes[0];
  if (!inventory) return [];
  return guard.skipped().flatMap(({ host, reason }) =>
    (guard.scope.targets.find((t) => t.host === host)?.services ?? []).map((s) => ({
      check: inventory.definition.id,
      checkVersion: inventory.definition.version,
      target: `${host}:${s.port}`,
      verdict: 'error' as const,
      summary: { ja: `対象に到達できない: ${reason}`, en: `Target not reached: ${reason}` },
      evidence: { error: reason },
      at,
    })),
  );
}

function sortFindings(findings: Finding[]): Finding[] {
  const order = new Map(PROBES.map((p, i) => [p.definition.id, i]));
  return findings.sort((a, b) => a.target.localeCompare(b.target, 'en', { numeric: true }) || (order.get(a.check) ?? 0) - (order.get(b.check) ?? 0));
}
