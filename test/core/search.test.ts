import { describe, expect, it } from 'vitest';
import type { Edition, GlossaryTerm, Localized, StandardNode } from '../../src/core/model/edition.schema.js';
import { L, localizedItem } from './localized-item.js';
import { normalizeText } from '../../src/core/search/normalize.js';
import { parseQuery, queryProblem } from '../../src/core/search/query.js';
import { search } from '../../src/core/search/search.js';
import { buildSearchIndex } from '../../src/core/search/search-index.js';
import type { SearchHit, SearchResult } from '../../src/core/search/search.types.js';
import { SNIPPET_LENGTH } from '../../src/core/search/snippets.js';

/** A small hand-made edition whose expected search results are worked out by hand. */
const req = localizedItem;

const term = (id: string, t: Localized, definition: Localized, reading?: string): GlossaryTerm => ({
  id,
  term: t,
  ...(reading ? { reading } : {}),
  definition,
  related: [],
  industryUsage: [],
});

const node = (id: string, title: Localized, children?: StandardNode[]): StandardNode => ({ id, kind: 'requirement', title, ...(children ? { children } : {}) });

const LONG_JA = `${'機器の設定を変更する前に、管理者が本人であることを確かめる。'.repeat(4)}最後にユーザー認証の記録を残す。${'以後の操作も同様に記録する。'.repeat(8)}`;

const EDITION: Edition = {
  meta: { id: '2099.1', title: L('試験版', 'Test edition'), status: 'published', date: '2099-01-01', changelog: [] },
  taxonomy: { layers: [], stages: [], phases: [], threatCategories: [{ id: 'cat', label: L('分類', 'Category') }], applicability: [] },
  requirements: [
    req('user-auth', 'D-2.1', L('ユーザ認証の設計', 'User authentication design'), {
      criteria: [L('管理画面はログイン前に認証を要求する。', 'The admin screen requires authentication before login.')],
    }),
    req('credential-store', 'D-10.4', L('秘密の保管', 'Storing secrets'), {
      criteria: [L('認証情報を平文で保存しない。', 'Credentials are never stored in plain text.')],
    }),
    req('audit', 'D-2.10', L('監査ログ', 'Audit log'), {
      verification: {
        methods: ['test'],
        steps: [L('認証の失敗が記録されることを確かめる（D-2.1 参照）。', 'Check that failed authentication is logged (see D-2.1).')],
      },
    }),
    req('emoji', 'D-3.1', L('🔒ロック機能と𠮷野の鍵', 'Lock 🔒 feature for Yoshino'), {
      criteria: [L(LONG_JA, 'Before changing device settings, make sure the administrator is who they claim to be.')],
    }),
    req('iot-en', 'D-4.1', L('機器の更新', 'IoT device updates'), {
      criteria: [L('ＩｏＴ機器の更新を署名で検証する。', 'Updates are verified by signature.')],
    }),
  ],
  glossary: [
    term(
      'authentication',
      L('認証', 'Authentication'),
      L('相手が本物であることを確かめること。', 'Verifying that someone is who they claim to be.'),
      'にんしょう',
    ),
    term('tls', L('TLS', 'TLS (Transport Layer Security)'), L('通信を保護するプロトコル。', 'A protocol that protects communication.')),
  ],
  standards: [
    {
      id: 'iec-62443-4-2',
      title: L('IEC 62443-4-2', 'IEC 62443-4-2'),
      version: '2019',
      publisher: 'IEC',
      licence: L('-', '-'),
      source: 'test',
      confidence: 'verified',
      requirements: [
        node('CR 1.1', L('人のユーザの識別と認証', 'Human user identification and authentication')),
        node('CR 7.7', L('最小機能', 'Least functionality')),
      ],
    },
  ],
  outOfScope: [],
};

const index = buildSearchIndex(EDITION);
const ids = (r: SearchResult) => r.results.map((h) => h.id);
const marked = (hit: SearchHit) => hit.snippets.flatMap((s) => s.highlights.map(([a, b]) => s.text.slice(a, b)));
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

describe('search: Japanese partial words', () => {
  it('認証 finds ユーザ認証 and 認証情報, and marks exactly 認証', () => {
    const r = search(index, '認証');
    expect(ids(r)).toEqual(expect.arrayContaining(['user-auth', 'credential-store', 'audit', 'authentication', 'CR 1.1']));
    for (const hit of r.results) {
      expect(hit.snippets.length).toBeGreaterThan(0);
      for (const text of marked(hit)) expect(text).toBe('認証');
    }
    const store = r.results.find((h) => h.id === 'credential-store');
    expect(store?.snippets[0]).toMatchObject({ field: 'criteria[0]', lang: 'ja', text: '認証情報を平文で保存しない。', highlights: [[0, 2]] });
  });

  it('ユーザー and ユーザ find each other, and the mark covers the word as written', () => {
    const long = search(index, 'ユーザー');
    expect(ids(long)).toContain('user-auth');
    const title = long.results.find((h) => h.id === 'user-auth')?.snippets.find((s) => s.field === 'title');
    expect(title).toMatchObject({ text: 'ユーザ認証の設計', highlights: [[0, 3]] });

    const short = search(index, 'ユーザ');
    const criterion = short.results.find((h) => h.id === 'emoji')?.snippets.find((s) => s.field === 'criteria[0]');
    expect(criterion && marked({ ...short.results[0], snippets: [criterion] } as SearchHit)).toEqual(['ユーザー']);
  });

  it('full-width letters in the text match a half-width query', () => {
    const r = search(index, 'iot機器');
    expect(ids(r)[0]).toBe('iot-en');
    const ja = r.results[0]?.snippets.find((s) => s.lang === 'ja');
    // The two terms touch in the text, so their marks join into one.
    expect(ja?.text.slice(...(ja.highlights[0] as [number, number]))).toBe('ＩｏＴ機器');
  });
});

describe('search: Japanese terms of three or more characters', () => {
  /** The documents whose normalised text holds `term`, worked out by reading every text. */
  const holding = (idx: typeof index, term: string) =>
    new Set(idx.fields.filter((f) => f.norm.text.includes(normalizeText(term).text)).map((f) => idx.docs[f.doc]?.id));

  it('find exactly the documents whose text holds them (every run of 3 to 6 characters of the Japanese texts)', () => {
    const texts = index.fields.filter((f) => f.lang === 'ja' && f.hasCjk).map((f) => [...f.norm.text]);
    const terms = new Set<string>();
    for (const chars of texts) for (let n = 3; n <= 6; n++) for (let i = 0; i + n <= chars.length; i++) terms.add(chars.slice(i, i + n).join(''));
    const cjkOnly = [...terms].filter((t) => parseQuery(t).terms.length === 1 && parseQuery(t).terms[0]?.kind === 'cjk' && parseQuery(t).terms[0]?.value === t);
    expect(cjkOnly).toEqual(expect.arrayContaining(['𠮷野の鍵', '記録する', '認証の設計']));
    for (const term of cjkOnly) {
      const r = search(index, term, { limit: 100 });
      expect(new Set(ids(r)), term).toEqual(holding(index, term));
      expect(r.total, term).toBe(holding(index, term).size);
    }
  });

  it('a term whose pairs repeat (ログログ) is found where it overlaps itself, and not where only its pairs are', () => {
    const small = buildSearchIndex({
      ...EDITION,
      requirements: [
        req('twice', 'T-1', L('ログログログ', 'Log log log')),
        req('once', 'T-2', L('ログログイン', 'Log login')),
        req('apart', 'T-3', L('ログとグロ', 'Log and glo')),
      ],
      glossary: [],
      standards: [],
    });
    const r = search(small, 'ログログ');
    expect(ids(r)).toEqual(['twice', 'once']);
    expect(r.results[0]?.snippets[0]).toMatchObject({ text: 'ログログログ', highlights: [[0, 6]] });
    expect(ids(search(small, 'ログロ'))).toEqual(['twice', 'once']);
    expect(ids(search(small, 'グログ'))).toEqual(['twice', 'once']);
    expect(search(small, 'ロググロ').total).toBe(0);
  });
});

describe('search: English', () => {
  it('matches words by prefix, whatever the case, and marks the whole word', () => {
    const r = search(index, 'AUTH');
    expect(ids(r)).toEqual(expect.arrayContaining(['user-auth', 'audit', 'authentication', 'CR 1.1']));
    const words = r.results.flatMap(marked).map((w) => w.toLowerCase());
    expect(new Set(words)).toEqual(new Set(['authentication']));
  });

  it('needs every word of the query (AND)', () => {
    expect(ids(search(index, 'authentication design'))).toEqual(['user-auth']);
    expect(search(index, 'authentication zebra').total).toBe(0);
  });
});

describe('search: ranking', () => {
  it('a number or id equal to the query comes first, before items that only mention it', () => {
    expect(ids(search(index, 'D-2.1'))).toEqual(['user-auth', 'audit']);
    expect(ids(search(index, 'cr 7.7'))[0]).toBe('CR 7.7');
    expect(ids(search(index, 'CR7.7'))[0]).toBe('CR 7.7');
  });

  it('a title match ranks above a criterion match, which ranks above a verification step', () => {
    const r = search(index, '認証', { limit: 100 });
    const place = (id: string) => ids(r).indexOf(id);
    expect(place('authentication')).toBe(0); // the glossary term is exactly the query
    expect(place('user-auth')).toBeLessThan(place('credential-store'));
    expect(place('credential-store')).toBeLessThan(place('audit'));
  });

  it('lang ranks matches in that language first', () => {
    const en = search(index, 'iot', { lang: 'en' });
    expect(en.results[0]?.snippets[0]?.lang).toBe('en');
    const ja = search(index, 'iot', { lang: 'ja' });
    expect(ja.results[0]?.snippets[0]?.lang).toBe('ja');
    expect(ja.results[0]?.score).toBeLessThan(en.results[0]?.score ?? 0);
  });

  it('equal scores keep a stable order: requirements by number in natural order (D-2 before D-10)', () => {
    const r = search(index, '攻撃の例');
    expect(ids(r)).toEqual(['user-auth', 'audit', 'emoji', 'iot-en', 'credential-store']);
    expect(new Set(r.results.map((h) => h.score)).size).toBe(1);
    expect(search(index, '攻撃の例')).toEqual(r);
    const limited = search(index, '攻撃の例', { limit: 2 });
    expect(limited.total).toBe(5);
    expect(ids(limited)).toEqual(['user-auth', 'audit']);
  });
});

describe('search: highlights and snippets', () => {
  it('every highlight offset points at a match in the snippet text', () => {
    for (const q of ['認証', '記録', 'device', 'ロック', '鍵', 'verified signature']) {
      for (const hit of search(index, q, { limit: 100 }).results) {
        for (const s of hit.snippets) {
          expect(s.highlights.length).toBeGreaterThan(0);
          for (const [a, b] of s.highlights) {
            expect(a).toBeGreaterThanOrEqual(0);
            expect(b).toBeLessThanOrEqual(s.text.length);
            expect(a).toBeLessThan(b);
          }
        }
      }
    }
  });

  it('a long text is cut to a window around the match, with ellipses', () => {
    const hit = search(index, 'ユーザー認証').results.find((h) => h.id === 'emoji');
    const s = hit?.snippets.find((x) => x.field === 'criteria[0]');
    expect(s).toBeDefined();
    if (!s) return;
    expect(s.text.length).toBeLessThanOrEqual(SNIPPET_LENGTH + 2);
    expect(s.text.startsWith('…')).toBe(true);
    expect(s.text.endsWith('…')).toBe(true);
    expect(s.highlights.map(([a, b]) => s.text.slice(a, b))).toEqual(['ユーザー認証']);
  });

  it('emoji and surrogate-pair kanji keep offsets right and are never cut in half', () => {
    const lock = search(index, 'ロック').results[0];
    expect(lock?.id).toBe('emoji');
    expect(lock?.snippets[0]).toMatchObject({ text: '🔒ロック機能と𠮷野の鍵', highlights: [[2, 5]] });

    const yoshi = search(index, '𠮷野');
    expect(ids(yoshi)).toEqual(['emoji']);
    const s = yoshi.results[0]?.snippets[0];
    expect(s?.text.slice(...(s.highlights[0] as [number, number]))).toBe('𠮷野');

    expect(search(index, '🔒').total).toBe(0);
    expect(ids(search(index, '🔒ロック'))).toEqual(['emoji']);
    for (const q of ['記録', '確かめる', 'ロック']) {
      for (const hit of search(index, q).results) for (const snippet of hit.snippets) expect(snippet.text).not.toMatch(LONE_SURROGATE);
    }
  });
});

describe('search: hostile and bounded input', () => {
  it('regular-expression metacharacters are plain separators, never patterns', () => {
    for (const q of ['.*', '(', '[a-z]+', '\\', '$^|?', '(?<x>a)\\1']) {
      expect(() => search(index, q)).not.toThrow();
    }
    expect(search(index, '.*').total).toBe(0);
    const r = search(index, '(.*)[認証]+?');
    expect(ids(r)).toContain('user-auth');
    expect(new Set(r.results.flatMap(marked))).toEqual(new Set(['認証']));
  });

  it('markup in a query is just text: nothing matches and nothing breaks', () => {
    const r = search(index, '<script>alert(1)</script>');
    expect(r.total).toBe(0);
    expect(r.query).toBe('<script>alert(1)</script>');
  });

  it('refuses blank queries and queries over 200 characters; emoji count as one character', () => {
    expect(queryProblem('')).toEqual({ message: 'must not be empty', code: 'required' });
    expect(queryProblem(' \t\u3000 ')).toEqual({ message: 'must not be empty', code: 'required' });
    expect(queryProblem('認'.repeat(200))).toBeNull();
    expect(queryProblem('🔒'.repeat(200))).toBeNull();
    expect(queryProblem('a'.repeat(201))).toEqual({ message: 'must be at most 200 characters', code: 'too-long' });
    expect(() => search(index, `${'認証 '.repeat(66)}認証`)).not.toThrow();
  });

  it('a query of many distinct words stays bounded and still answers', () => {
    const q = Array.from({ length: 60 }, (_, i) => `w${i}`).join(' ');
    expect(search(index, q).total).toBe(0);
  });
});
