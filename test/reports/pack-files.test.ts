import { createHash } from 'node:crypto';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { blankAnswers } from '../../src/core/assessment/assessment.types.js';
import { generateChecksheet } from '../../src/core/assessment/checksheet.js';
import { buildPack } from '../../src/core/packs/build-pack.js';
import type { CraPack, JcStarPack, PackFacts } from '../../src/core/packs/pack.types.js';
import { craDeclarationBody, craOutlineBody } from '../../src/reports/packs/cra-html.js';
import { jcStarBody, packDocument } from '../../src/reports/packs/pack-html.js';
import { packLabels } from '../../src/reports/packs/pack-labels.js';
import { packWorkbook } from '../../src/reports/packs/pack-workbook.js';
import { evidenceFiles, evidencePath, safeName, sha256Sums } from '../../src/reports/packs/pack-zip.js';
import { PACK_EDITION } from '../helpers/pack-edition.js';
import { view } from './assessment-fixtures.js';

const HOSTILE = '<script>alert("x")</script>';
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const FILE_BYTES = Buffer.from('evidence body');

const FACTS: PackFacts = {
  productVersion: { version: '1.0', releaseDate: '2026-04-01', supportEnd: null },
  lastReleaseDate: '2026-04-01',
  sboms: [],
  vulnerabilities: [{ id: 'GHSA-x', severity: 'high', status: null }],
  craCases: [],
};

/** Item a of the pack edition answered with hostile evidence and a file with a hostile name; the rest open. */
function hostilePack<T>(scheme: 'jc-star-1' | 'eu-cra'): T {
  const sheet = generateChecksheet(PACK_EDITION, { layers: [], phases: [], profile: null, target: null });
  const file = {
    id: 'f1',
    sha256: sha(FILE_BYTES),
    filename: '../../etc/passwd',
    downloadName: '../..\\x\u0001:passwd.txt',
    mediaType: 'text/plain',
    size: FILE_BYTES.length,
    uploadedAt: '2026-01-01T00:00:00.000Z',
  };
  const answers = blankAnswers(sheet).map((a) =>
    a.requirementId === 'a' ? { ...a, verdict: 'pass' as const, evidence: HOSTILE, comment: HOSTILE, attachments: [file] } : a,
  );
  const assessment = view({ title: HOSTILE, items: sheet.items, answers, status: 'final' });
  return buildPack(scheme, { edition: PACK_EDITION, assessment, facts: FACTS, now: new Date('2026-06-01T00:00:00.000Z') }) as T;
}

describe('pack files', () => {
  it('escapes every text from the assessment in the printable documents', () => {
    const jc = hostilePack<JcStarPack>('jc-star-1');
    const ctx = { lang: 'en' as const, L: packLabels.en };
    const doc = packDocument(jc, 'en', 'JC-STAR', jcStarBody(ctx, jc));
    expect(doc).not.toContain('<script>');
    expect(doc).toContain('&lt;script&gt;');
    expect(doc).toMatch(/<title>DRAFT — JC-STAR<\/title>/);
    const cra = hostilePack<CraPack>('eu-cra');
    const outline = packDocument(cra, 'ja', 'CRA', craOutlineBody({ lang: 'ja', L: packLabels.ja }, cra));
    const declaration = packDocument(cra, 'ja', 'DoC', craDeclarationBody({ lang: 'ja', L: packLabels.ja }, cra));
    for (const d of [outline, declaration]) expect(d).not.toContain('<script>');
    expect(declaration).toContain('製造者が記入');
  });

  it('keeps hostile file names inside evidence/ and checks every file against its SHA-256', () => {
    const jc = hostilePack<JcStarPack>('jc-star-1');
    const meta = jc.rows[0]?.evidence[0]?.attachments[0];
    if (!meta) throw new Error('attachment');
    expect(evidencePath(meta)).toBe(`evidence/${meta.sha256.slice(0, 16)}-__.._x__passwd.txt`);
    expect(safeName('..')).toBe('_');
    expect(safeName('')).toBe('file');
    const files = evidenceFiles({ attachments: [{ meta, content: FILE_BYTES }], sboms: [] });
    expect(sha256Sums(files)).toBe(`${sha(FILE_BYTES)}  ${evidencePath(meta)}\n`);
    expect(() => evidenceFiles({ attachments: [{ meta, content: Buffer.from('tampered') }], sboms: [] })).toThrow(/does not match its SHA-256/);
  });

  it('the workbook says DRAFT in the first row of every sheet and lists the gaps, in the chosen language', async () => {
    const cra = hostilePack<CraPack>('eu-cra');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await packWorkbook(cra, 'ja')) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((s) => s.name)).toEqual(['Annex I', 'SBOM', '脆弱性', '不足']);
    for (const s of wb.worksheets) expect(String(s.getCell('A1').value)).toContain('【ドラフト】');
    const gaps = wb.getWorksheet('不足');
    const codes = [];
    for (let r = 3; r <= (gaps?.rowCount ?? 0); r += 1) codes.push(String(gaps?.getCell(r, 1).value));
    expect(codes).toEqual(['unanswered-requirement', 'unanswered-requirement', 'missing-support-period', 'missing-sbom', 'untriaged-vulnerability']);
  });
});
