import { describe, expect, it } from 'vitest';
import { alphaSectionKey, groupSections, kanaSectionKey } from '../../web/src/glossary/sections.js';
import { markTerms, termForms } from '../../web/src/glossary/term-marks.js';
import { markRanges } from '../../web/src/search/highlight.js';

/** The pure text helpers of the browsing UI: glossary term marking, kana sections, search highlights. */

const forms = termForms([
  { id: 'authentication', ja: '認証', en: 'Authentication' },
  { id: 'mutual-authentication', ja: '相互認証', en: 'Mutual authentication' },
  { id: 'sbom', ja: 'SBOM（ソフトウェア部品表）', en: 'SBOM (software bill of materials)' },
  { id: 'ca', ja: '認証局（CA）', en: 'Certificate authority (CA)' },
  { id: 'password', ja: 'パスワード', en: 'Password' },
]);
const linked = (text: string) => markTerms(text, forms).flatMap((s) => (s.termId ? [[s.text, s.termId]] : []));

describe('glossary term marking', () => {
  it('prefers the longest term at a position: 相互認証 over 認証, 認証局 over 認証', () => {
    expect(linked('機器とサーバの相互認証を行う')).toEqual([['相互認証', 'mutual-authentication']]);
    expect(linked('認証局が発行し、認証に使う')).toEqual([
      ['認証局', 'ca'],
      ['認証', 'authentication'],
    ]);
  });

  it('links each term at its first occurrence only, and never changes the text', () => {
    const text = 'パスワードを変更し、パスワードを保存する。<script>alert(1)</script>';
    const segments = markTerms(text, forms);
    expect(segments.map((s) => s.text).join('')).toBe(text);
    expect(segments.filter((s) => s.termId === 'password')).toHaveLength(1);
    expect(segments.at(-1)).toEqual({ text: 'を変更し、パスワードを保存する。<script>alert(1)</script>' });
  });

  it('finds the parts of parenthesised terms: SBOM, ソフトウェア部品表, CA', () => {
    expect(linked('SBOMを作成する')).toEqual([['SBOM', 'sbom']]);
    expect(linked('ソフトウェア部品表を管理する')).toEqual([['ソフトウェア部品表', 'sbom']]);
    expect(linked('Keep a software bill of materials')).toEqual([['software bill of materials', 'sbom']]);
  });

  it('matches English terms as whole words, ignoring case, with a plural ending', () => {
    expect(linked('Passwords are hashed')).toEqual([['Passwords', 'password']]);
    expect(linked('authentication of users')).toEqual([['authentication', 'authentication']]);
    // "CA" inside a word is not the term; "CAs" is.
    expect(linked('CAPTCHA and CAs')).toEqual([['CAs', 'ca']]);
    expect(linked('passwordless login')).toEqual([]);
  });

  it('leaves text alone when the item lists no terms', () => {
    expect(markTerms('認証', [])).toEqual([{ text: '認証' }]);
    expect(markTerms('', forms)).toEqual([{ text: '' }]);
  });
});

describe('glossary section headings', () => {
  it('files readings under their kana row, katakana and voiced kana included', () => {
    expect(
      ['あくようケース', 'アクセスせいぎょ', 'ガード', 'ぜいじゃくせい', 'ビーエルイー', 'ぱすわーど', 'ゆーざ', 'ロールバック', 'わ'].map(kanaSectionKey),
    ).toEqual(['あ', 'あ', 'か', 'さ', 'は', 'は', 'や', 'ら', 'わ']);
  });

  it('puts Latin terms without a reading under "latin", kanji without a reading under "other"', () => {
    expect(kanaSectionKey('SBOM（ソフトウェア部品表）')).toBe('latin');
    expect(kanaSectionKey('5G')).toBe('latin');
    expect(kanaSectionKey('鍵')).toBe('other');
    expect(alphaSectionKey('allow list')).toBe('A');
    expect(alphaSectionKey('802.1X')).toBe('other');
  });

  it('groups consecutive items and keeps their order', () => {
    const sections = groupSections(['あ1', 'あ2', 'か1', 'あ3'], (s) => s.charAt(0));
    expect(sections).toEqual([
      { key: 'あ', items: ['あ1', 'あ2'] },
      { key: 'か', items: ['か1'] },
      { key: 'あ', items: ['あ3'] },
    ]);
  });
});

describe('search highlight ranges', () => {
  const joined = (text: string, ranges: [number, number][]) => markRanges(text, ranges);

  it('marks the ranges and keeps every character exactly once', () => {
    const text = 'ユーザ認証と認証情報';
    const pieces = joined(text, [
      [3, 5],
      [6, 8],
    ]);
    expect(pieces).toEqual([
      { text: 'ユーザ', marked: false },
      { text: '認証', marked: true },
      { text: 'と', marked: false },
      { text: '認証', marked: true },
      { text: '情報', marked: false },
    ]);
  });

  it('merges overlapping and touching ranges, sorts them, and clamps or drops bad ones', () => {
    const text = 'abcdefgh';
    const pieces = joined(text, [
      [5, 7],
      [1, 3],
      [2, 4],
      [4, 5],
      [-5, 0],
      [6, 100],
      [3, 3],
      [Number.NaN, 2],
      [7, 2],
    ]);
    expect(pieces.map((p) => p.text).join('')).toBe(text);
    expect(pieces).toEqual([
      { text: 'a', marked: false },
      { text: 'bcdefgh', marked: true },
    ]);
    expect(joined('abc', [])).toEqual([{ text: 'abc', marked: false }]);
  });
});
