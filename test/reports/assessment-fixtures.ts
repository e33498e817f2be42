import { type Answer, type AssessmentView, blankAnswers } from '../../src/core/assessment/assessment.types.js';
import type { ChecksheetItem } from '../../src/core/assessment/checksheet.types.js';
import type { AssessmentComparison, AssessmentScores, DerivedView, Readiness, ScoreGroup, VerdictCounts } from '../../src/core/assessment/results.types.js';
import type { Verdict } from '../../src/core/assessment/verdicts.js';
import type { AssessmentReportData } from '../../src/reports/assessment/report-data.js';

/** Hand-made report data (no result computation involved), so the renderers are tested on their own. */

export const HOSTILE = '<script>alert("x")</script>';

/** Text between the tags, entities decoded the way a browser shows them. */
export const visible = (doc: string) =>
  doc
    .replace(/<style>[\s\S]*?<\/style>/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');

const t = (ja: string, en: string) => ({ ja, en });

export function checkItem(no: string, requirementId: string, title: { ja: string; en: string }): ChecksheetItem {
  return {
    no,
    requirementId,
    title,
    layers: ['device'],
    phases: ['design.software'],
    threatCategory: { id: 'auth', label: t('認証', 'Authentication') },
    criteria: [t('基準', 'criterion')],
    method: { methods: ['test', 'document-review'], steps: [t('手順', 'step')] },
    applicability: [],
    targetLinks: [],
    hash: `hash-${requirementId}`,
  };
}

/** An answer written once, on 2 March. */
function answer(item: ChecksheetItem, verdict: Verdict, extra: Partial<Answer> = {}): Answer {
  const [blank] = blankAnswers({ items: [item] }) as [Answer];
  return { ...blank, verdict, updatedAt: '2026-03-02T10:00:00.000Z', version: 1, ...extra };
}

export function counts(c: Partial<Record<Verdict, number>>): VerdictCounts {
  const full = { pass: 0, partial: 0, fail: 0, 'not-applicable': 0, unassessed: 0, 'needs-review': 0, ...c };
  return { ...full, total: Object.values(full).reduce((s, n) => s + n, 0) };
}

export function group(
  id: string,
  label: { ja: string; en: string },
  c: Partial<Record<Verdict, number>>,
  score: number | null,
  completion: number,
): ScoreGroup {
  return { id, label, counts: counts(c), score, completion };
}

export const ITEMS = [
  checkItem('D-2.1', 'user-authentication', t('ユーザ認証の設計', 'User authentication design')),
  checkItem('D-3.4', 'secure-update', t('安全なアップデート', 'Secure update')),
  checkItem('D-5.1', 'log-retention', t('ログの保存', 'Log retention')),
  checkItem('D-6.2', 'debug-port', t('デバッグポートの無効化', 'Debug port disabled')),
  checkItem('D-7.0', 'open-item', t('未評価の項目', 'Open item')),
];

export function scores(): AssessmentScores {
  const all = { pass: 1, partial: 1, fail: 1, 'not-applicable': 1, unassessed: 1 };
  return {
    overall: group('overall', t('全体', 'Overall'), all, 0.375, 0.8),
    byLayer: [group('device', t('デバイス', 'Device'), all, 0.375, 0.8), group('cloud', t('クラウド', 'Cloud'), { 'not-applicable': 1 }, null, 1)],
    byPhase: [group('design.software', t('S/W設計', 'Software design'), all, 0.375, 0.8)],
    byThreatCategory: [group('auth', t('認証', 'Authentication'), all, 0.375, 0.8)],
  };
}

export function readiness(): Readiness[] {
  const link = {
    requirementId: 'user-authentication',
    no: 'D-2.1',
    title: t('ユーザ認証の設計', 'User authentication design'),
    relationship: 'equal-to' as const,
    verdict: 'pass' as const,
  };
  return [
    {
      scheme: 'jc-star-1',
      label: t('JC-STAR ★1', 'JC-STAR ★1'),
      standardId: 'jc-star',
      state: 'not-met',
      counts: { met: 1, 'not-met': 1, unknown: 0 },
      requirements: [
        { id: 'S1.1-01', title: t('認証の要件', 'Authentication requirement'), state: 'met', result: 'met', carried: [link], partialEvidence: [] },
        {
          id: 'S1.2-01',
          title: t('更新の要件', 'Update requirement'),
          state: 'not-met',
          result: 'not-met',
          carried: [{ ...link, requirementId: 'secure-update', no: 'D-3.4', title: t('安全なアップデート', 'Secure update'), verdict: 'fail' }],
          partialEvidence: [],
        },
      ],
    },
  ];
}

export function derived(): DerivedView[] {
  const summary = { met: 0, 'partially-met': 0, 'not-met': 0, 'not-applicable': 0, 'partial-evidence': 1, unknown: 0, 'no-items': 1, total: 2 };
  return [
    {
      standard: { id: 'etsi-en-303-645', title: t('ETSI EN 303 645', 'ETSI EN 303 645'), version: '3.1.3', confidence: 'verified' },
      filters: {},
      requirements: [
        {
          id: 'Provision 5.6-1',
          kind: 'provision',
          title: t('不要なインタフェースの無効化', 'Unused interfaces disabled'),
          parentId: null,
          groupId: '5.6',
          status: 'mandatory',
          coverage: 'partial',
          result: 'partial-evidence',
          conflict: false,
          carried: [],
          partialEvidence: [
            {
              requirementId: 'debug-port',
              no: 'D-6.2',
              title: t('デバッグポートの無効化', 'Debug port disabled'),
              relationship: 'subset-of',
              verdict: 'not-applicable',
            },
          ],
        },
        {
          id: 'Provision 5.13-1',
          kind: 'provision',
          title: t('入力の検証', 'Input validated'),
          parentId: null,
          groupId: '5.13',
          status: 'mandatory',
          coverage: 'gap',
          result: 'no-items',
          conflict: false,
          carried: [],
          partialEvidence: [],
        },
      ],
      summary,
    },
  ];
}

export function view(overrides: Partial<AssessmentView> = {}): AssessmentView {
  const [auth, update, log, debug, open] = ITEMS as [ChecksheetItem, ChecksheetItem, ChecksheetItem, ChecksheetItem, ChecksheetItem];
  return {
    id: 'asm-0001',
    title: '2026年春の診断',
    status: 'in-progress',
    organisation: { id: 'org-1', name: '株式会社テスト' },
    product: { id: 'prod-1', name: 'スマートカメラ X1', model: 'X1-2026' },
    productVersion: '1.4.2',
    edition: { id: '2026.1', title: t('IoTセキュリティ手引書 2026年版', 'IoT Security Guidebook 2026'), date: '2026-01-15' },
    spec: { layers: [], phases: ['design.software'], profile: null, target: null },
    assessor: { id: 'user-7', displayName: '診断 花子' },
    carriedFrom: null,
    createdAt: '2026-03-01T09:00:00.000Z',
    updatedAt: '2026-03-02T10:00:00.000Z',
    finalisedAt: null,
    contentHash: null,
    version: 7,
    items: ITEMS,
    answers: [
      answer(auth, 'pass', {
        evidence: 'パスワード方針を設計書で確認した。\n2行目',
        attachments: [
          {
            id: 'att-1',
            sha256: 'a3f1c2d4e5b60718293a4b5c6d7e8f90112233445566778899aabbccddeeff00',
            filename: '設計書.pdf',
            downloadName: '設計書.pdf',
            mediaType: 'application/pdf',
            size: 204800,
            uploadedAt: '2026-03-02T09:00:00.000Z',
          },
        ],
      }),
      answer(update, 'fail', { evidence: '署名検証がない', defect: { kind: 'unclear', note: '手順が曖昧', proposalId: 'p-1' } }),
      answer(log, 'partial', { evidence: '一部のログのみ保存', review: 'changed', previousVerdict: 'pass' }),
      answer(debug, 'not-applicable', { comment: 'デバッグポートを持たない' }),
      answer(open, 'unassessed', { updatedAt: null }),
    ],
    ...overrides,
  };
}

export function reportData(overrides: Partial<AssessmentView> = {}): AssessmentReportData {
  return { assessment: view(overrides), scores: scores(), readiness: readiness(), derived: derived(), probeRuns: [], generatedAt: '2026-03-03T00:00:00.000Z' };
}

export function finalData(): AssessmentReportData {
  return reportData({
    status: 'final',
    finalisedAt: '2026-03-05T12:00:00.000Z',
    contentHash: '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08',
  });
}

/** The fixture with hostile text wherever an assessor or admin types. */
export function hostileData(): AssessmentReportData {
  const base = view();
  return reportData({
    title: `${HOSTILE} title`,
    product: { id: 'prod-1', name: `${HOSTILE} camera`, model: '"><img src=x onerror=alert(1)>' },
    organisation: { id: 'org-1', name: `${HOSTILE} corp` },
    answers: base.answers.map((a) => ({
      ...a,
      evidence: `${HOSTILE} evidence`,
      comment: `${HOSTILE} comment`,
      attachments: a.attachments.map((f) => ({ ...f, filename: `${HOSTILE}.pdf` })),
      defect: a.defect ? { ...a.defect, note: HOSTILE } : null,
    })),
  });
}

export function comparison(): AssessmentComparison {
  const before = scores();
  const after: AssessmentScores = {
    ...before,
    overall: group('overall', t('全体', 'Overall'), { pass: 3, partial: 1, 'not-applicable': 1 }, 0.875, 1),
  };
  return {
    before: { id: 'asm-0001', title: '改修前の診断', editionId: '2026.1', finalisedAt: '2026-03-05T12:00:00.000Z' },
    after: { id: 'asm-0002', title: '改修後の診断', editionId: '2026.1', finalisedAt: null },
    items: [
      {
        requirementId: 'user-authentication',
        no: 'D-2.1',
        title: t('ユーザ認証の設計', 'User authentication design'),
        before: 'pass',
        after: 'pass',
        change: 'same',
      },
      { requirementId: 'secure-update', no: 'D-3.4', title: t('安全なアップデート', 'Secure update'), before: 'fail', after: 'pass', change: 'improved' },
      { requirementId: 'log-retention', no: 'D-5.1', title: t('ログの保存', 'Log retention'), before: 'pass', after: 'partial', change: 'regressed' },
      { requirementId: 'new-item', no: 'D-9.9', title: t('新しい項目', 'New item'), before: null, after: 'pass', change: 'added' },
    ],
    counts: { improved: 1, regressed: 1, same: 1, changed: 0, added: 1, removed: 0 },
    scores: { before, after },
  };
}
