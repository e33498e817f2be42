import { describe, expect, it } from 'vitest';
import { type Answer, type AssessmentView, blankAnswers } from '../../src/core/assessment/assessment.types.js';
import { generateChecksheet } from '../../src/core/assessment/checksheet.js';
import type { Verdict } from '../../src/core/assessment/verdicts.js';
import { buildPack, icsStatus } from '../../src/core/packs/build-pack.js';
import type { CraPack, EtsiPack, JcStarPack, PackFacts } from '../../src/core/packs/pack.types.js';
import { defaultContentDir } from '../../src/content/content-dir.js';
import { loadContent } from '../../src/content/load-content.js';
import { PACK_EDITION } from '../helpers/pack-edition.js';
import { view } from '../reports/assessment-fixtures.js';

const ed = PACK_EDITION;

const FILE = {
  id: 'att-1',
  sha256: 'a'.repeat(64),
  filename: 'design.pdf',
  downloadName: 'design.pdf',
  mediaType: 'application/pdf',
  size: 10,
  uploadedAt: '2026-03-01T00:00:00.000Z',
};

/** The reports' fixture assessment, finalised on the pack edition with these verdicts (item a's evidence carries a file). */
function assessment(verdicts: Record<string, Verdict>): AssessmentView {
  const sheet = generateChecksheet(ed, { layers: [], phases: [], profile: null, target: null });
  const answers: Answer[] = blankAnswers(sheet).map((a) => ({
    ...a,
    verdict: verdicts[a.requirementId] ?? 'unassessed',
    evidence: a.requirementId === 'a' ? '設計書で確認' : '',
    comment: verdicts[a.requirementId] === 'not-applicable' ? '初期パスワードなし' : '',
    attachments: a.requirementId === 'a' ? [FILE] : [],
  }));
  return view({
    status: 'final',
    productVersion: '1.0',
    edition: { id: ed.meta.id, title: ed.meta.title, date: ed.meta.date },
    spec: sheet.spec,
    assessor: null,
    finalisedAt: '2026-03-02T00:00:00.000Z',
    contentHash: 'f'.repeat(64),
    version: 1,
    items: sheet.items,
    answers,
  });
}

const VERDICTS: Record<string, Verdict> = { a: 'pass', b: 'not-applicable', c: 'fail', d: 'pass', e: 'pass' };
const NOW = new Date('2026-06-01T00:00:00.000Z');

const WHOLE: PackFacts = {
  productVersion: { version: '1.0', releaseDate: '2026-04-01', supportEnd: '2031-03-31' },
  lastReleaseDate: '2026-04-01',
  sboms: [{ filename: 'bom.json', sha256: 'b'.repeat(64), format: 'cyclonedx', specVersion: '1.6', uploadedAt: '2026-04-02T00:00:00.000Z', components: 3 }],
  vulnerabilities: [{ id: 'GHSA-1', severity: 'high', status: 'not_affected' }],
  craCases: [],
};

const build = (scheme: 'jc-star-1' | 'etsi-en-303-645' | 'eu-cra', verdicts = VERDICTS, facts = WHOLE) =>
  buildPack(scheme, { edition: ed, assessment: assessment(verdicts), facts, now: NOW });

describe('JC-STAR ★1 pack', () => {
  const pack = build('jc-star-1') as JcStarPack;
  it('derives the verdict per requirement, with the evaluation type where known and pending ones said plainly', () => {
    expect(pack.rows.map((r) => [r.id, r.result, r.evaluation, r.pending])).toEqual([
      ['S1.1-01', 'met', 'document', false],
      ['S1.1-02', 'not-applicable', 'document', false],
      ['S1.1-04', 'not-met', 'device-test', false],
      ['S1.1-09', 'no-items', 'unknown', true],
      ['S1.1-15', 'partial-evidence', 'document-and-device-test', false],
    ]);
  });
  it('carries the items and evidence behind each requirement', () => {
    const first = pack.rows[0];
    expect(first?.evidence).toEqual([expect.objectContaining({ no: 'A-1', verdict: 'pass', evidence: '設計書で確認', attachments: [FILE] })]);
    expect(pack.rows[4]?.evidence).toEqual([]);
    expect(pack.rows[4]?.partialEvidence.map((e) => e.no)).toEqual(['A-4']);
  });
  it('is a draft listing the requirement not met, the pending one and the undecided one', () => {
    expect(pack.check.state).toBe('draft');
    expect(pack.check.gaps.map((g) => [g.code, g.target])).toEqual([
      ['not-met-requirement', 'S1.1-04'],
      ['pending-verification', 'S1.1-09'],
      ['unanswered-requirement', 'S1.1-15'],
    ]);
    expect(pack.check.gaps[1]?.message.en).toContain('pending verification');
  });
});

describe('ETSI EN 303 645 conformance statement', () => {
  it('states status, applicability with the condition, and the claimed support per provision', () => {
    const pack = build('etsi-en-303-645') as EtsiPack;
    expect(pack.rows.map((r) => [r.id, r.status, r.applicable, r.support])).toEqual([
      ['5.1-1', 'M C(1)', true, 'yes'],
      ['5.1-2', 'M C(2)', false, 'not-applicable'],
      ['5.3-13', 'M', true, 'no'],
      ['5.3-2', 'R', true, 'yes'],
    ]);
    expect(pack.rows[0]?.conditions).toEqual([{ id: '1', label: { ja: 'パスワードを使う', en: 'Passwords are used' } }]);
    expect(pack.check.gaps.map((g) => [g.code, g.target])).toEqual([['not-met-requirement', '5.3-13']]);
  });
  it('is complete when every mandatory provision is met or not applicable and the support period is known', () => {
    const pack = build('etsi-en-303-645', { ...VERDICTS, c: 'pass' });
    expect(pack.check).toEqual({ state: 'complete', gaps: [] });
  });
  it('a declined recommendation does not make it a draft; an undecided one does', () => {
    expect(build('etsi-en-303-645', { ...VERDICTS, c: 'pass', d: 'fail' }).check.state).toBe('complete');
    expect(build('etsi-en-303-645', { ...VERDICTS, c: 'pass', d: 'needs-review' }).check.gaps.map((g) => g.target)).toEqual(['5.3-2']);
  });
  it('writes conditional statuses as the statement does', () => {
    expect(icsStatus('recommended', ['1', '2'])).toBe('R C(1, 2)');
    expect(icsStatus('mandatory', [])).toBe('M');
  });
});

describe('EU CRA pack', () => {
  it('splits Annex I into Part I and Part II with the guidebook items behind each', () => {
    const pack = build('eu-cra') as CraPack;
    expect(pack.partI.map((r) => [r.id, r.result, r.evidence.map((e) => e.no)])).toEqual([
      ['I.1', 'met', ['A-5']],
      ['I.2(a)', 'met', ['A-1']],
    ]);
    expect(pack.partII.map((r) => [r.id, r.result])).toEqual([['II.1', 'met']]);
    expect(pack.verdictCounts).toEqual({ pass: 3, partial: 0, fail: 1, 'not-applicable': 1, unassessed: 0, 'needs-review': 0 });
    expect(pack.check).toEqual({ state: 'complete', gaps: [] });
  });
  it('lists what the records lack: support period, release date, SBOM, an old SBOM, untriaged and overdue', () => {
    const noVersion = build('eu-cra', VERDICTS, { ...WHOLE, productVersion: null, sboms: [] });
    expect(noVersion.check.gaps.map((g) => g.code)).toEqual(['missing-product-version']);
    const lacking = build('eu-cra', VERDICTS, {
      productVersion: { version: '1.0', releaseDate: null, supportEnd: null },
      lastReleaseDate: '2026-05-01',
      sboms: [{ ...WHOLE.sboms[0], uploadedAt: '2026-04-02T00:00:00.000Z' } as PackFacts['sboms'][number]],
      vulnerabilities: [
        { id: 'GHSA-2', severity: 'critical', status: null },
        { id: 'GHSA-3', severity: 'low', status: 'under_investigation' },
        { id: 'GHSA-4', severity: 'low', status: 'fixed' },
      ],
      craCases: [
        { id: 'case-1', title: 'Exploited', overdueStages: ['early-warning'] },
        { id: 'case-2', title: 'On time', overdueStages: [] },
      ],
    });
    expect(lacking.check.state).toBe('draft');
    expect(lacking.check.gaps.map((g) => [g.code, g.target])).toEqual([
      ['missing-support-period', '1.0'],
      ['missing-release-date', '1.0'],
      ['sbom-older-than-release', 'bom.json'],
      ['untriaged-vulnerability', 'GHSA-2'],
      ['untriaged-vulnerability', 'GHSA-3'],
      ['overdue-cra-case', 'case-1'],
    ]);
    expect(build('eu-cra', VERDICTS, { ...WHOLE, sboms: [] }).check.gaps.map((g) => g.code)).toEqual(['missing-sbom']);
  });
});

describe('JC-STAR ★1 pack on the bundled edition', () => {
  /**
   * The jc-star-1 checksheet of the bundled edition has 20 items. Carrying links
   * (superset/equivalent): S1.1-02 D-7.1, -03 and -04 D-7.2, -08 D-8.1, -10 D-7.4
   * and M-5.4, -11 D-9.1, -12 D-6.2, -15 E-1.1; -01, -05, -06, -07, -13, -16 have
   * intersects-with links only; -09 and -14 are pending (unconfirmed). Answers:
   * D-7.2 fail, E-1.1 not applicable, everything else pass.
   */
  const loaded = loadContent(defaultContentDir());
  if (!loaded.ok) throw new Error('bundled content must be valid');
  const bundled = loaded.edition;
  const sheet = generateChecksheet(bundled, { layers: [], phases: [], profile: null, target: { standard: 'jc-star-1' } });
  const verdictOf = (no: string): Verdict => (no === 'D-7.2' ? 'fail' : no === 'E-1.1' ? 'not-applicable' : 'pass');
  const view: AssessmentView = {
    ...assessment({}),
    edition: { id: bundled.meta.id, title: bundled.meta.title, date: bundled.meta.date },
    items: sheet.items,
    answers: blankAnswers(sheet).map((a) => ({ ...a, verdict: verdictOf(a.no), comment: a.no === 'E-1.1' ? '廃棄を想定しない' : '' })),
  };
  const pack = buildPack('jc-star-1', { edition: bundled, assessment: view, facts: WHOLE, now: NOW }) as JcStarPack;

  it('gives all sixteen requirements their derived verdict, pending ones flagged', () => {
    expect(sheet.items).toHaveLength(19);
    expect(pack.rows.map((r) => `${r.id} ${r.result}${r.pending ? ' pending' : ''}`)).toEqual([
      'S1.1-01 partial-evidence',
      'S1.1-02 met',
      'S1.1-03 not-met',
      'S1.1-04 not-met',
      'S1.1-05 partial-evidence',
      'S1.1-06 partial-evidence pending',
      'S1.1-07 partial-evidence',
      'S1.1-08 met',
      'S1.1-09 no-items pending',
      'S1.1-10 met',
      'S1.1-11 met',
      'S1.1-12 met',
      'S1.1-13 partial-evidence',
      'S1.1-14 no-items pending',
      'S1.1-15 not-applicable',
      'S1.1-16 partial-evidence',
    ]);
    expect(pack.rows.find((r) => r.id === 'S1.1-10')?.evidence.map((e) => e.no)).toEqual(['D-7.4', 'M-5.4']);
  });

  it('stays a draft while the catalog has pending requirements', () => {
    expect(pack.check.state).toBe('draft');
    expect(pack.check.gaps.filter((g) => g.code === 'pending-verification').map((g) => g.target)).toEqual(['S1.1-06', 'S1.1-09', 'S1.1-14']);
    expect(pack.check.gaps.filter((g) => g.code === 'not-met-requirement').map((g) => g.target)).toEqual(['S1.1-03', 'S1.1-04']);
  });
});
