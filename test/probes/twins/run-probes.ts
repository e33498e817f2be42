import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Finding } from '../../../src/core/evidence/finding.types.js';
import { NetworkProbeRunner, type NetworkProbeRunnerOptions } from '../../../src/probes/network-probe-runner.js';
import type { ProbeRunOutcome } from '../../../src/services/ports/probe-runner.js';

/** A window open from an hour ago to an hour from now. */
export function openWindow(): { from: string; to: string } {
  return { from: new Date(Date.now() - 3600_000).toISOString(), to: new Date(Date.now() + 3600_000).toISOString() };
}

/** The scope limits the twin tests run under. */
export const TWIN_LAB = { limits: { connectionsPerTarget: 2, requestsPerSecond: 50, maxLoginAttempts: 3 } };

/** A target on the loopback address with these services, and any further target fields (`web`, `mqtt`). */
export function onLoopback(services: { port: number; kind: string }[], fields: Record<string, unknown> = {}): Record<string, unknown> {
  return { host: '127.0.0.1', services, ...fields };
}

export function scopeOf(targets: unknown[], extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { name: 'twin lab test', authorisedBy: 'test setup', window: openWindow(), targets, ...extra };
}

/** Writes the scope as JSON beside the certificates and runs it. */
export async function runScope(
  dir: string,
  scope: Record<string, unknown>,
  only?: string[],
  options: NetworkProbeRunnerOptions = {},
): Promise<ProbeRunOutcome> {
  const file = join(dir, `scope-${Math.random().toString(36).slice(2)}.json`);
  const text = JSON.stringify(scope);
  writeFileSync(file, text);
  return new NetworkProbeRunner(options).run({ scopeText: text, scopeFileName: file, only, signal: new AbortController().signal, onProgress: () => undefined });
}

export function findingOf(outcome: ProbeRunOutcome, check: string, target: string): Finding {
  const f = outcome.findings.find((x) => x.check === check && x.target === target);
  if (!f) throw new Error(`no ${check} finding for ${target}; have ${outcome.findings.map((x) => `${x.check}@${x.target}`).join(', ')}`);
  return f;
}
