import type { CheckDefinition, FindingVerdict } from '../core/evidence/finding.types.js';
import type { Localized } from '../core/model/edition.schema.js';
import type { ResolvedTarget, ScopeGuard } from './scope-guard.js';
import type { ScopeLimits, ScopeService, ServiceKind } from './scope.schema.js';
import type { TargetLimiter } from './target-limiter.js';

/** What a probe knows while it runs on one declared service. */
export interface ProbeContext {
  guard: ScopeGuard;
  limiter: TargetLimiter;
  resolved: ResolvedTarget;
  service: ScopeService;
  /** The declared kind, or the detected one for `auto`. */
  kind: Exclude<ServiceKind, 'auto'> | 'unknown';
  limits: ScopeLimits;
  trustedCaPem: string | undefined;
  signal: AbortSignal;
  timeoutMs: number;
  /** Work shared by several probes on the same service (the crawl, the TLS handshakes). */
  memo<T>(key: string, compute: () => Promise<T>): Promise<T>;
}

export interface ProbeResult {
  verdict: FindingVerdict;
  summary: Localized;
  /** Trimmed, with passwords, cookies and tokens masked. The fields are documented per probe. */
  evidence: Record<string, unknown>;
}

export interface Probe {
  definition: CheckDefinition;
  /** The service kinds the probe looks at; other services get no finding from it. */
  kinds: readonly (ServiceKind | 'unknown')[];
  /** Field name → what it holds: documented for readers of the run's JSON. */
  evidenceFields: Record<string, string>;
  run(ctx: ProbeContext): Promise<ProbeResult>;
}

export function result(verdict: FindingVerdict, ja: string, en: string, evidence: Record<string, unknown> = {}): ProbeResult {
  return { verdict, summary: { ja, en }, evidence };
}
