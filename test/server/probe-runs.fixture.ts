import { AppError } from '../../src/core/errors.js';
import type { CheckLink, Finding } from '../../src/core/evidence/finding.types.js';
import { createJobQueue } from '../../src/jobs/create-job-queue.js';
import type { ServiceContext } from '../../src/services/context.js';
import type { JobQueue } from '../../src/services/ports/job-queue.js';
import type { ProbeRunner, ProbeRunOutcome, ProbeRunRequest } from '../../src/services/ports/probe-runner.js';
import { registerProbeRunJob } from '../../src/services/probe-runs.service.js';
import { dropBossSchema, type TestDatabase } from '../helpers/databases.js';

/** A scope as an assessor writes it; `name` picks what the test runner below does. */
export function scopeText(name: string, extra = ''): string {
  return [
    `name: ${name}`,
    'authorisedBy: 山田 太郎 (Example Corp)',
    'window: { from: 2026-01-01T00:00:00Z, to: 2027-12-31T00:00:00Z }',
    'targets:',
    '  - host: 127.0.0.1',
    '    services:',
    '      - { port: 18080, kind: http }',
    extra,
  ].join('\n');
}

const at = '2026-12-04T10:00:00.000Z';
const finding = (check: string, verdict: Finding['verdict'], evidence: Record<string, unknown> = {}): Finding => ({
  check,
  checkVersion: 1,
  target: '127.0.0.1:18080',
  verdict,
  summary: { ja: `${check} の結果`, en: `${check} result` },
  evidence,
  at,
});

/** Findings the "bad web twin" gives: the HSTS and login checks fail, the headers check is inconclusive. */
export const BAD_WEB_FINDINGS: Finding[] = [
  finding('web.hsts', 'fail', { request: 'GET / HTTP/1.1', response: { status: 200, headers: { 'strict-transport-security': null } } }),
  finding('web.login-over-https', 'fail', { form: { action: '/login', method: 'GET' }, password: '********' }),
  finding('web.security-headers', 'inconclusive', { missing: ['content-security-policy'] }),
  finding('service.inventory', 'pass', { open: [18080] }),
];

/**
 * A test double of the probe-runner port (the network engine is tested in
 * test/probes): what it does is chosen by the scope's name.
 */
export class FixedProbeRunner implements ProbeRunner {
  readonly requests: ProbeRunRequest[] = [];

  async run(request: ProbeRunRequest): Promise<ProbeRunOutcome> {
    this.requests.push(request);
    const name = /^name: (.*)$/m.exec(request.scopeText)?.[1] ?? '';
    const scope = { name, sha256: 'f'.repeat(64), authorisedBy: '山田 太郎 (Example Corp)' };
    if (name === 'outside window') throw new AppError('validation-failed', 'scope.window: the run is outside its window (ends 2026-01-31T00:00:00Z)');
    if (name === 'hangs') {
      request.onProgress({ done: 1, total: 10, message: 'tls.certificate 127.0.0.1:8443' });
      // The signal may already be aborted (the server stopped while the run was starting): a listener added now would never fire.
      await new Promise<void>((_resolve, reject) => {
        if (request.signal.aborted) return reject(request.signal.reason);
        request.signal.addEventListener('abort', () => reject(request.signal.reason), { once: true });
      });
    }
    request.onProgress({ done: 4, total: 4, message: 'done' });
    const findings = name === 'good web' ? BAD_WEB_FINDINGS.map((f) => ({ ...f, verdict: 'pass' as const })) : BAD_WEB_FINDINGS;
    return { scope, startedAt: at, finishedAt: '2026-12-04T10:00:05.000Z', findings };
  }
}

/** Links from the test checks to three items of the assessment: one full, one partial-only, one full with an inconclusive check. */
export function linksFor(items: string[]): CheckLink[] {
  const [a, b, c] = items;
  if (!a || !b || !c) throw new Error('the assessment needs three items');
  return [
    { check: 'web.hsts', requirement: a, coverage: 'full' },
    { check: 'web.login-over-https', requirement: a, coverage: 'partial' },
    { check: 'service.inventory', requirement: b, coverage: 'partial' },
    { check: 'service.inventory', requirement: c, coverage: 'full' },
    { check: 'web.security-headers', requirement: c, coverage: 'partial' },
  ];
}

/** Gives the context a real job queue (pg-boss or in-process), the fixed runner and fixed links. */
export async function withEvidence(
  ctx: ServiceContext,
  db: TestDatabase,
  links: () => CheckLink[],
): Promise<{ runner: FixedProbeRunner; jobs: JobQueue; close(): Promise<void> }> {
  const runner = new FixedProbeRunner();
  const jobs = createJobQueue(ctx.store, db.databaseUrl, { pollMs: 50 });
  ctx.evidence = { jobs, probeRunner: runner, checkLinks: { links: async () => links() } };
  registerProbeRunJob(ctx);
  await jobs.start();
  return {
    runner,
    jobs,
    close: async () => {
      await jobs.stop();
      await dropBossSchema(db);
    },
  };
}
