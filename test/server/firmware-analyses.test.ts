import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { firmwareJobEnded } from '../../src/services/firmware-jobs.js';
import { describeEachDatabase } from '../helpers/each-database.js';
import { gccTwinImage } from '../helpers/firmware-fixtures.js';
import { tar } from '../helpers/tar-builder.js';
import { tempDir } from '../helpers/temp-dir.js';
import { type AssessmentJson, useAssessmentWorld } from './assessments.fixture.js';

const fixtures = tempDir('tebiki-fw-api-');
let badImage: Buffer;
beforeAll(() => {
  badImage = readFileSync(gccTwinImage(fixtures.path, 'bad'));
});
afterAll(() => fixtures.remove());

interface AnalysisJson {
  id: string;
  state: string;
  image: { sha256: string; name: string; size: number; format: string | null };
  progress: { done: number; total: number } | null;
  error: string | null;
  findings: { check: string; target: string; verdict: string }[];
  binaries: { path: string; nx: boolean }[];
  hasSbom: boolean;
}

describeEachDatabase('firmware analyses of an assessment through the API', (get) => {
  const data = tempDir('tebiki-fw-data-');
  afterAll(() => data.remove());
  const w = useAssessmentWorld(get, { dataDir: data.path, firmwareMaxBytes: 1024 * 1024 });
  let a: AssessmentJson;
  beforeAll(async () => {
    a = await w.create({ title: 'ファームウェア診断' });
  });

  const upload = (who: 'as1' | 'a1' | 'b1', body: Buffer, name = 'gw-100 v1.2.tar.gz') =>
    w.client(who).request('POST', `/api/assessments/${a.id}/firmware`, body, {
      headers: { 'content-type': 'application/octet-stream', 'x-filename': encodeURIComponent(name) },
    });
  const read = (who: 'as1' | 'a1' | 'b1', id: string) => w.client(who).request('GET', `/api/assessments/${a.id}/firmware/${id}`);

  let analysisId = '';
  it('streams the image to the data folder by SHA-256, analyses it in the background, then deletes the extracted tree', async () => {
    const r = await upload('as1', badImage);
    expect(r.statusCode, r.body).toBe(202);
    const queued = r.json() as AnalysisJson;
    expect(queued.state).toBe('queued');
    analysisId = queued.id;
    expect(existsSync(join(data.path, 'firmware', 'images', queued.image.sha256))).toBe(true);
    await firmwareJobEnded(analysisId);
    const done = read('as1', analysisId).then((x) => x.json() as AnalysisJson);
    const view = await done;
    expect(view).toMatchObject({ state: 'completed', error: null, hasSbom: true, image: { format: 'gzip+tar', name: 'gw-100 v1.2.tar.gz' } });
    expect(view.progress).toMatchObject({ done: 9, total: 9 });
    expect(view.findings.find((f) => f.check === 'fw.accounts')).toMatchObject({ target: '/etc/shadow', verdict: 'fail' });
    expect(view.binaries).toEqual([expect.objectContaining({ path: '/usr/bin/app-x86-64', nx: false })]);
    expect(readdirSync(join(data.path, 'firmware', 'work'))).toEqual([]);
  });

  it('is visible to the product organisation and 404 to another', async () => {
    expect((await read('a1', analysisId)).statusCode).toBe(200);
    expect((await read('b1', analysisId)).statusCode).toBe(404);
    expect((await w.client('b1').request('GET', `/api/assessments/${a.id}/firmware`)).statusCode).toBe(404);
    expect((await w.client('b1').request('GET', `/api/assessments/${a.id}/firmware/${analysisId}/sbom`)).statusCode).toBe(404);
    expect((await upload('a1', badImage)).statusCode).toBe(403);
    expect((await upload('b1', badImage)).statusCode).toBe(404);
  });

  it('downloads the derived CycloneDX SBOM', async () => {
    const r = await w.client('a1').request('GET', `/api/assessments/${a.id}/firmware/${analysisId}/sbom`);
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toMatch(/^application\/vnd\.cyclonedx\+json/);
    expect(r.json()).toMatchObject({ bomFormat: 'CycloneDX', specVersion: '1.6' });
  });

  it('suggests verdicts for linked items; accepting one writes the answer and records the analysis', async () => {
    const r = await w.client('as1').request('GET', `/api/assessments/${a.id}/firmware/${analysisId}/suggestions`);
    expect(r.statusCode, r.body).toBe(200);
    const suggestions = r.json().suggestions as { requirementId: string; verdict: string; reason: string; accepted: boolean }[];
    const hardening = suggestions.find((s) => s.requirementId === 'dev-compiler-hardening');
    expect(hardening).toMatchObject({ verdict: 'fail', reason: 'linked-check-failed', accepted: false });
    const accepted = await w.client('as1').request('POST', `/api/assessments/${a.id}/firmware/${analysisId}/suggestions/dev-compiler-hardening/accept`);
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json()).toMatchObject({ verdict: 'fail', accepted: true });
    const view = (await w.client('a1').request('GET', `/api/assessments/${a.id}`)).json() as AssessmentJson;
    const answer = view.answers.find((x) => x.requirementId === 'dev-compiler-hardening');
    expect(answer?.verdict).toBe('fail');
    expect(answer?.evidence).toContain(`firmware analysis ${analysisId}`);
    expect(answer?.evidence).toContain('fw.elf-hardening /usr/bin/app-x86-64: fail');
    expect((await w.client('a1').request('POST', `/api/assessments/${a.id}/firmware/${analysisId}/suggestions/dev-compiler-hardening/accept`)).statusCode).toBe(
      403,
    );
  });

  it('an unreadable image ends as failed with the reason; a finished analysis cannot be cancelled', async () => {
    const r = await upload('as1', tar([{ name: '../../escape', body: 'x' }]), 'hostile.tar');
    const id = (r.json() as AnalysisJson).id;
    await firmwareJobEnded(id);
    const view = (await read('as1', id)).json() as AnalysisJson;
    expect(view.state).toBe('failed');
    expect(view.error).toMatch(/^path-traversal: .*climbs out of the image/);
    expect((await w.client('as1').request('POST', `/api/assessments/${a.id}/firmware/${id}/cancel`)).statusCode).toBe(409);
  });

  it('a cancel that is accepted always ends the analysis as cancelled, with no findings kept', async () => {
    // the second analysis waits behind the first (one at a time), so the cancel reaches it queued
    const first = (await upload('as1', badImage, 'first.tar.gz')).json() as AnalysisJson;
    const second = (await upload('as1', badImage, 'second.tar.gz')).json() as AnalysisJson;
    const c = await w.client('as1').request('POST', `/api/assessments/${a.id}/firmware/${second.id}/cancel`);
    await firmwareJobEnded(first.id);
    await firmwareJobEnded(second.id);
    const view = (await read('as1', second.id)).json() as AnalysisJson;
    // whatever the timing, the answer and the outcome agree
    // (on a fast machine both may be done before the cancel arrives: then it is refused, and the outcome says so)
    if (c.statusCode === 200) expect(view).toMatchObject({ state: 'cancelled', findings: [], hasSbom: false });
    else expect([c.statusCode, view.state]).toEqual([409, 'completed']);
  });

  it('refuses images over the limit (413) and names without x-filename (400), keeping nothing', async () => {
    const big = await upload('as1', Buffer.alloc(1024 * 1024 + 1, 0x41));
    expect(big.statusCode).toBe(413);
    const noName = await w
      .client('as1')
      .request('POST', `/api/assessments/${a.id}/firmware`, badImage, { headers: { 'content-type': 'application/octet-stream' } });
    expect(noName.statusCode).toBe(400);
    expect(noName.json().errors[0].path).toBe('headers.x-filename');
    const images = readdirSync(join(data.path, 'firmware', 'images'));
    expect(images.filter((f) => f.startsWith('.upload-'))).toEqual([]);
  });
});
