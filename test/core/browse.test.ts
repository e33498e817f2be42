import { describe, expect, it } from 'vitest';
import { glossaryEntries, glossaryIndex, glossaryTermView, orderGlossary } from '../../src/core/browse/glossary-view.js';
import { filterRequirements, threatCategoryScope, unknownFilterValues } from '../../src/core/browse/requirement-filter.js';
import { standardSummaries, standardView } from '../../src/core/browse/standard-view.js';
import type { Edition, GlossaryTerm, Requirement } from '../../src/core/model/edition.schema.js';
import { loadContent } from '../../src/content/load-content.js';
import { defaultContentDir } from '../../src/content/content-dir.js';
import { item } from '../helpers/mini-edition.js';

const L = (ja: string, en = ja) => ({ ja, en });

/** A mini-edition item under user authentication, titled "<id> の題" / "<id> title". */
function requirement(id: string, number: string, fields: Partial<Requirement> = {}): Requirement {
  return item(id, number, { title: L(`${id} の題`, `${id} title`), threatCategory: 'user-authentication', ...fields });
}

function term(id: string, ja: string, en: string, reading?: string, related: string[] = []): GlossaryTerm {
  return { id, term: { ja, en }, ...(reading ? { reading } : {}), definition: L(`${ja}の定義`, `Definition of ${en}`), related, industryUsage: [] };
}

const rationale = L('根拠');

/** A small edition where every filter and every standard-page case has exactly one witness. */
const edition: Edition = {
  meta: { id: '2099.1', title: L('試験版'), status: 'published', date: '2099-01-01', changelog: [] },
  taxonomy: {
    layers: [],
    stages: [],
    phases: [
      { id: 'design.software', stage: 'design-manufacturing', label: L('S/W設計') },
      { id: 'operation', stage: 'operation-maintenance', label: L('運用') },
      { id: 'mass-production', stage: 'sales-installation-use', label: L('量産') },
    ],
    threatCategories: [
      {
        id: 'security-function-design',
        label: L('セキュリティ機能設計'),
        children: [
          { id: 'user-authentication', label: L('ユーザ認証') },
          { id: 'access-control', label: L('アクセス制御'), children: [{ id: 'role-based', label: L('ロール') }] },
        ],
      },
      { id: 'update', label: L('ソフトウェア更新') },
    ],
    applicability: [
      { id: 'uses-passwords', label: L('パスワードを使う') },
      { id: 'has-wireless', label: L('無線') },
    ],
  },
  requirements: [
    requirement('auth', 'D-2.10', {
      applicability: ['uses-passwords'],
      terms: ['password', 'mfa', 'no-such-term'],
      mappings: [
        { standard: 'std-a', requirement: 'A-1', relationship: 'equivalent-to', rationale },
        { standard: 'std-a', requirement: 'A-1 RE(1)', relationship: 'subset-of', rationale },
      ],
    }),
    requirement('authz', 'D-2.9', {
      threatCategory: 'role-based',
      layers: ['service', 'platform'],
      mappings: [{ standard: 'std-a', requirement: 'A-1', relationship: 'intersects-with', rationale }],
    }),
    requirement('ops', 'O-1.1', { threatCategory: 'update', phases: ['operation'], layers: ['network'], terms: ['password'] }),
    requirement('mass', 'M-4.1', { threatCategory: 'update', phases: ['mass-production', 'operation'], applicability: ['has-wireless'] }),
  ],
  glossary: [
    term('password', 'パスワード', 'Password', 'パスワード', ['mfa', 'gone']),
    term('mfa', '多要素認証', 'Multi-factor authentication', 'たようそにんしょう'),
    term('sbom', 'SBOM（ソフトウェア部品表）', 'SBOM (software bill of materials)'),
    term('asset', '資産', 'asset', 'しさん'),
    term('key', '鍵', 'Key', 'かぎ'),
    term('guard', 'ガード', 'Guard', 'ガード'),
    term('zone', 'ゾーン', 'Zone', 'ゾーン'),
  ],
  standards: [
    {
      id: 'std-a',
      title: L('標準A'),
      version: '1',
      publisher: 'P',
      licence: L('ライセンス文', 'Licence text'),
      source: 'src',
      confidence: 'verified',
      conditions: { '1': L('条件1') },
      requirements: [
        {
          id: 'G1',
          kind: 'group',
          title: L('群'),
          children: [
            { id: 'A-1', kind: 'requirement', title: L('要求1'), levels: ['1', '2'], children: [{ id: 'A-1 RE(1)', kind: 'enhancement', title: L('強化1') }] },
            { id: 'A-2', kind: 'requirement', title: L('要求2'), status: 'mandatory', conditions: ['1'] },
            { id: 'A-3', kind: 'requirement', title: L('要求3'), confidence: 'recall', unconfirmed: true },
            { id: 'A-4', kind: 'requirement', title: L('廃止'), status: 'withdrawn' },
            { id: 'A-5', kind: 'requirement', title: L('組織統制') },
          ],
        },
      ],
    },
    {
      id: 'std-b',
      title: L('標準B'),
      version: '2',
      publisher: 'Q',
      licence: L('l'),
      source: 's',
      confidence: 'recall',
      requirements: [{ id: 'B-1', kind: 'provision', title: L('b') }],
    },
  ],
  outOfScope: [
    {
      standard: 'std-a',
      declarations: [
        { requirement: 'A-5', reason: L('組織の統制', 'Organisational control') },
        { requirement: 'A-3', reason: L('未確認', 'Pending'), unconfirmedTarget: true },
      ],
    },
  ],
};

const ids = (list: { id: string }[]) => list.map((r) => r.id);

describe('requirement filters', () => {
  it('with no filter lists every item in numeric display order (D-2.9 before D-2.10)', () => {
    expect(filterRequirements(edition, {}).map((r) => r.number)).toEqual(['D-2.9', 'D-2.10', 'M-4.1', 'O-1.1']);
  });

  it('a threat category matches the category itself and every descendant', () => {
    expect(ids(filterRequirements(edition, { threatCategory: 'security-function-design' }))).toEqual(['authz', 'auth']);
    expect(ids(filterRequirements(edition, { threatCategory: 'access-control' }))).toEqual(['authz']);
    expect(ids(filterRequirements(edition, { threatCategory: 'role-based' }))).toEqual(['authz']);
    expect([...threatCategoryScope(edition.taxonomy.threatCategories, 'access-control')].sort()).toEqual(['access-control', 'role-based']);
    expect(threatCategoryScope(edition.taxonomy.threatCategories, 'nope').size).toBe(0);
  });

  it('a standard matches the items with at least one mapping to it', () => {
    expect(ids(filterRequirements(edition, { standard: 'std-a' }))).toEqual(['authz', 'auth']);
    expect(filterRequirements(edition, { standard: 'std-b' })).toEqual([]);
  });

  it('layer, phase, stage and applicability combine with AND', () => {
    expect(ids(filterRequirements(edition, { layer: 'device' }))).toEqual(['auth', 'mass']);
    expect(ids(filterRequirements(edition, { phase: 'operation' }))).toEqual(['mass', 'ops']);
    expect(ids(filterRequirements(edition, { stage: 'sales-installation-use' }))).toEqual(['mass']);
    expect(ids(filterRequirements(edition, { stage: 'operation-maintenance', layer: 'network' }))).toEqual(['ops']);
    expect(ids(filterRequirements(edition, { applicability: 'uses-passwords' }))).toEqual(['auth']);
    expect(filterRequirements(edition, { applicability: 'uses-passwords', layer: 'service' })).toEqual([]);
    expect(ids(filterRequirements(edition, { threatCategory: 'update', phase: 'operation', applicability: 'has-wireless' }))).toEqual(['mass']);
  });

  it('names every filter value that does not exist in the edition', () => {
    expect(unknownFilterValues(edition, { threatCategory: 'user-authentication', standard: 'std-a', applicability: 'has-wireless' })).toEqual([]);
    const errors = unknownFilterValues(edition, { threatCategory: '<script>', standard: 'std-z', applicability: 'x' });
    expect(errors.map((e) => e.path)).toEqual(['query.threatCategory', 'query.standard', 'query.applicability']);
    expect(errors[0]?.message).toContain('<script>');
  });
});

describe('standard pages', () => {
  it('summarises each standard with counts of stated and withdrawn requirements', () => {
    expect(standardSummaries(edition)).toEqual([
      { id: 'std-a', title: L('標準A'), version: '1', publisher: 'P', confidence: 'verified', counts: { requirements: 5, withdrawn: 1 } },
      { id: 'std-b', title: L('標準B'), version: '2', publisher: 'Q', confidence: 'recall', counts: { requirements: 1, withdrawn: 0 } },
    ]);
  });

  it('flattens the tree in document order with depth and parent', () => {
    const view = standardView(edition, 'std-a');
    expect(view?.requirements.map((r) => [r.id, r.depth, r.parentId ?? null])).toEqual([
      ['G1', 0, null],
      ['A-1', 1, 'G1'],
      ['A-1 RE(1)', 2, 'A-1'],
      ['A-2', 1, 'G1'],
      ['A-3', 1, 'G1'],
      ['A-4', 1, 'G1'],
      ['A-5', 1, 'G1'],
    ]);
    expect(view?.standard).toMatchObject({ id: 'std-a', licence: L('ライセンス文', 'Licence text'), conditions: { '1': L('条件1') } });
  });

  it('lists the items that reach each requirement with their relationship, by item number', () => {
    const rows = new Map(standardView(edition, 'std-a')?.requirements.map((r) => [r.id, r]));
    expect(rows.get('A-1')?.mappedBy).toEqual([
      { requirementId: 'authz', number: 'D-2.9', title: L('authz の題', 'authz title'), relationship: 'intersects-with' },
      { requirementId: 'auth', number: 'D-2.10', title: L('auth の題', 'auth title'), relationship: 'equivalent-to' },
    ]);
    expect(rows.get('A-1 RE(1)')?.mappedBy.map((m) => m.relationship)).toEqual(['subset-of']);
    expect(rows.get('A-1')?.gap).toBe(false);
  });

  it('shows out-of-scope reasons, pending-verification flags and gaps, never both', () => {
    const rows = new Map(standardView(edition, 'std-a')?.requirements.map((r) => [r.id, r]));
    expect(rows.get('A-5')).toMatchObject({ outOfScope: { reason: L('組織の統制', 'Organisational control') }, gap: false, mappedBy: [] });
    expect(rows.get('A-5')?.outOfScope?.unconfirmedTarget).toBeUndefined();
    expect(rows.get('A-3')).toMatchObject({ confidence: 'recall', unconfirmed: true, outOfScope: { unconfirmedTarget: true }, gap: false });
    expect(rows.get('A-2')).toMatchObject({ status: 'mandatory', conditions: ['1'], gap: true, mappedBy: [] });
    // Groups and withdrawn requirements ask for nothing, so they are never gaps.
    expect(rows.get('G1')?.gap).toBe(false);
    expect(rows.get('A-4')).toMatchObject({ status: 'withdrawn', gap: false });
    // A node without its own confidence does not repeat the standard's.
    expect(rows.get('A-1')?.confidence).toBeUndefined();
  });

  it('answers null for a standard the edition does not have', () => {
    expect(standardView(edition, 'nope')).toBeNull();
  });
});

describe('glossary', () => {
  it('orders by reading in あいうえお order, hiragana and katakana together, Latin-only terms by their Japanese form', () => {
    const order = orderGlossary(edition.glossary, 'kana').map((t) => t.term.ja);
    // As in a Japanese dictionary: voicing is a secondary difference and ー repeats the vowel,
    // so ガード (がーど ≈ かあど) comes before 鍵 (かぎ); kanji terms file under their reading.
    expect(order).toEqual(['SBOM（ソフトウェア部品表）', 'ガード', '鍵', '資産', 'ゾーン', '多要素認証', 'パスワード']);
  });

  it('orders by the English term in ABC order, ignoring case', () => {
    expect(orderGlossary(edition.glossary, 'alpha').map((t) => t.term.en)).toEqual([
      'asset',
      'Guard',
      'Key',
      'Multi-factor authentication',
      'Password',
      'SBOM (software bill of materials)',
      'Zone',
    ]);
  });

  it('lists entries with reading only where there is one', () => {
    const entries = glossaryEntries(edition, 'kana');
    expect(entries[0]).toEqual({ id: 'sbom', term: edition.glossary[2]?.term, definition: edition.glossary[2]?.definition });
    expect(entries.find((e) => e.id === 'password')?.reading).toBe('パスワード');
  });

  it('a term page lists the items using it by number and its known related terms', () => {
    const view = glossaryTermView(edition, 'password');
    expect(view?.usedBy).toEqual([
      { requirementId: 'auth', number: 'D-2.10', title: L('auth の題', 'auth title') },
      { requirementId: 'ops', number: 'O-1.1', title: L('ops の題', 'ops title') },
    ]);
    expect(view?.related).toEqual([{ id: 'mfa', term: { ja: '多要素認証', en: 'Multi-factor authentication' } }]);
    expect(glossaryTermView(edition, 'sbom')?.usedBy).toEqual([]);
    expect(glossaryTermView(edition, 'nope')).toBeNull();
  });

  it("an item's glossary index carries the ja and en forms of the terms it lists", () => {
    const auth = edition.requirements[0] as Requirement;
    expect(glossaryIndex(edition, auth)).toEqual([
      { id: 'password', ja: 'パスワード', en: 'Password' },
      { id: 'mfa', ja: '多要素認証', en: 'Multi-factor authentication' },
    ]);
  });
});

describe('the bundled edition', () => {
  const loaded = loadContent(defaultContentDir());
  const bundled = loaded.ok ? loaded.edition : null;

  it('every listed standard answers its requirements: nist-sp-800-171r3 has out-of-scope declarations, jc-star-1 pending ones', () => {
    expect(bundled).not.toBeNull();
    if (!bundled) return;
    const nist = standardView(bundled, 'nist-sp-800-171r3');
    expect(nist?.requirements.some((r) => r.outOfScope && !r.outOfScope.unconfirmedTarget)).toBe(true);
    expect(nist?.requirements.some((r) => r.mappedBy.length > 0)).toBe(true);
    const jc = standardView(bundled, 'jc-star-1');
    const pending = jc?.requirements.filter((r) => r.outOfScope?.unconfirmedTarget) ?? [];
    expect(pending.length).toBeGreaterThan(0);
    for (const row of pending) expect(row.unconfirmed).toBe(true);
    expect(standardSummaries(bundled).find((s) => s.id === 'nist-sp-800-171r3')?.counts).toEqual({ requirements: 97, withdrawn: 33 });
  });

  it('the kana order of the whole glossary never puts a later reading first', () => {
    if (!bundled) return;
    const collator = new Intl.Collator('ja');
    const keys = orderGlossary(bundled.glossary, 'kana').map((t) => t.reading ?? t.term.ja);
    for (let i = 1; i < keys.length; i += 1) expect(collator.compare(keys[i - 1] ?? '', keys[i] ?? '')).toBeLessThanOrEqual(0);
  });
});
