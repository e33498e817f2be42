import { describe, expect, it } from 'vitest';
import type { SbomReadResult } from '../../src/core/sbom/sbom.types.js';
import { readSbom } from '../../src/sbom/read-sbom.js';
import { bytes, cyclonedxJson, cyclonedxXml, spdxJson, spdxTagValue } from '../helpers/sbom-fixtures.js';

/**
 * Issue 13: each kind of SBOM problem carries its own code and the params the
 * UI says it with (the line, the bad value, the allowed ones, the missing
 * field), so no UI needs the reader's English sentence. Schema violations are
 * mapped from ajv's keyword and params to the field-error codes of every form.
 */
function first(result: SbomReadResult) {
  if (result.ok) throw new Error('expected the SBOM to be refused');
  return result.problems[0];
}
function all(result: SbomReadResult) {
  if (result.ok) throw new Error('expected the SBOM to be refused');
  return result.problems;
}

describe('SBOM problems carry a code and params', () => {
  it('files that are not SBOMs, or not readable', () => {
    expect(first(readSbom(new Uint8Array()))).toMatchObject({ code: 'empty-file' });
    expect(first(readSbom(new Uint8Array(50 * 1024 * 1024 + 1)))).toMatchObject({
      code: 'file-too-large',
      params: { bytes: 50 * 1024 * 1024 + 1, limit: 50 * 1024 * 1024 },
    });
    expect(first(readSbom(new Uint8Array([0xff, 0xfe, 0x00])))).toMatchObject({ code: 'not-utf8' });
    expect(first(readSbom(bytes('{\n  "bomFormat": "CycloneDX",\n  oops\n}')))).toMatchObject({ code: 'not-json', params: { line: 3, column: 3 } });
    expect(first(readSbom(bytes('{"bomFormat": "CycloneDX", "compo')))).toMatchObject({ code: 'json-truncated', params: { line: 1 } });
    expect(first(readSbom(bytes({ hello: 'world' })))).toMatchObject({ code: 'not-sbom' });
    expect(first(readSbom(bytes('name,version\nlodash,1\n')))).toMatchObject({ code: 'not-sbom' });
    expect(first(readSbom(bytes({ '@context': 'https://spdx.org/rdf/3.0.0/spdx-context.jsonld' })))).toMatchObject({ code: 'spdx3-unsupported' });
  });

  it('an unread spec version names it and the versions read', () => {
    expect(first(readSbom(bytes(cyclonedxJson('1.1'))))).toEqual({
      place: '/specVersion',
      message: expect.stringContaining('not "1.1"'),
      code: 'unsupported-version',
      params: { value: '"1.1"', supported: ['1.2', '1.3', '1.4', '1.5', '1.6'] },
    });
    const xml = cyclonedxXml('1.5').replace('schema/bom/1.5', 'schema/bom/1.1');
    expect(first(readSbom(bytes(xml)))).toMatchObject({ code: 'unsupported-version', params: { value: '1.1' } });
  });

  it('XML: not well-formed with its line and column, a DOCTYPE refused, a root that is not <bom>', () => {
    expect(first(readSbom(bytes(cyclonedxXml('1.5').replace('</metadata>', ''))))).toMatchObject({
      code: 'not-xml',
      params: { line: expect.any(Number), column: expect.any(Number) },
    });
    expect(first(readSbom(bytes(`<?xml version="1.0"?>\n<!DOCTYPE bom [<!ENTITY x "y">]>\n<bom/>`)))).toMatchObject({
      code: 'doctype-refused',
      params: { line: 2, column: 1 },
    });
    expect(first(readSbom(bytes('<html><body/></html>')))).toMatchObject({ code: 'not-cyclonedx-xml' });
  });

  it('schema violations: ajv keywords become the codes of every form, with the allowed values or the missing field', () => {
    const bom = cyclonedxJson('1.6');
    (bom.components as Record<string, unknown>[])[0] = { type: 'librari', name: 'x' };
    const problems = all(readSbom(bytes(bom)));
    const type = problems.find((p) => p.place === '/components/0/type' && p.code === 'not-allowed');
    expect(type?.params?.allowed).toEqual(expect.arrayContaining(['application', 'library', 'firmware']));

    const nameless = cyclonedxJson('1.6');
    (nameless.components as Record<string, unknown>[])[0] = { type: 'library' };
    expect(all(readSbom(bytes(nameless)))).toContainEqual(expect.objectContaining({ place: '/components/0', code: 'required', params: { field: 'name' } }));

    const typed = cyclonedxJson('1.6');
    (typed.components as Record<string, unknown>[])[0] = { type: 'library', name: 42 };
    expect(all(readSbom(bytes(typed)))).toContainEqual(
      expect.objectContaining({ place: '/components/0/name', code: 'wrong-type', params: { expected: 'string' } }),
    );

    const spdx = spdxJson({ unexpected: true });
    expect(all(readSbom(bytes(spdx)))).toContainEqual(expect.objectContaining({ code: 'unknown-field', params: { field: 'unexpected' } }));
  });

  it('model rules: undefined and duplicate refs, bad purls, hash lengths', () => {
    const ghost = cyclonedxJson('1.5', { dependencies: [{ ref: 'lodash', dependsOn: ['ghost'] }] });
    expect(first(readSbom(bytes(ghost)))).toMatchObject({ code: 'undefined-ref', params: { ref: 'ghost' } });
    const dup = cyclonedxJson('1.5');
    (dup.components as Record<string, unknown>[]).push({ type: 'library', 'bom-ref': 'lodash', name: 'again' });
    expect(all(readSbom(bytes(dup)))).toContainEqual(expect.objectContaining({ code: 'duplicate-ref', params: { ref: 'lodash' } }));
    const purl = cyclonedxJson('1.5');
    (purl.components as Record<string, unknown>[]).push({ type: 'library', 'bom-ref': 'p', name: 'p', purl: 'pkg:' });
    expect(all(readSbom(bytes(purl)))).toContainEqual(
      expect.objectContaining({ place: expect.stringContaining('(purl)'), code: 'not-purl', params: { value: 'pkg:' } }),
    );
    const hash = cyclonedxJson('1.5');
    (hash.components as Record<string, unknown>[]).push({ type: 'library', 'bom-ref': 'h', name: 'h', hashes: [{ alg: 'SHA-256', content: 'ab'.repeat(20) }] });
    expect(all(readSbom(bytes(hash)))).toContainEqual(expect.objectContaining({ code: 'wrong-hash-length', params: { alg: 'SHA-256', digits: 64 } }));
  });

  it('SPDX tag-value: a line without a tag and an unclosed <text> name their line', () => {
    const text = `${spdxTagValue()}this line has no tag\n`;
    const line = text.split('\n').indexOf('this line has no tag') + 1;
    expect(first(readSbom(bytes(text)))).toMatchObject({ code: 'not-tag-value', params: { line } });
    expect(first(readSbom(bytes(`${spdxTagValue()}PackageComment: <text>never closed\n`)))).toMatchObject({ code: 'unclosed-text' });
  });
});
