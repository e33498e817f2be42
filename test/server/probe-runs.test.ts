import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { CheckLink } from '../../src/core/evidence/finding.types.js';
import { describeEachDatabase } from '../helpers/each-database.js';
import { type AssessmentJson, useAssessmentWorld } from './assessments.fixture.js';
import { recordProbeRun } from '../../src/services/probe-run-attach.service.js';
import { FixedProbeRunner, linksFor, scopeText, withEvidence } from './probe-runs.fixture.js';

interface RunJson {
  id: string;
  state: string;
  error: string | null;
  progress: { done: number; total: number; message: string } | null;
  scope: { name: string; authorisedBy: string; sha256: string };
}

describeEachDatabase('probe runs and suggestions through the API', (get) => {
  const w = useAssessmentWorld(get);
  let a: AssessmentJson;
  let links: CheckLink[] = [];
  let evidence: Awaited<ReturnType<typeof withEvidence>>;
  let runner: FixedProbeRunner;
  let item: [string, string, string];

  beforeAll(async () => {
    evidence = await withEvidence(w.ctx, get().db, () => links);
    runner = evidence.runner;
    a = await w.create({ title: 'カメラ X100 診断' });
    item = a.items.slice(0, 3).map((i) => i.requirementId) as [string, string, string];
    links = linksFor(item);
  });
  afterAll(async () => {
    await evidence?.close();
  });

  const runs = (id = a.id) => `/api/assessments/${id}/probe-runs`;
  async function start(scope: string, who: 'as1' | 'a1' | 'b1' = 'as1') {
    return w.client(who).request('POST', runs(), { scope, fileName: 'x100.yaml' });
  }
  async function finished(runId: string, state = 'completed'): Promise<RunJson> {
    let run: RunJson | undefined;
    await vi.waitFor(
      async () => {
        run = (await w.client('as1').request('GET', `${runs()}/${runId}`)).json() as RunJson;
        expect(run.state).toBe(state);
      },
      { timeout: 15_000, interval: 50 },
    );
    return run as RunJson;
  }

  describe('a run on the bad web twin', () => {
    let run: RunJson;
    beforeAll(async () => {
      const r = await start(scopeText('bad web'));
      expect(r.statusCode, r.body).toBe(202);
      run = r.json() as RunJson;
      expect(run.scope).toMatchObject({ name: 'bad web', authorisedBy: '山田 太郎 (Example Corp)' });
      expect(['queued', 'running', 'completed']).toContain(run.state);
      run = await finished(run.id);
    });

    it('stores the scope as uploaded and the findings with their evidence, own time and linked items', async () => {
      const detail = (await w.client('as1').request('GET', `${runs()}/${run.id}`)).json();
      expect(detail.scopeText).toBe(scopeText('bad web'));
      expect(detail.scope.sha256).toBe('f'.repeat(64));
      expect(detail.progress).toEqual({ done: 4, total: 4, message: 'done' });
      expect(detail.counts).toMatchObject({ fail: 2, inconclusive: 1, pass: 1 });
      const hsts = detail.findings.find((f: { check: string }) => f.check === 'web.hsts');
      expect(hsts).toMatchObject({
        verdict: 'fail',
        target: '127.0.0.1:18080',
        at: '2026-12-04T10:00:00.000Z',
        evidence: { response: { status: 200 } },
        requirements: [{ id: item[0], coverage: 'full' }],
      });
      expect(runner.requests.at(-1)?.scopeFileName).toBe('x100.yaml');
      const listed = (await w.client('as1').request('GET', runs())).json().runs as RunJson[];
      expect(listed.map((r) => r.id)).toContain(run.id);
    });

    it('suggests 不適合 where a linked check failed, 要確認 for partial links or inconclusive checks, listing each finding', async () => {
      const body = (await w.client('as1').request('GET', `/api/assessments/${a.id}/suggestions`)).json();
      const by = new Map(
        (body.suggestions as { requirementId: string; verdict: string; reason: string; basis: { check: string; runId: string; coverage: string }[] }[]).map(
          (s) => [s.requirementId, s],
        ),
      );
      expect(by.get(item[0])).toMatchObject({ verdict: 'fail', reason: 'linked-check-failed' });
      expect(by.get(item[0])?.basis.map((b) => [b.check, b.coverage, b.runId])).toEqual([
        ['web.hsts', 'full', run.id],
        ['web.login-over-https', 'partial', run.id],
      ]);
      expect(by.get(item[1])).toMatchObject({ verdict: 'needs-review', reason: 'partial-links-only' });
      expect(by.get(item[2])).toMatchObject({ verdict: 'needs-review', reason: 'inconclusive-or-error' });
      expect(by.size).toBe(3);
    });

    it('accepting writes the suggested verdict with the findings as evidence and the run as source; never over an answer', async () => {
      const accept = (who: 'as1' | 'a1', body: unknown) => w.client(who).request('POST', `/api/assessments/${a.id}/suggestions/accept`, body);
      // An answer typed by hand is not replaced silently.
      const typed = await w
        .client('as1')
        .request('PUT', `/api/assessments/${a.id}/answers/${item[1]}`, { verdict: 'pass', evidence: '目視', comment: '', version: 0 });
      expect(typed.statusCode, typed.body).toBe(200);
      const refused = await accept('as1', { requirementIds: [item[0], item[1]] });
      expect(refused.statusCode, refused.body).toBe(409);
      expect(refused.json().errors[0].path).toBe('body.requirementIds.1');
      const noSuggestion = a.items[5]?.requirementId as string;
      const bad = await accept('as1', { requirementIds: [noSuggestion] });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().errors[0].path).toBe('body.requirementIds.0');
      expect((await accept('a1', { requirementIds: [item[0]] })).statusCode).toBe(403);
      let view = (await w.client('as1').request('GET', `/api/assessments/${a.id}`)).json() as AssessmentJson;
      expect(view.answers.find((x) => x.requirementId === item[0])?.verdict).toBe('unassessed');

      const ok = await accept('as1', { requirementIds: [item[0], item[2]] });
      expect(ok.statusCode, ok.body).toBe(200);
      expect(ok.json().accepted).toEqual([
        { requirementId: item[0], verdict: 'fail' },
        { requirementId: item[2], verdict: 'needs-review' },
      ]);
      view = (await w.client('as1').request('GET', `/api/assessments/${a.id}`)).json() as AssessmentJson;
      const first = view.answers.find((x) => x.requirementId === item[0]) as AssessmentJson['answers'][number] & {
        source: { findings: { runId: string; check: string }[] };
      };
      expect(first.verdict).toBe('fail');
      expect(first.evidence).toContain(`[probe ${run.id}] web.hsts 127.0.0.1:18080: fail`);
      expect(first.source.findings.map((f) => [f.runId, f.check])).toEqual([
        [run.id, 'web.hsts'],
        [run.id, 'web.login-over-https'],
      ]);
      const overwrite = await accept('as1', { requirementIds: [item[1]], overwrite: true });
      expect(overwrite.statusCode, overwrite.body).toBe(200);
      // Override: the normal answer write; the answer no longer claims a run as its source.
      const put = await w
        .client('as1')
        .request('PUT', `/api/assessments/${a.id}/answers/${item[0]}`, { verdict: 'pass', evidence: '修正を確認', comment: '', version: first.version });
      expect(put.statusCode, put.body).toBe(200);
      expect(put.json().source).toBeUndefined();
      const audit = (await w.client('admin').request('GET', '/api/admin/audit?limit=50')).json().entries as { action: string }[];
      expect(audit.map((e) => e.action)).toEqual(expect.arrayContaining(['probe-run.started', 'probe-run.completed', 'assessment.suggestions-accepted']));
    });

    it('the run and its evidence are in the assessment’s JSON and OSCAL reports', async () => {
      const json = (await w.client('a1').request('GET', `/api/assessments/${a.id}/report?format=json`)).json();
      const reported = (json.probeRuns as { id: string; scope: { authorisedBy: string }; findings: { check: string; evidence: unknown }[] }[]).find(
        (r) => r.id === run.id,
      );
      expect(reported?.scope.authorisedBy).toBe('山田 太郎 (Example Corp)');
      expect(reported?.findings.find((f) => f.check === 'web.hsts')?.evidence).toMatchObject({ response: { status: 200 } });
      const oscal = (await w.client('as1').request('GET', `/api/assessments/${a.id}/report?format=oscal`)).json();
      const observations = oscal['assessment-results'].results[0].observations as { props: { name: string; value: string }[] }[];
      expect(observations.some((o) => o.props.some((p) => p.name === 'probe-run-id' && p.value === run.id))).toBe(true);
      expect((await w.client('b1').request('GET', `/api/assessments/${a.id}/report?format=json`)).statusCode).toBe(404);
    });

    it('firmware findings join the same rule: a full firmware pass beside a partial probe pass suggests 適合, listing both sources', async () => {
      const at = '2026-12-04T11:00:00.000Z';
      const finding = {
        check: 'fw.accounts',
        checkVersion: 1,
        target: 'etc/shadow',
        verdict: 'pass',
        summary: { ja: '既定のアカウントなし', en: 'No default accounts' },
        evidence: {},
        at,
      };
      await get()
        .store.db.insertInto('firmware_analyses')
        .values({
          id: 'fw-analysis-1',
          assessment_id: a.id,
          image_sha256: 'c'.repeat(64),
          image_name: 'x100.bin',
          image_size: 1024,
          state: 'completed',
          progress: null,
          cancel_requested: 0,
          error: null,
          format: 'squashfs',
          files: 10,
          findings: JSON.stringify([finding]),
          binaries: null,
          sbom: null,
          created_by: null,
          created_at: at,
          started_at: at,
          finished_at: at,
        })
        .execute();
      links = [...linksFor(item), { check: 'fw.accounts', requirement: item[1], coverage: 'full' }];
      const body = (await w.client('as1').request('GET', `/api/assessments/${a.id}/suggestions`)).json();
      const second = (body.suggestions as { requirementId: string; verdict: string; basis: { source: string; runId: string }[] }[]).find(
        (x) => x.requirementId === item[1],
      );
      expect(second?.verdict).toBe('pass');
      expect(second?.basis.map((b) => [b.source, b.runId])).toEqual([
        ['probe', run.id],
        ['firmware', 'fw-analysis-1'],
      ]);
      links = linksFor(item);
    });

    it('members read their own organisation’s runs and suggestions, change nothing; another organisation gets 404', async () => {
      expect((await w.client('a1').request('GET', runs())).statusCode).toBe(200);
      expect((await w.client('a1').request('GET', `${runs()}/${run.id}`)).statusCode).toBe(200);
      expect((await w.client('a1').request('GET', `/api/assessments/${a.id}/suggestions`)).statusCode).toBe(200);
      expect((await start(scopeText('bad web'), 'a1')).statusCode).toBe(403);
      expect((await w.client('a1').request('POST', `${runs()}/${run.id}/cancel`)).statusCode).toBe(403);
      for (const url of [runs(), `${runs()}/${run.id}`, `/api/assessments/${a.id}/suggestions`]) {
        expect((await w.client('b1').request('GET', url)).statusCode, url).toBe(404);
        expect((await w.client('ed').request('GET', url)).statusCode, url).toBe(404);
      }
      expect((await start(scopeText('bad web'), 'b1')).statusCode).toBe(404);
      expect((await w.client('b1').request('POST', `/api/assessments/${a.id}/suggestions/accept`, { requirementIds: [item[0]] })).statusCode).toBe(404);
      // A run id under another assessment is not found either.
      const other = await w.create({ title: '別の診断' });
      expect((await w.client('as1').request('GET', `${runs(other.id)}/${run.id}`)).statusCode).toBe(404);
    });
  });

  it('a run made by the CLI is attached to the assessment like any other (assessors only)', async () => {
    const outcome = await new FixedProbeRunner().run({
      scopeText: scopeText('cli run'),
      scopeFileName: 'cli.yaml',
      signal: new AbortController().signal,
      onProgress: () => undefined,
    });
    const as1 = (await w.client('as1').session()).user as { id: string };
    const a1 = (await w.client('a1').session()).user as { id: string };
    const input = { scopeText: scopeText('cli run'), fileName: 'cli.yaml', only: [], outcome };
    await expect(recordProbeRun(w.ctx, { kind: 'user', userId: a1.id, role: 'member', organisationId: w.orgs.a }, a.id, input)).rejects.toThrow(/members read/);
    await expect(recordProbeRun(w.ctx, { kind: 'user', userId: a1.id, role: 'member', organisationId: w.orgs.b }, a.id, input)).rejects.toThrow(/not found/);
    const run = await recordProbeRun(w.ctx, { kind: 'user', userId: as1.id, role: 'assessor', organisationId: null }, a.id, input);
    expect(run).toMatchObject({
      state: 'completed',
      scope: { name: 'cli run', fileName: 'cli.yaml' },
      startedAt: outcome.startedAt,
      finishedAt: outcome.finishedAt,
    });
    const detail = (await w.client('a1').request('GET', `${runs()}/${run.id}`)).json();
    expect(detail.findings).toHaveLength(outcome.findings.length);
  });

  it('cancelling a running run stops it and keeps its progress', async () => {
    const r = await start(scopeText('hangs'));
    const id = (r.json() as RunJson).id;
    await finished(id, 'running');
    await vi.waitFor(async () => expect((await w.client('as1').request('GET', `${runs()}/${id}`)).json().progress?.done).toBe(1), { timeout: 10_000 });
    const c = await w.client('as1').request('POST', `${runs()}/${id}/cancel`);
    expect(c.statusCode, c.body).toBe(200);
    const run = await finished(id, 'cancelled');
    expect(run.progress?.message).toBe('tls.certificate 127.0.0.1:8443');
  });

  it('a run the engine refuses (outside its window) ends failed with the engine’s message', async () => {
    const id = ((await start(scopeText('outside window'))).json() as RunJson).id;
    const run = await finished(id, 'failed');
    expect(run.error).toMatch(/^scope\.window: the run is outside its window/);
  });

  it('an uploaded scope carries its private CA as PEM text, never as a path on the server', async () => {
    const pem = ['-----BEGIN CERTIFICATE-----', 'MIIBszCCAVmgAwIBAgIUQ', '-----END CERTIFICATE-----'].map((l) => `  ${l}`).join('\n');
    const r = await start(`${scopeText('bad web')}\ntrustedCa: |\n${pem}`);
    expect(r.statusCode, r.body).toBe(202);
    await finished((r.json() as RunJson).id);
    expect(runner.requests.at(-1)?.scopeText).toContain('-----BEGIN CERTIFICATE-----');
  });

  it('names the place of bad input and stores nothing', async () => {
    const before = ((await w.client('as1').request('GET', runs())).json().runs as unknown[]).length;
    const cases: [unknown, string][] = [
      [{ scope: 'name: [unclosed' }, 'body.scope'],
      [{ scope: '- a list' }, 'body.scope'],
      [{ scope: 'name: x\nwindow: {}' }, 'body.scope.authorisedBy'],
      [{ scope: 'authorisedBy: someone' }, 'body.scope.name'],
      [{ scope: '' }, 'body.scope'],
      [{ scope: 'x'.repeat(70_000) }, 'body.scope'],
      [{ scope: scopeText('bad web'), only: ['no.such-check'] }, 'body.only.0'],
      [{ scope: `${scopeText('bad web')}\ntrustedCa: /etc/ssl/private/server.key` }, 'body.scope.trustedCa'],
      [{ scope: `${scopeText('bad web')}\ntrustedCa: lab-ca.pem` }, 'body.scope.trustedCa'],
      [{ scope: scopeText('bad web'), fileName: '../etc/passwd' }, 'body.fileName'],
      [{ scope: scopeText('bad web'), extra: true }, 'body'],
    ];
    for (const [body, path] of cases) {
      const r = await w.client('as1').request('POST', runs(), body);
      expect(r.statusCode, `${path}: ${r.body}`).toBe(400);
      expect((r.json().errors as { path: string }[]).map((e) => e.path)).toContain(path);
    }
    expect(((await w.client('as1').request('GET', runs())).json().runs as unknown[]).length).toBe(before);
  });
});
