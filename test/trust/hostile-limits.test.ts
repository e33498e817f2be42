import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ATTACHMENT_LIMITS } from '../../src/core/assessment/attachment-rules.js';
import { SBOM_MAX_BYTES } from '../../src/core/sbom/sbom.types.js';
import { SCOPE_TEXT_LIMIT } from '../../src/services/probe-runs.service.js';
import { freshSqlite, openMigrated } from '../helpers/databases.js';
import { tempDir } from '../helpers/temp-dir.js';
import { type AssessmentJson, type AssessmentWorld, assessmentWorld } from '../server/assessments.fixture.js';

/**
 * Every size limit of the API, met one byte over: the answer is 413
 * payload-too-large (problem+json naming the body), and nothing is kept.
 * The limits are read from the code where it exports them; the rest are the
 * numbers written in the routes (app.ts, assessments, attached-text).
 */
const KiB = 1024;
const MiB = 1024 * KiB;
const LIMITS = {
  json: 256 * KiB, // app.ts bodyLimit
  probeRunStart: SCOPE_TEXT_LIMIT * 4 + 16 * KiB, // probe-runs.routes.ts
  attachment: ATTACHMENT_LIMITS.maxBytes, // 10 MiB
  workbook: 20 * MiB, // assessments.routes.ts WORKBOOK_LIMIT
  attachedText: 8 * MiB, // attached-text.routes.ts
  sbom: SBOM_MAX_BYTES, // 50 MiB
  firmware: 1 * MiB, // TEBIKI_FIRMWARE_MAX_MB, set low for the test
};

describe('size limits of every upload and body', () => {
  const dir = tempDir('tebiki-limits-');
  let w: AssessmentWorld;
  let a: AssessmentJson;
  let close: () => Promise<void>;
  beforeAll(async () => {
    const db = freshSqlite(dir.path);
    const store = await openMigrated(db);
    w = await assessmentWorld(store, { dataDir: dir.path, firmwareMaxBytes: LIMITS.firmware });
    a = await w.create();
    close = async () => {
      await w.app.close();
      await store.close();
    };
  }, 300_000);
  afterAll(async () => {
    await close?.();
    dir.remove();
  });

  const tooLarge = (res: { statusCode: number; headers: Record<string, unknown>; json(): unknown }) => {
    expect(res.statusCode).toBe(413);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.json()).toMatchObject({ code: 'payload-too-large', status: 413 });
  };
  const raw = (who: 'as1' | 'admin', url: string, size: number, type: string, fill = 0x20) =>
    w.client(who).request('POST', url, Buffer.alloc(size, fill), { headers: { 'content-type': type, 'x-filename': 'big.bin' } });

  it(`a JSON body over ${LIMITS.json} bytes`, async () => {
    const item = a.items[0]?.requirementId as string;
    const url = `/api/assessments/${a.id}/answers/${item}`;
    const body = (n: number) => JSON.stringify({ verdict: 'pass', version: 0, evidence: 'x'.repeat(n) });
    const over = body(LIMITS.json);
    tooLarge(await w.client('as1').request('PUT', url, over, { headers: { 'content-type': 'application/json' } }));
    expect(Buffer.byteLength(over)).toBeGreaterThan(LIMITS.json);
    // Just under the limit, the body is read and the field's own limit answers (400 naming it).
    const under = await w.client('as1').request('PUT', url, body(LIMITS.json - 100), { headers: { 'content-type': 'application/json' } });
    expect(under.statusCode).toBe(400);
    expect(under.json().errors).toContainEqual(expect.objectContaining({ path: 'body.evidence' }));
  });

  it('a probe-run start has its own, larger limit; the scope text its own field limit', async () => {
    const url = `/api/assessments/${a.id}/probe-runs`;
    const start = (scope: string) => w.client('as1').request('POST', url, JSON.stringify({ scope }), { headers: { 'content-type': 'application/json' } });
    tooLarge(await start('x'.repeat(LIMITS.probeRunStart)));
    const overField = await start('x'.repeat(SCOPE_TEXT_LIMIT + 1));
    expect(Buffer.byteLength(JSON.stringify({ scope: 'x'.repeat(SCOPE_TEXT_LIMIT + 1) }))).toBeLessThan(LIMITS.probeRunStart);
    expect(overField.statusCode).toBe(400);
    expect(overField.json().errors).toContainEqual(expect.objectContaining({ path: 'body.scope' }));
  });

  it(`an evidence file over ${LIMITS.attachment} bytes`, async () => {
    const item = a.items[0]?.requirementId as string;
    tooLarge(await raw('as1', `/api/assessments/${a.id}/answers/${item}/attachments`, LIMITS.attachment + 1, 'text/plain'));
  });

  it(`a workbook over ${LIMITS.workbook} bytes`, async () => {
    tooLarge(await raw('as1', `/api/assessments/${a.id}/workbook`, LIMITS.workbook + 1, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'));
  });

  it(`a publisher's catalog (attached text) over ${LIMITS.attachedText} bytes`, async () => {
    tooLarge(await raw('admin', '/api/admin/standards/x/attached-text', LIMITS.attachedText + 1, 'application/json'));
  });

  it(`an SBOM over ${LIMITS.sbom} bytes`, async () => {
    tooLarge(await raw('admin', `/api/products/${w.products.a}/versions/1.0.0/sboms`, LIMITS.sbom + 1, 'application/json'));
  });

  it('a firmware image over TEBIKI_FIRMWARE_MAX_MB: refused while it streams, nothing kept', async () => {
    const res = await raw('as1', `/api/assessments/${a.id}/firmware`, LIMITS.firmware + 1, 'application/octet-stream');
    tooLarge(res);
    const images = join(dir.path, 'firmware', 'images');
    const kept = (() => {
      try {
        return readdirSync(images);
      } catch {
        return [];
      }
    })();
    expect(kept).toEqual([]);
    const list = await w.client('as1').request('GET', `/api/assessments/${a.id}/firmware`);
    expect(list.json().analyses).toEqual([]);
  });
});
