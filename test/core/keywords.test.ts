import { describe, expect, it } from 'vitest';
import { englishCandidates, extractKeywords, japaneseCandidates } from '../../src/core/keywords.js';
import type { Edition, GlossaryTerm, Localized, Requirement } from '../../src/core/model/edition.schema.js';
import { L, localizedItem } from './localized-item.js';

function req(id: string, number: string, title: Localized, criteria: Localized[], step = L('手順を実施する。', 'Carry out the step.')): Requirement {
  return localizedItem(id, number, title, { criteria, verification: { methods: ['test'], steps: [step] } });
}

const term = (id: string, t: Localized, reading?: string): GlossaryTerm => ({
  id,
  term: t,
  ...(reading ? { reading } : {}),
  definition: L('定義。', 'Definition.'),
  related: [],
  industryUsage: [],
});

/** セッション管理 / session management is used but not defined; トークン, 認証, 公開鍵基盤 and the OTA term are defined. */
const EDITION: Edition = {
  meta: { id: '2099.1', title: L('試験版', 'Test edition'), status: 'published', date: '2099-01-01', changelog: [] },
  taxonomy: { layers: [], stages: [], phases: [], threatCategories: [{ id: 'cat', label: L('分類', 'Category') }], applicability: [] },
  requirements: [
    req('session-b', 'D-10.1', L('ログアウト', 'Logout'), [
      L('ログアウト時にセッション管理の状態を破棄する。', 'On logout the session management state is discarded.'),
    ]),
    req('session-a', 'D-2.1', L('セッション管理の設計', 'Session management design'), [
      L(
        'セッション管理の方式を定め、トークンを3回まで検証し、認証を行う。',
        'The session management method is defined, and the token is checked up to 3 times.',
      ),
      L('公開鍵基盤の運用は、オーティーエーアップデートと同じ手順で行う。', 'The public key infrastructure (PKI) is run like the Over-the-air update.'),
    ]),
  ],
  glossary: [
    term('token', L('トークン', 'Token'), 'トークン'),
    term('authentication', L('認証', 'Authentication'), 'にんしょう'),
    term('pki', L('公開鍵基盤（PKI）', 'Public key infrastructure (PKI)'), 'こうかいかぎきばん'),
    term('ota', L('OTA更新', 'Over-the-air (OTA) update'), 'オーティーエーアップデート'),
  ],
  standards: [],
  outOfScope: [],
};

describe('keyword extraction', () => {
  const candidates = extractKeywords(EDITION);
  const find = (t: string, lang: 'ja' | 'en') => candidates.find((c) => c.term.toLowerCase() === t && c.lang === lang);

  it('finds a compound used in requirement texts without a glossary entry, with every place it occurs', () => {
    const ja = find('セッション管理', 'ja');
    expect(ja).toEqual({
      term: 'セッション管理',
      lang: 'ja',
      count: 3,
      requirements: 2,
      occurrences: [
        { requirementId: 'session-a', number: 'D-2.1', field: 'title' },
        { requirementId: 'session-a', number: 'D-2.1', field: 'criteria[0]' },
        { requirementId: 'session-b', number: 'D-10.1', field: 'criteria[0]' },
      ],
    });
    const en = find('session management', 'en');
    expect(en).toMatchObject({ count: 3, requirements: 2 });
    expect(en?.occurrences.map((o) => `${o.number} ${o.field}`)).toEqual(['D-2.1 title', 'D-2.1 criteria[0]', 'D-10.1 criteria[0]']);
  });

  it('leaves out terms the glossary has, by term, by the part outside or inside parentheses, or by reading', () => {
    const terms = candidates.map((c) => c.term.toLowerCase());
    for (const known of ['トークン', 'token', '認証', '公開鍵基盤', 'public key infrastructure', 'pki', 'オーティーエーアップデート']) {
      expect(terms, known).not.toContain(known);
    }
  });

  it('ranks by frequency, then by number of requirements', () => {
    expect(
      candidates
        .slice(0, 2)
        .map((c) => c.term)
        .sort(),
    ).toEqual(['session management', 'セッション管理']);
    for (let i = 1; i < candidates.length; i++) {
      const [a, b] = [candidates[i - 1], candidates[i]];
      if (!a || !b) continue;
      expect(a.count > b.count || (a.count === b.count && a.requirements >= b.requirements)).toBe(true);
    }
    expect(extractKeywords(EDITION, { limit: 1 })).toEqual(candidates.slice(0, 1));
  });

  it('never proposes particles, numbers, stop words or one-character tokens', () => {
    for (const c of candidates) {
      expect(c.term, c.term).not.toMatch(/^[\u3041-\u309f]+$/);
      expect(c.term, c.term).not.toMatch(/^[0-9\s.-]+$/);
      expect([...c.term].length, c.term).toBeGreaterThanOrEqual(2);
      expect(['the', 'and', 'is', 'こと', 'ため', '場合', '回'], c.term).not.toContain(c.term.toLowerCase());
    }
  });
});

describe('candidate phrases', () => {
  it('merges adjacent katakana and kanji segments into compounds and trims affixes', () => {
    expect(japaneseCandidates('各ゲートウェイのセッション管理とTLS通信を、ファームウェア更新時に確認する。')).toEqual([
      'ゲートウェイ',
      'セッション管理',
      'TLS通信',
      'ファームウェア更新',
    ]);
    expect(japaneseCandidates('Wi-Fiのパスワードを3回まで試す。')).toEqual(['パスワード']);
  });

  it('takes English phrases of one to three content words, not instructions or participles at the end', () => {
    expect(englishCandidates('Check that the signed firmware is recorded.')).toEqual(['signed firmware']);
    expect(englishCandidates('Review the key management procedures.')).toEqual(['key management', 'management procedures', 'key management procedures']);
    expect(englishCandidates('Logs, keys; and IDs.')).toEqual(['Logs', 'keys', 'IDs']);
  });
});
