/** TEBIKI_PROBE_NETWORKS: the server probes only inside the networks it is given, whatever a scope names. */
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.js';
import { networkLimitedRunner } from '../../src/probes/network-limited-runner.js';
import { freePort } from './twins/processes.js';
import { scopeOf } from './twins/run-probes.js';

async function run(networks: string[] | undefined, host: string) {
  const port = await freePort('127.0.0.1');
  const text = JSON.stringify(scopeOf([{ host, services: [{ port, kind: 'http' }] }]));
  return networkLimitedRunner(networks, { timeoutMs: 500 }).run({
    scopeText: text,
    scopeFileName: 'scope.json',
    only: ['service.inventory'],
    signal: new AbortController().signal,
    onProgress: () => undefined,
  });
}

describe('probe runs limited to the server’s networks', () => {
  it('refuses an address outside, and a host name that resolves outside, before anything is sent', async () => {
    await expect(run(['10.0.0.0/8'], '127.0.0.1')).rejects.toThrow(/127\.0\.0\.1: outside the networks this server may probe/);
    await expect(run(['10.0.0.0/8', '192.168.0.0/16'], 'localhost')).rejects.toThrow(/localhost \(.*\): outside the networks/);
  });

  it('runs inside them, and anywhere when none are set', async () => {
    for (const networks of [['127.0.0.0/8', '::1'], undefined]) {
      const outcome = await run(networks, '127.0.0.1');
      expect(outcome.findings.map((f) => f.check)).toContain('service.inventory');
    }
  });

  it('the setting is checked at start, naming the variable', () => {
    expect(loadConfig({ TEBIKI_PROBE_NETWORKS: '127.0.0.0/8,::1' }).probeNetworks).toEqual(['127.0.0.0/8', '::1']);
    expect(loadConfig({}).probeNetworks).toBeUndefined();
    for (const bad of ['127.0.0.0/33', 'lab-network', '300.1.1.1', '10.0.0.0/8,']) {
      expect(() => loadConfig({ TEBIKI_PROBE_NETWORKS: bad }), bad).toThrow(/TEBIKI_PROBE_NETWORKS=/);
    }
  });
});
