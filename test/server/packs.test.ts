import { createHash } from 'node:crypto';
import JSZip from 'jszip';
import { afterAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../helpers/each-database.js';
import { pdfTextIn } from '../helpers/pdf-text.js';
import { tempDir } from '../helpers/temp-dir.js';
import { DESIGN_DOC, usePackWorld } from './packs.fixture.js';

const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const dir = tempDir('tebiki-packs-');
afterAll(() => dir.remove());

const pdfText = (pdf: Uint8Array, name: string) => pdfTextIn(dir.path, pdf, name);

/** Each row as the values of the named fields, in that order: a table to compare in one expectation. */
const columns = (rows: Record<string, unknown>[], ...fields: string[]) => rows.map((row) => fields.map((field) => row[field]));

async function unzip(payload: Buffer) {
  const zip = await JSZip.loadAsync(payload);
  const names = Object.keys(zip.files)
    .filter((n) => !zip.files[n]?.dir)
    .sort();
  const file = async (name: string) => {
    const f = zip.file(name);
    if (!f) throw new Error(`no ${name} in the zip`);
    return Buffer.from(await f.async('uint8array'));
  };
  const json = async (name: string) => JSON.parse((await file(name)).toString('utf8'));
  return { names, file, json };
}

/** Every line of SHA256SUMS names a file of the zip and its true hash; every other file is listed. */
async function checkSums(z: Awaited<ReturnType<typeof unzip>>) {
  const lines = (await z.file('SHA256SUMS')).toString('utf8').trimEnd().split('\n');
  const listed = lines.map((l) => l.split('  ')[1]);
  expect(listed.sort()).toEqual(z.names.filter((n) => n !== 'SHA256SUMS'));
  for (const line of lines) {
    const [hash, name] = line.split('  ');
    expect(sha256(await z.file(name ?? '')), name).toBe(hash);
  }
}

describeEachDatabase('conformity packs through the API', (get) => {
  const p = usePackWorld(get);

  const pack = (who: 'a1' | 'b1' | 'as1', id: string, scheme: string, lang = 'en') =>
    p.w.client(who).request('GET', `/api/assessments/${id}/pack?scheme=${scheme}&lang=${lang}`);

  /** The pack as `who` downloads it, answered 200 in this state: the response and its files. */
  const packFiles = async (who: 'a1' | 'as1', id: string, scheme: string, lang: string, state: 'draft' | 'complete') => {
    const r = await pack(who, id, scheme, lang);
    expect(r.statusCode, r.body).toBe(200);
    expect(r.headers['x-tebiki-pack-state']).toBe(state);
    return { r, z: await unzip(r.rawPayload) };
  };

  it('JC-STAR ★1 pack: file list, verdict per requirement, pending items, evidence hashes and the PDF text', { timeout: 120_000 }, async () => {
    const { r, z } = await packFiles('a1', p.draft.id, 'jc-star-1', 'en', 'draft');
    expect(r.headers['content-type']).toBe('application/zip');
    expect(r.headers['content-disposition']).toContain(`tebiki-pack-jc-star-1-en-${p.draft.id}-DRAFT.zip`);
    const doc = sha256(DESIGN_DOC);
    const evidence = z.names.find((n) => n.startsWith('evidence/')) ?? '';
    expect(z.names).toEqual(['SHA256SUMS', evidence, 'jc-star-1-en-DRAFT.json', 'jc-star-1-en-DRAFT.pdf', 'jc-star-1-en-DRAFT.xlsx']);
    expect(evidence).toMatch(new RegExp(`^evidence/${doc.slice(0, 16)}-.+\\.pdf$`));
    expect((await z.file(evidence)).equals(DESIGN_DOC)).toBe(true);
    await checkSums(z);

    const json = await z.json('jc-star-1-en-DRAFT.json');
    expect(json.check.state).toBe('draft');
    expect(columns(json.rows, 'id', 'result', 'pending', 'evaluation')).toEqual([
      ['S1.1-01', 'met', false, 'document'],
      ['S1.1-02', 'not-applicable', false, 'document'],
      ['S1.1-04', 'not-met', false, 'device-test'],
      ['S1.1-09', 'no-items', true, 'unknown'],
      ['S1.1-15', 'partial-evidence', false, 'document-and-device-test'],
    ]);
    expect(json.rows[0].evidence[0]).toMatchObject({ no: 'A-1', verdict: 'pass', evidence: '設計書で確認した', attachments: [{ sha256: doc }] });
    expect(columns(json.check.gaps, 'code', 'target')).toEqual([
      ['not-met-requirement', 'S1.1-04'],
      ['pending-verification', 'S1.1-09'],
      ['unanswered-requirement', 'S1.1-15'],
    ]);

    const text = pdfText(await z.file('jc-star-1-en-DRAFT.pdf'), `jc-${get().db.kind}.pdf`);
    expect(text).toContain('DRAFT');
    expect(text).toContain('JC-STAR ★1 self-declaration checklist');
    expect(text).toMatch(/S1\.1-09[\s\S]*Pending verification/);
    expect(text).toContain('S1.1-04: the requirement is not met');
    expect(text).toContain('Device test');
    expect(text).toContain('A-1');
  });

  it('ETSI EN 303 645 statement: complete when nothing is missing; the draft names the mandatory provision not met', { timeout: 120_000 }, async () => {
    const { z } = await packFiles('as1', p.complete.id, 'etsi-en-303-645', 'ja', 'complete');
    expect(z.names.filter((n) => !n.startsWith('evidence/'))).toEqual([
      'SHA256SUMS',
      'etsi-en-303-645-ja.json',
      'etsi-en-303-645-ja.pdf',
      'etsi-en-303-645-ja.xlsx',
    ]);
    await checkSums(z);
    const json = await z.json('etsi-en-303-645-ja.json');
    expect(columns(json.rows, 'id', 'status', 'applicable', 'support')).toEqual([
      ['5.1-1', 'M C(1)', true, 'yes'],
      ['5.1-2', 'M C(2)', false, 'not-applicable'],
      ['5.3-13', 'M', true, 'yes'],
      ['5.3-2', 'R', true, 'yes'],
    ]);
    const text = pdfText(await z.file('etsi-en-303-645-ja.pdf'), `etsi-${get().db.kind}.pdf`);
    expect(text).toContain('実装適合性宣言');
    expect(text).toContain('M C(1)');
    expect(text).toContain('不足はありません');
    expect(text).not.toContain('DRAFT');

    const check = await p.w.client('a1').request('GET', `/api/assessments/${p.draft.id}/pack-check?scheme=etsi-en-303-645`);
    expect(check.json()).toMatchObject({ state: 'draft', gaps: [{ code: 'not-met-requirement', target: '5.3-13' }] });
  });

  it('CRA pack: outline and draft declaration, with the SBOM and the evidence', { timeout: 120_000 }, async () => {
    const { z } = await packFiles('a1', p.complete.id, 'eu-cra', 'ja', 'complete');
    expect(z.names.filter((n) => !n.startsWith('evidence/'))).toEqual([
      'SHA256SUMS',
      'eu-cra-ja-DRAFT-declaration-of-conformity.pdf',
      'eu-cra-ja-technical-documentation.pdf',
      'eu-cra-ja.json',
      'eu-cra-ja.xlsx',
      `sbom/${p.sbomSha256.slice(0, 16)}-firmware.cdx.json`,
    ]);
    await checkSums(z);
    const json = await z.json('eu-cra-ja.json');
    expect(columns(json.partI, 'id', 'result')).toEqual([
      ['I.1', 'met'],
      ['I.2(a)', 'met'],
    ]);
    expect(json.facts.productVersion).toEqual({ version: '1.0', releaseDate: '2026-04-01', supportEnd: '2031-03-31' });
    const outline = pdfText(await z.file('eu-cra-ja-technical-documentation.pdf'), `cra-${get().db.kind}.pdf`);
    expect(outline).toContain('附属書 I 第 I 部');
    expect(outline).toContain('2031-03-31');
    expect(outline).toContain('firmware.cdx.json');
    const declaration = pdfText(await z.file('eu-cra-ja-DRAFT-declaration-of-conformity.pdf'), `doc-${get().db.kind}.pdf`);
    expect(declaration).toContain('ドラフト');
    expect(declaration).toContain('製造者の単独の責任');
  });

  it('ETSI EN 303 645 statement in English: per provision the condition, status, support and the evidence with its hash', { timeout: 120_000 }, async () => {
    const { z } = await packFiles('a1', p.complete.id, 'etsi-en-303-645', 'en', 'complete');
    const doc = sha256(DESIGN_DOC);
    const evidence = z.names.find((n) => n.startsWith('evidence/')) ?? '';
    expect(z.names).toEqual(['SHA256SUMS', 'etsi-en-303-645-en.json', 'etsi-en-303-645-en.pdf', 'etsi-en-303-645-en.xlsx', evidence]);
    expect((await z.file(evidence)).equals(DESIGN_DOC)).toBe(true);
    await checkSums(z);
    const json = await z.json('etsi-en-303-645-en.json');
    expect(json.check).toEqual({ state: 'complete', gaps: [] });
    expect(json.rows[0]).toMatchObject({
      id: '5.1-1',
      status: 'M C(1)',
      applicable: true,
      support: 'yes',
      conditions: [{ id: '1', label: { en: 'Passwords are used' } }],
      evidence: [{ no: 'A-1', verdict: 'pass', evidence: '設計書で確認した', attachments: [{ sha256: doc }] }],
    });
    expect(json.rows[1]).toMatchObject({
      id: '5.1-2',
      applicable: false,
      support: 'not-applicable',
      evidence: [{ no: 'A-2', comment: '初期パスワードを持たない' }],
    });
    const text = pdfText(await z.file('etsi-en-303-645-en.pdf'), `etsi-en-${get().db.kind}.pdf`).replace(/\s+/g, ' ');
    expect(text).toContain('ETSI EN 303 645 implementation conformance statement (ICS)');
    expect(text).toContain('Conditions: (1) Passwords are used');
    expect(text).toContain('M C(2)');
    expect(text).toContain(`sha256:${doc}`);
    expect(text).toContain('Nothing is missing.');
    expect(text).not.toContain('DRAFT');
  });

  it('CRA pack in English: every Annex VII section in the outline, every Annex V item in the declaration, both marked as drafts the maker completes', {
    timeout: 120_000,
  }, async () => {
    const { z } = await packFiles('a1', p.complete.id, 'eu-cra', 'en', 'complete');
    const doc = sha256(DESIGN_DOC);
    const evidence = z.names.find((n) => n.startsWith('evidence/')) ?? '';
    const sbom = `sbom/${p.sbomSha256.slice(0, 16)}-firmware.cdx.json`;
    expect(z.names).toEqual([
      'SHA256SUMS',
      'eu-cra-en-DRAFT-declaration-of-conformity.pdf',
      'eu-cra-en-technical-documentation.pdf',
      'eu-cra-en.json',
      'eu-cra-en.xlsx',
      evidence,
      sbom,
    ]);
    expect(sha256(await z.file(sbom))).toBe(p.sbomSha256);
    await checkSums(z);
    const json = await z.json('eu-cra-en.json');
    expect(json.partI.find((x: { id: string }) => x.id === 'I.2(a)').evidence[0]).toMatchObject({ no: 'A-1', attachments: [{ sha256: doc }] });
    expect(columns(json.partII, 'id', 'result')).toEqual([['II.1', 'met']]);
    expect(json.facts.sboms.map((s: { sha256: string }) => s.sha256)).toEqual([p.sbomSha256]);
    const outline = pdfText(await z.file('eu-cra-en-technical-documentation.pdf'), `cra-en-${get().db.kind}.pdf`).replace(/\s+/g, ' ');
    for (const heading of [
      '[DRAFT] This outline is drafted from the assessment. The manufacturer completes and checks it.',
      '1. General description of the product',
      '2. Design, development, production and vulnerability handling processes',
      '3. Summary of the cybersecurity risk assessment',
      '4. Annex I Part I: applicability and how each is met through the guidebook',
      '5. Annex I Part II: vulnerability handling',
      'Software bill of materials (SBOM)',
      'Known vulnerabilities and their triage',
      '6. Support period',
      '7. Standards and specifications applied',
      '8. Test reports',
      '9. EU declaration of conformity',
      '(to be completed by the manufacturer)',
      '2031-03-31',
      `sha256:${doc}`,
      'firmware.cdx.json (CycloneDX',
    ])
      expect(outline, heading).toContain(heading);
    const declaration = pdfText(await z.file('eu-cra-en-DRAFT-declaration-of-conformity.pdf'), `doc-en-${get().db.kind}.pdf`).replace(/\s+/g, ' ');
    for (const item of [
      '[DRAFT — the manufacturer completes it]',
      '1. Product (name, type, batch or serial number or other identification)',
      '2. Name and address of the manufacturer (or its authorised representative)',
      'This EU declaration of conformity is issued under the sole responsibility of the manufacturer.',
      '4. Object of the declaration',
      '5. That the object conforms to the relevant Union legislation',
      '6. References to harmonised standards, common specifications or certification schemes applied',
      '7. Where applicable: notified body',
      '8. Additional information',
    ])
      expect(declaration, item).toContain(item);
  });

  it('another organisation gets 404; an assessment that is not final is refused; a bad scheme names the field', async () => {
    expect((await pack('b1', p.draft.id, 'jc-star-1')).statusCode).toBe(404);
    expect((await p.w.client('b1').request('GET', `/api/assessments/${p.draft.id}/pack-check?scheme=jc-star-1`)).statusCode).toBe(404);
    const open = await pack('a1', p.open.id, 'jc-star-1');
    expect(open.statusCode).toBe(409);
    expect(open.json().detail).toContain('final');
    const bad = await pack('a1', p.draft.id, 'iso-9001');
    expect(bad.statusCode).toBe(400);
    expect(JSON.stringify(bad.json().errors)).toContain('scheme');
  });
});
