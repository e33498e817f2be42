import JSZip from 'jszip';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../helpers/each-database.js';
import { pdfTextIn } from '../helpers/pdf-text.js';
import { tempDir } from '../helpers/temp-dir.js';
import { answered, COMPLETE_VERDICTS, usePackWorld } from './packs.fixture.js';

/**
 * Issue 21 point 4, from the product's own records rather than hand-made facts:
 * a version without a support period, an SBOM older than the last release and
 * an open CRA case past its deadline each keep the pack a draft, named in the
 * self-check; the pack is then produced as a DRAFT, never as complete.
 * (An unanswered requirement: test/server/packs.test.ts, JC-STAR S1.1-15.)
 */
const dir = tempDir('tebiki-pack-check-');
afterAll(() => dir.remove());

const pdfText = (pdf: Uint8Array, name: string) => pdfTextIn(dir.path, pdf, name);

interface Check {
  scheme: string;
  state: 'draft' | 'complete';
  gaps: { code: string; target: string | null; message: { ja: string; en: string } }[];
}

describeEachDatabase('the pack checks itself against the product records', (get) => {
  const p = usePackWorld(get);
  /** Final, every item answered as in the complete pack, of version 2.0 (released, no end of support). */
  let noSupport = '';
  beforeAll(async () => {
    const v = await p.w.client('a1').request('POST', `/api/products/${p.w.products.a}/versions`, { version: '2.0', releaseDate: '2026-05-01' });
    expect(v.statusCode, v.body).toBe(201);
    noSupport = (await answered(p.w, 'サポート期間なし', COMPLETE_VERDICTS, true, '2.0')).id;
  }, 180_000);

  const check = async (id: string, scheme: string): Promise<Check> => {
    const r = await p.w.client('a1').request('GET', `/api/assessments/${id}/pack-check?scheme=${scheme}`);
    expect(r.statusCode, r.body).toBe(200);
    return r.json() as Check;
  };
  const codes = (c: Check) => c.gaps.map((g) => [g.code, g.target]);

  it('with every record in place the CRA pack is complete', async () => {
    // Version 2.0 was released after version 1.0, but the SBOM of 1.0 was uploaded after both.
    expect(await check(p.complete.id, 'eu-cra')).toEqual({ scheme: 'eu-cra', state: 'complete', gaps: [] });
  });

  it('a missing support period: every scheme lists it, and the ETSI pack comes out as a DRAFT naming it', { timeout: 120_000 }, async () => {
    for (const scheme of ['jc-star-1', 'etsi-en-303-645', 'eu-cra'])
      expect(codes(await check(noSupport, scheme)), scheme).toContainEqual(['missing-support-period', '2.0']);
    // All ETSI answers are as in the complete statement: the support period alone keeps it a draft.
    expect(codes(await check(noSupport, 'etsi-en-303-645'))).toEqual([['missing-support-period', '2.0']]);
    const r = await p.w.client('a1').request('GET', `/api/assessments/${noSupport}/pack?scheme=etsi-en-303-645&lang=en`);
    expect(r.statusCode, r.body).toBe(200);
    expect(r.headers['x-tebiki-pack-state']).toBe('draft');
    expect(r.headers['content-disposition']).toContain(`tebiki-pack-etsi-en-303-645-en-${noSupport}-DRAFT.zip`);
    const zip = await JSZip.loadAsync(r.rawPayload);
    expect(Object.keys(zip.files).filter((n) => !n.startsWith('evidence/'))).toEqual(
      expect.arrayContaining(['SHA256SUMS', 'etsi-en-303-645-en-DRAFT.json', 'etsi-en-303-645-en-DRAFT.pdf', 'etsi-en-303-645-en-DRAFT.xlsx']),
    );
    expect(Object.keys(zip.files).some((n) => n.startsWith('etsi-en-303-645-en.'))).toBe(false);
    const json = JSON.parse((await zip.file('etsi-en-303-645-en-DRAFT.json')?.async('string')) ?? '{}');
    expect(json.check).toMatchObject({ state: 'draft', gaps: [{ code: 'missing-support-period', target: '2.0' }] });
    const text = pdfText(await (zip.file('etsi-en-303-645-en-DRAFT.pdf')?.async('uint8array') ?? new Uint8Array()), `sp-${get().db.kind}.pdf`);
    expect(text).toContain('DRAFT');
    expect(text).toContain('Product version 2.0 has no end of security support (support period).');
  });

  it('an SBOM older than the last release keeps the CRA pack a draft', async () => {
    const db = get().store.db;
    // The SBOM of 1.0 as if uploaded on 2 April 2026, before version 2.0 was released on 1 May.
    const before = await db.selectFrom('sboms').select(['id', 'uploaded_at']).execute();
    expect(before).toHaveLength(1);
    await db.updateTable('sboms').set({ uploaded_at: '2026-04-02T00:00:00.000Z' }).execute();
    try {
      const c = await check(p.complete.id, 'eu-cra');
      expect(c.state).toBe('draft');
      expect(codes(c)).toEqual([['sbom-older-than-release', 'firmware.cdx.json']]);
      expect(c.gaps[0]?.message.en).toContain('older than the last release (2026-05-01)');
    } finally {
      await db
        .updateTable('sboms')
        .set({ uploaded_at: before[0]?.uploaded_at ?? '' })
        .execute();
    }
    expect(await check(p.complete.id, 'eu-cra')).toEqual({ scheme: 'eu-cra', state: 'complete', gaps: [] });
  });

  it('an open CRA case past its deadline keeps the CRA pack a draft; the pack says DRAFT', { timeout: 120_000 }, async () => {
    const admin = p.w.client('admin');
    const me = (await p.w.client('a1').request('GET', '/api/session')).json() as { user: { id: string } };
    const owner = await admin.request('PUT', `/api/products/${p.w.products.a}/cra/contacts`, { ownerId: me.user.id, deputyIds: [] });
    expect(owner.statusCode, owner.body).toBe(200);
    const versions = (await p.w.client('a1').request('GET', `/api/products/${p.w.products.a}/versions`)).json().versions as { id: string; version: string }[];
    const opened = await p.w.client('a1').request('POST', '/api/cra/cases', {
      productId: p.w.products.a,
      kind: 'vulnerability',
      title: '認証回避の悪用を確認',
      vulnerabilityId: 'CVE-2026-40001',
      versionIds: [versions.find((v) => v.version === '1.0')?.id],
      memberStates: ['DE'],
      // Known since 1 November 2026: the 24-hour early warning is long overdue, and nothing was sent.
      awareAt: '2026-11-01T00:00:00.000Z',
    });
    expect(opened.statusCode, opened.body).toBe(201);
    const caseId = opened.json().id as string;
    const c = await check(p.complete.id, 'eu-cra');
    expect(c.state).toBe('draft');
    expect(codes(c)).toEqual([['overdue-cra-case', caseId]]);
    expect(c.gaps[0]?.message.ja).toContain('認証回避の悪用を確認');
    // The other schemes do not ask for CRA reporting.
    expect((await check(p.complete.id, 'etsi-en-303-645')).state).toBe('complete');

    const r = await p.w.client('a1').request('GET', `/api/assessments/${p.complete.id}/pack?scheme=eu-cra&lang=ja`);
    expect(r.statusCode, r.body).toBe(200);
    expect(r.headers['x-tebiki-pack-state']).toBe('draft');
    expect(r.headers['content-disposition']).toContain('-DRAFT.zip');
    const zip = await JSZip.loadAsync(r.rawPayload);
    const json = JSON.parse((await zip.file('eu-cra-ja-DRAFT.json')?.async('string')) ?? '{}');
    expect(json.check.gaps.map((g: { code: string }) => g.code)).toEqual(['overdue-cra-case']);
  });
});
