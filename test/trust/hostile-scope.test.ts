import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { AppError } from '../../src/core/errors.js';
import { loadScope } from '../../src/probes/load-scope.js';
import { aliasBomb, checkPrototypesAfterEach, mutatedJson, mutatedText, RUNS, yamlNoise } from './hostile-arbitraries.js';

checkPrototypesAfterEach();

/**
 * Probe scope files (YAML or JSON) are what allow a run to touch a device:
 * a half-understood scope must never run. Whatever the text, loadScope
 * returns a checked scope or throws validation-failed whose every error
 * names file:line:column; never another error.
 */
const SCOPE = {
  name: 'lab gateway',
  authorisedBy: 'Lab manager',
  window: { from: '2026-01-01T00:00:00Z', to: '2099-01-01T00:00:00Z' },
  limits: { connectionsPerTarget: 2, requestsPerSecond: 5, maxLoginAttempts: 3 },
  allowedNetworks: ['127.0.0.0/8'],
  targets: [
    {
      host: '127.0.0.1',
      services: [
        { port: 8080, kind: 'http' },
        { port: 8883, kind: 'mqtts' },
      ],
      web: {
        paths: ['/'],
        protectedPaths: ['/admin'],
        defaultCredentials: [{ user: 'admin', password: 'admin' }],
        login: { path: '/api/login', format: 'json', csrf: { path: '/api/csrf', field: 'token', header: 'x-csrf' } },
      },
      mqtt: { credentials: { user: 'u', password: 'p' } },
      ssh: { user: 'probe' },
    },
  ],
};
const FILE = '/nonexistent-scope-dir/scope.yaml';

function expectChecked(text: string) {
  let outcome: unknown = null;
  try {
    loadScope(text, FILE);
  } catch (err) {
    outcome = err;
  }
  if (outcome === null) return;
  expect(outcome, String(outcome)).toBeInstanceOf(AppError);
  const error = outcome as AppError;
  expect(error.code).toBe('validation-failed');
  expect(error.errors?.length).toBeGreaterThan(0);
  for (const e of error.errors ?? []) {
    expect(e.path, e.message).toMatch(/\S/);
    expect(e.message, e.path).toMatch(/scope\.yaml(:\d+:\d+)?: |cannot read/);
  }
}

/** YAML noise, with numbers and addresses a scope reads and a path out of its folder. */
const noise = yamlNoise('!!binary ', '0x', '65536', '-1', '::1', 'trustedCa: ../../etc/passwd\n');

describe('probe scope files with hostile contents', () => {
  it('the sample scope is accepted', () => {
    expect(loadScope(stringify(SCOPE), FILE).scope.targets).toHaveLength(1);
  });

  it('YAML text cut, spliced and garbled', () => {
    fc.assert(fc.property(mutatedText(stringify(SCOPE), noise), expectChecked), { numRuns: RUNS * 3 });
  });

  it('JSON text cut, spliced and garbled', () => {
    fc.assert(fc.property(mutatedText(JSON.stringify(SCOPE, null, 1), noise), expectChecked), { numRuns: RUNS * 2 });
  });

  it('values replaced by hostile ones (ports, hosts, windows, limits, networks, trustedCa)', () => {
    fc.assert(
      fc.property(mutatedJson(SCOPE), (value) => expectChecked(JSON.stringify(value) ?? 'null')),
      { numRuns: RUNS * 3 },
    );
  });

  it('an alias bomb is refused, not expanded', () => {
    expect(() => loadScope(aliasBomb('x'), FILE)).toThrow(/alias/i);
  });
});
