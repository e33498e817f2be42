/**
 * No probe sends more than the scope allows: the device web app counts connections
 * (each request is one), their overlap, and login attempts.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { TargetLimiter } from '../../src/probes/target-limiter.js';
import { tempDir } from '../helpers/temp-dir.js';
import { findingOf, runScope, scopeOf } from './twins/run-probes.js';
import { webAppForSuite } from './twins/web-app.js';

const dir = tempDir('tebiki-limits-');
afterAll(() => dir.remove());
const app = webAppForSuite('bad');

describe('scope limits', () => {
  it('keeps to connectionsPerTarget, requestsPerSecond and maxLoginAttempts on a whole web run', async () => {
    const limits = { connectionsPerTarget: 2, requestsPerSecond: 20, maxLoginAttempts: 2 };
    const defaultCredentials = [
      { user: 'root', password: 'root' },
      { user: 'admin', password: '1234' },
      { user: 'admin', password: 'admin' },
    ];
    const run = await runScope(
      dir.path,
      scopeOf([{ host: '127.0.0.1', services: [{ port: app.port, kind: 'http' }], web: { protectedPaths: ['/admin'], defaultCredentials } }], { limits }),
    );
    const { connections, maxConcurrent, loginAttempts } = app.stats;
    expect(maxConcurrent).toBeLessThanOrEqual(2);
    expect(loginAttempts).toBe(2);
    const creds = findingOf(run, 'web.default-credentials', `127.0.0.1:${app.port}`);
    expect(creds).toMatchObject({ verdict: 'inconclusive', evidence: { stoppedBecause: 'scope limit maxLoginAttempts=2' } });
    expect(connections).toBeGreaterThanOrEqual(8);
  });

  it('paces the starts of each target at least 1/requestsPerSecond apart', async () => {
    const limiter = new TargetLimiter({ connectionsPerTarget: 4, requestsPerSecond: 50, maxLoginAttempts: 0 });
    const signal = new AbortController().signal;
    await Promise.all(Array.from({ length: 12 }, (_, i) => limiter.run(i % 2 ? 'a' : 'b', signal, async () => undefined)));
    for (const target of ['a', 'b']) {
      const schedule = limiter.startSchedule(target);
      expect(schedule).toHaveLength(6);
      const gaps = schedule.slice(1).map((at, i) => at - (schedule[i] ?? 0));
      expect(gaps.every((gap) => gap >= 20)).toBe(true);
    }
  });

  it('the limiter never lets more than connectionsPerTarget run at once, per target', async () => {
    const limiter = new TargetLimiter({ connectionsPerTarget: 3, requestsPerSecond: 1000, maxLoginAttempts: 0 });
    const active = new Map<string, number>();
    const peak = new Map<string, number>();
    const signal = new AbortController().signal;
    // Work holds its slot until both targets have had three at once, so the peak is reached
    // whatever the machine's load; a limiter letting a fourth in would show a peak above 3.
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const work = (target: string) =>
      limiter.run(target, signal, async () => {
        active.set(target, (active.get(target) ?? 0) + 1);
        peak.set(target, Math.max(peak.get(target) ?? 0, active.get(target) ?? 0));
        if (peak.get('a') === 3 && peak.get('b') === 3) release();
        await gate;
        await new Promise((r) => setImmediate(r));
        active.set(target, (active.get(target) ?? 0) - 1);
      });
    await Promise.all([...Array.from({ length: 20 }, () => work('a')), ...Array.from({ length: 20 }, () => work('b'))]);
    expect(Object.fromEntries(peak)).toEqual({ a: 3, b: 3 });
    expect(limiter.started('a')).toBe(20);
  });

  it('a run cancelled after its first finding rejects and sends nothing more', async () => {
    const controller = new AbortController();
    const { NetworkProbeRunner } = await import('../../src/probes/network-probe-runner.js');
    const scope = JSON.stringify(
      scopeOf([{ host: '127.0.0.1', services: [{ port: app.port, kind: 'http' }] }], { limits: { connectionsPerTarget: 1, requestsPerSecond: 5 } }),
    );
    const before = app.stats.connections;
    const run = new NetworkProbeRunner().run({
      scopeText: scope,
      scopeFileName: 'scope.json',
      signal: controller.signal,
      onProgress: () => controller.abort(new Error('cancelled by the assessor')),
    });
    await expect(run).rejects.toThrow('cancelled by the assessor');
    const atCancel = app.stats.connections;
    expect(atCancel - before).toBeLessThan(6);
    const again = await runScope(
      dir.path,
      scopeOf([{ host: '127.0.0.1', services: [{ port: app.port, kind: 'http' }] }], { limits: { requestsPerSecond: 100 } }),
      ['service.inventory'],
    );
    expect(again.findings).toHaveLength(1);
    expect(app.stats.connections - atCancel).toBe(1);
  });

  it('a cancelled run stops waiting for its turn', async () => {
    const limiter = new TargetLimiter({ connectionsPerTarget: 1, requestsPerSecond: 1, maxLoginAttempts: 0 });
    const controller = new AbortController();
    const first = limiter.run('a', controller.signal, async () => undefined);
    const second = limiter.run('a', controller.signal, async () => 'ran');
    await first;
    controller.abort(new Error('cancelled by the assessor'));
    await expect(second).rejects.toThrow('cancelled by the assessor');
  });
});
