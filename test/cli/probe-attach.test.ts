/** bin/tebiki probe --assessment ID --as EMAIL: the run is stored with the assessment, like a run started in the web UI. */
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { cliEnv } from '../helpers/databases.js';
import { describeEachDatabase } from '../helpers/each-database.js';
import { projectRoot } from '../../src/content/content-dir.js';
import { tempDir } from '../helpers/temp-dir.js';
import { scopeOf, TWIN_LAB } from '../probes/twins/run-probes.js';
import { webAppForSuite } from '../probes/twins/web-app.js';
import { type AssessmentJson, useAssessmentWorld } from '../server/assessments.fixture.js';

const dir = tempDir('tebiki-probe-attach-');

/** bin/tebiki as a separate process, without blocking this one: the test device answers from here. */
function runBinAsync(args: string[], env: Record<string, string | undefined>): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(join(projectRoot(), 'bin', 'tebiki'), args, { cwd: projectRoot(), env: { ...process.env, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}
afterAll(() => dir.remove());
const bad = webAppForSuite('bad');

describeEachDatabase('bin/tebiki probe --assessment', (get) => {
  const w = useAssessmentWorld(get);
  let a: AssessmentJson;
  let scope: string;
  beforeAll(async () => {
    a = await w.create({ title: 'CLI で付ける診断' });
    scope = join(dir.path, `scope-${get().db.kind}.json`);
    writeFileSync(
      scope,
      JSON.stringify(scopeOf([{ host: '127.0.0.1', services: [{ port: bad.port, kind: 'http' }], web: { protectedPaths: ['/admin'] } }], TWIN_LAB)),
    );
  });

  it('attaches the run as the named assessor; the JSON report names the stored run', { timeout: 120_000 }, async () => {
    const r = await runBinAsync(['probe', '--scope', scope, '--assessment', a.id, '--as', 'as1@example.test', '--format', 'json'], cliEnv(get().db));
    expect(r.code, r.stderr).toBe(1);
    const report = JSON.parse(r.stdout) as { run: { id: string } };
    expect(r.stderr).toContain(`attached run ${report.run.id} to assessment ${a.id}`);
    const run = (await w.client('a1').request('GET', `/api/assessments/${a.id}/probe-runs/${report.run.id}`)).json();
    expect(run).toMatchObject({ state: 'completed', scope: { name: 'twin lab test', authorisedBy: 'test setup' }, startedBy: { displayName: '利用者 as1' } });
    expect(run.findings.some((f: { check: string; verdict: string }) => f.check === 'web.unauthenticated-access' && f.verdict === 'fail')).toBe(true);
  });

  it('refuses before sending anything: a member, an unknown user, an unknown assessment, a missing --as', { timeout: 120_000 }, async () => {
    const env = cliEnv(get().db);
    const cases = [
      [['--as', 'a1@example.test', '--assessment', a.id], /members read their assessments/],
      [['--as', 'nobody@example.test', '--assessment', a.id], /no active user nobody@example.test/],
      [['--as', 'as1@example.test', '--assessment', 'no-such-assessment'], /assessment no-such-assessment not found/],
      [['--assessment', a.id], /--assessment ID needs --as EMAIL/],
    ] as const;
    const results = await Promise.all(cases.map(([args]) => runBinAsync(['probe', '--scope', scope, ...args, '--format', 'json'], env)));
    results.forEach((r, i) => {
      expect(r.code, r.stderr).toBe(2);
      const expected = cases[i]?.[1] ?? /never/;
      if (i < 3) {
        // A refusal with --format json is one document on stdout; a usage error stays text on stderr.
        expect(JSON.parse(r.stdout)).toMatchObject({ ok: false, error: { message: expect.stringMatching(expected) } });
      } else expect(r.stderr).toMatch(expected);
      expect(r.stderr).not.toMatch(/\[1\/\d+\]/);
    });
  });
});
