import { randomUUID } from 'node:crypto';
import { beforeAll, expect, it } from 'vitest';
import { insertFirmwareAnalysis, NOT_ANALYSED_YET } from '../../src/store/firmware-analyses.repository.js';
import { beat, claimJob, insertJob, interruptOrphans } from '../../src/store/jobs.repository.js';
import { describeEachDatabase } from '../helpers/each-database.js';
import { type AssessmentJson, useAssessmentWorld } from '../server/assessments.fixture.js';

/**
 * A firmware analysis keeps its state in its own row, which a process killed
 * mid-analysis leaves `running`. Once the job queue marks the analysis's job
 * interrupted (its owner gone), the API shows the analysis interrupted too.
 */
describeEachDatabase('a firmware analysis whose process died', (get) => {
  const w = useAssessmentWorld(get);
  let a: AssessmentJson;
  beforeAll(async () => {
    a = await w.create({ title: 'ファームウェアの中断' });
  });

  it('shows as interrupted once its job is, with the job audited', async () => {
    const db = get().store.db;
    const id = randomUUID();
    const at = new Date().toISOString();
    await insertFirmwareAnalysis(db, {
      id,
      assessment_id: a.id,
      image_sha256: 'a'.repeat(64),
      image_name: 'fw.bin',
      image_size: 10,
      state: 'running',
      ...NOT_ANALYSED_YET,
      created_by: null,
      created_at: at,
      started_at: at,
      finished_at: null,
    });
    const dead = `dead-${randomUUID()}`;
    await beat(db, dead, at, null);
    await insertJob(db, { id, kind: 'firmware-analysis', payload: JSON.stringify({ analysisId: id }), owner: null, created_at: at });
    expect(await claimJob(db, id, dead, at)).toBe(true);
    const url = `/api/assessments/${a.id}/firmware/${id}`;
    expect((await w.client('as1').request('GET', url)).json().state).toBe('running');

    expect(await interruptOrphans(db, get().store.dialect, new Date().toISOString(), { staleBefore: at, gone: [dead] })).toEqual([id]);
    const one = (await w.client('as1').request('GET', url)).json();
    expect(one.state).toBe('interrupted');
    expect(one.error).toMatch(/stopped/);
    const list = (await w.client('as1').request('GET', `/api/assessments/${a.id}/firmware`)).json().analyses as { id: string; state: string }[];
    expect(list.find((x) => x.id === id)?.state).toBe('interrupted');
    const audit = (await w.client('admin').request('GET', `/api/admin/audit?action=job.interrupted&targetId=${id}`)).json();
    expect(audit.entries.map((e: { detail: unknown }) => e.detail)).toEqual([{ kind: 'firmware-analysis', reason: 'process-gone' }]);
  });
});
