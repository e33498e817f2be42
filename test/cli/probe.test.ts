/** bin/tebiki probe: JSON and text reports, --only, --out, --list, progress on stderr, exit codes 0/1/2. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { afterAll, describe, expect, it } from 'vitest';
import { defaultContentDir } from '../../src/content/content-dir.js';
import { freePort } from '../probes/twins/processes.js';
import { scopeOf, TWIN_LAB } from '../probes/twins/run-probes.js';
import { webAppForSuite } from '../probes/twins/web-app.js';
import { runBin, runCli } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp-dir.js';

const dir = tempDir('tebiki-probe-cli-');
afterAll(() => dir.remove());
const bad = webAppForSuite('bad');
const good = webAppForSuite('good');

function scopeFile(name: string, scope: Record<string, unknown>): string {
  const file = join(dir.path, name);
  writeFileSync(file, JSON.stringify(scope));
  return file;
}

describe('bin/tebiki probe', () => {
  it('reports a failing device as JSON that matches the generated schema, with requirements, and exits 1', async () => {
    const file = scopeFile(
      'bad.json',
      scopeOf([{ host: '127.0.0.1', services: [{ port: bad.port, kind: 'http' }], web: { protectedPaths: ['/admin'] } }], TWIN_LAB),
    );
    const out = join(dir.path, 'run.json');
    const { code, stderr } = await runCli(['probe', '--scope', file, '--format', 'json', '--out', out]);
    expect(code).toBe(1);
    expect(stderr).toMatch(/\[1\/\d+\] /);
    const report = JSON.parse(readFileSync(out, 'utf8'));
    const schema = JSON.parse(readFileSync(join(defaultContentDir(), 'schema', 'probe-findings.schema.json'), 'utf8'));
    const ajv = new Ajv2020.default({ strict: false });
    addFormats.default(ajv);
    expect(ajv.validate(schema, report), JSON.stringify(ajv.errors)).toBe(true);
    expect(report.run.scope).toMatchObject({ name: 'twin lab test', sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(report.findings).toContainEqual(
      expect.objectContaining({
        check: 'web.unauthenticated-access',
        target: `127.0.0.1:${bad.port}`,
        verdict: 'fail',
        requirements: ['design-authz-access-control', 'design-auth-user-authentication'],
      }),
    );
  });

  it('--only runs just the named checks; a device that passes them exits 0 (text format)', async () => {
    const file = scopeFile('good.json', scopeOf([{ host: '127.0.0.1', services: [{ port: good.port, kind: 'http' }] }], TWIN_LAB));
    const { code, stdout } = await runCli(['probe', '--scope', file, '--only', 'web.reflected-input', '--only', 'web.secrets-in-url', '--format', 'text']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^PASS\s+web\.reflected-input\s+127\.0\.0\.1:\d+\s+Input is escaped or not returned$/m);
    expect(stdout).toMatch(/^PASS\s+web\.secrets-in-url/m);
    expect(stdout).not.toMatch(/web\.cookie-flags/);
    expect(stdout).toMatch(/^2 pass$/m);
  });

  it('exits 2 when nothing answers, when the scope is invalid, outside its window, or names an unknown check', async () => {
    const closed = await freePort();
    const nothing = scopeFile('nothing.json', scopeOf([{ host: '127.0.0.1', services: [{ port: closed, kind: 'http' }] }], TWIN_LAB));
    expect((await runCli(['probe', '--scope', nothing, '--format', 'json'])).code).toBe(2);
    const invalid = join(dir.path, 'invalid.yaml');
    writeFileSync(invalid, 'name: x\ntargets: []\n');
    const r = runBin(['probe', '--scope', invalid]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/invalid\.yaml:1:1: authorisedBy: is required/);
    const past = scopeFile('past.json', {
      ...scopeOf([{ host: '127.0.0.1', services: [{ port: good.port, kind: 'http' }] }]),
      window: { from: '2020-01-01T00:00:00Z', to: '2020-02-01T00:00:00Z' },
    });
    const outside = await runCli(['probe', '--scope', past]);
    expect(outside.code).toBe(2);
    expect(outside.stderr).toMatch(/outside the scope's window/);
    const unknown = await runCli(['probe', '--scope', nothing, '--only', 'web.nope']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/unknown probe id\(s\): web\.nope/);
  });

  it('--list prints every probe with its linked requirements', async () => {
    const { code, stdout } = await runCli(['probe', '--list', '--format', 'json']);
    expect(code).toBe(0);
    const { probes } = JSON.parse(stdout);
    expect(probes).toHaveLength(19);
    expect(probes.find((p: { id: string }) => p.id === 'tls.protocol-versions')).toMatchObject({
      purpose: { en: expect.stringContaining('TLS 1.0') },
      requirements: expect.arrayContaining([{ id: 'design-comm-protocol-protection', coverage: 'partial' }]),
      evidence: expect.objectContaining({ accepted: expect.any(String) }),
    });
  });
});
