import { describe, expect, it } from 'vitest';
import { DOCUMENT_PROBLEM_CATALOG, FIELD_ERROR_PARAMS } from '../../src/core/document-problems.js';
import type { FieldError } from '../../src/core/errors.js';
import { placeWords, type TextPlace } from '../../src/core/text-place.js';
import { fieldErrorText, problemPlaceText } from '../../web/src/i18n/field-error-text.js';
import { messages } from '../../web/src/i18n/messages.js';

/**
 * Issue 13: a listed problem of an uploaded document is said in the UI's
 * language from its code and params, with the bad value in it; never the
 * server's English sentence in Japanese, even for a code the UI does not know.
 */
const ja = messages.ja;
const en = messages.en;
const verdict: FieldError = {
  path: 'チェックシート!G7',
  message: 'row 7, column G (判定): "合格" is not a verdict; use one of 適合, 一部適合',
  code: 'not-a-verdict',
  params: { value: '合格', allowed: ['適合', '一部適合'] },
};

describe('fieldErrorText for document problems', () => {
  it('makes the sentence from code and params, in Japanese and in English', () => {
    expect(fieldErrorText(ja, verdict)).toBe('「合格」は判定ではありません。適合、一部適合のいずれかを入力してください。');
    expect(fieldErrorText(en, verdict)).toBe('"合格" is not a verdict. Use one of 適合, 一部適合.');
    const mismatch: FieldError = { path: '03.01.01', message: 'x', code: 'not-in-standard', params: { id: '03.01.01', standard: 'nist-sp-800-171r2' } };
    expect(fieldErrorText(ja, mismatch)).toBe('カタログの要件 03.01.01 は nist-sp-800-171r2 にありません。');
    const other: FieldError = { path: '3.1.1', message: 'x', code: 'not-in-catalog', params: { id: '3.1.1', standard: 'nist-sp-800-171r2' } };
    expect(fieldErrorText(ja, other)).toBe('nist-sp-800-171r2 の要件 3.1.1 がカタログにありません。');
    expect(fieldErrorText(ja, { path: 'the file', message: 'x', code: 'file-too-large', params: { bytes: 52428801, limit: 52428800 } })).toBe(
      'ファイルが大きすぎます（50.1 MiB）。50 MiBまで受け付けます。',
    );
    expect(fieldErrorText(ja, { path: '/components/0/name', message: 'must be string', code: 'wrong-type', params: { expected: 'string' } })).toBe(
      '値の種類が正しくありません（文字列であるべきです）。',
    );
  });

  it('falls back to the plain sentence of the code when a param is missing or not a value', () => {
    expect(fieldErrorText(ja, { ...verdict, params: { value: '合格' } })).toBe(ja.fieldErrors['not-a-verdict']);
    expect(fieldErrorText(ja, { ...verdict, params: { value: '合格', allowed: [{}] as unknown as string[] } })).toBe(ja.fieldErrors['not-a-verdict']);
    expect(fieldErrorText(ja, { ...verdict, params: undefined })).toBe(ja.fieldErrors['not-a-verdict']);
  });

  it('says an unknown code in the generic Japanese sentence, never the English message', () => {
    const unknown: FieldError = { path: 'x', message: 'something new went wrong', code: 'from-a-newer-server', params: { value: 'v' } };
    expect(fieldErrorText(ja, unknown)).toBe(ja.fieldErrors.invalid);
    expect(fieldErrorText(en, unknown)).toBe('something new went wrong');
  });

  it('has a sentence for every document code, and one from params for every code that declares some', () => {
    for (const code of Object.keys(DOCUMENT_PROBLEM_CATALOG)) expect(ja.fieldErrors[code as keyof typeof ja.fieldErrors], code).toMatch(/[ぁ-んァ-ン一-龥]/);
    for (const [code, names] of Object.entries(FIELD_ERROR_PARAMS)) {
      const params = Object.fromEntries(names.map((n) => [n, `〈${n}〉`]));
      const text = fieldErrorText(ja, { path: 'p', message: 'English', code, params });
      // Sizes are shown in MiB, not as given; a header found blank or not is said either way.
      if (code === 'file-too-large') expect(text).toMatch(/MiB/);
      else for (const n of names) if (!(code === 'wrong-header' && n === 'found')) expect(text, `${code} ${n}`).toContain(`〈${n}〉`);
    }
  });

  it('says the places the server sends as data the UI’s way, and leaves cells, ids and pointers as they are', () => {
    const at = (place: TextPlace) => ({ path: placeWords(place), at: place });
    expect(problemPlaceText(ja, at({ kind: 'file' }))).toBe('ファイル');
    expect(problemPlaceText(ja, at({ kind: 'line', line: 1, column: 56 }))).toBe('1行 56列');
    expect(problemPlaceText(ja, at({ kind: 'line', line: 26, pointer: '/packages/1/checksums/1' }))).toBe('26行目（/packages/1/checksums/1）');
    expect(problemPlaceText(ja, at({ kind: 'line', line: 3 }))).toBe('3行目');
    expect(problemPlaceText(ja, at({ kind: 'document', missing: '/creationInfo' }))).toBe('文書（/creationInfo がありません）');
    // A part of a component, after any place: a pointer, a line, a pointer no line holds.
    expect(problemPlaceText(ja, at({ kind: 'pointer', pointer: '/components/0', part: { field: 'purl' } }))).toBe('/components/0のpurl');
    expect(problemPlaceText(ja, at({ kind: 'line', line: 26, pointer: '/packages/1', part: { hash: 'SHA256' } }))).toBe(
      '26行目（/packages/1）のSHA256 ハッシュ',
    );
    expect(problemPlaceText(ja, at({ kind: 'document', missing: '/packages/3', part: { field: 'dependencies' } }))).toBe(
      '文書（/packages/3 がありません）の依存関係',
    );
    for (const kept of ['チェックシート!G7', '03.01.01', '/specVersion', 'broken.json:3:17']) expect(problemPlaceText(ja, { path: kept })).toBe(kept);
    // In English the words are the server's own.
    for (const place of [
      { kind: 'line', line: 1, column: 56 },
      { kind: 'file' },
      { kind: 'line', line: 26, pointer: '/packages/1', part: { hash: 'SHA256' } },
      { kind: 'document', missing: '/packages/3', part: { field: 'dependencies' } },
      { kind: 'pointer', pointer: '/components/0', part: { field: 'purl' } },
    ] satisfies TextPlace[])
      expect(problemPlaceText(en, at(place))).toBe(placeWords(place));
  });
});
