import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SBOM_MAX_BYTES, type SbomReadResult } from '../../src/core/sbom/sbom.types.js';
import { readSbom } from '../../src/sbom/read-sbom.js';
import { bytes, cyclonedxJson, cyclonedxXml, spdxJson, spdxTagValue } from '../helpers/sbom-fixtures.js';
import { checkPrototypesAfterEach, hostileValue, mutatedBytes, mutatedJson, mutatedText, RUNS, xmlNoise } from './hostile-arbitraries.js';

checkPrototypesAfterEach();

/**
 * SBOMs from outside (CycloneDX JSON and XML, SPDX JSON and tag-value), each
 * started valid and then damaged: readSbom never throws and refuses with
 * problems that each name a place (a JSON pointer, an XML path, a line).
 */
function expectPlaced(read: () => SbomReadResult) {
  const result = read();
  if (result.ok) return;
  expect(result.problems.length).toBeGreaterThan(0);
  for (const p of result.problems) {
    expect(p.place, JSON.stringify(p)).toMatch(/^(\/|line \d+|the file$|the document)/);
    expect(p.message.length).toBeGreaterThan(0);
  }
}

const samples = {
  'CycloneDX 1.6 JSON': cyclonedxJson('1.6'),
  'CycloneDX 1.2 JSON': cyclonedxJson('1.2'),
  'SPDX 2.3 JSON': spdxJson(),
};

describe('SBOM readers with hostile documents', () => {
  it('the unmutated samples are read', () => {
    for (const doc of [...Object.values(samples).map((d) => bytes(d)), bytes(cyclonedxXml('1.5')), bytes(spdxTagValue())]) {
      const r = readSbom(doc);
      expect(r.ok, JSON.stringify(r.ok ? '' : r.problems)).toBe(true);
    }
  });

  for (const [name, doc] of Object.entries(samples)) {
    it(`${name}: values replaced by hostile ones`, () => {
      fc.assert(
        fc.property(mutatedJson(doc), (value) => expectPlaced(() => readSbom(bytes(JSON.stringify(value) ?? 'null')))),
        { numRuns: RUNS * 2 },
      );
    });
  }

  it('CycloneDX XML: cut, spliced and garbled', () => {
    fc.assert(
      fc.property(mutatedText(cyclonedxXml('1.5'), xmlNoise), (text) => expectPlaced(() => readSbom(bytes(text)))),
      { numRuns: RUNS * 3 },
    );
  });

  it('SPDX tag-value: cut, spliced and garbled (odd tags, colons, <text> blocks)', () => {
    const noise = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 20 }),
      fc.constantFrom('\n', ':', '<text>', '</text>', '\nPackageName:', '\nSPDXID: SPDXRef-', '\nRelationship: a b c', '\nFileName:', 'NOASSERTION', '\r\n'),
    );
    fc.assert(
      fc.property(mutatedText(spdxTagValue(), noise), (text) => expectPlaced(() => readSbom(bytes(text)))),
      { numRuns: RUNS * 3 },
    );
  });

  it('JSON text: cut, spliced and garbled', () => {
    fc.assert(
      fc.property(mutatedText(JSON.stringify(cyclonedxJson('1.5'), null, 1)), (text) => expectPlaced(() => readSbom(bytes(text)))),
      { numRuns: RUNS * 2 },
    );
  });

  it('any bytes, and JSON documents of any shape', () => {
    const any = fc.oneof(
      fc.uint8Array({ maxLength: 2000 }),
      mutatedBytes(Buffer.from(bytes(cyclonedxXml('1.4')))),
      hostileValue.map((v) => bytes(JSON.stringify({ bomFormat: 'CycloneDX', specVersion: '1.5', components: v }))),
      hostileValue.map((v) => bytes(JSON.stringify({ spdxVersion: 'SPDX-2.3', packages: v }))),
    );
    fc.assert(
      fc.property(any, (data) => expectPlaced(() => readSbom(data))),
      { numRuns: RUNS * 3 },
    );
  });

  it('a file over the size limit is refused before it is parsed', () => {
    const big = new Uint8Array(SBOM_MAX_BYTES + 1).fill(0x20);
    big[0] = 0x7b;
    const r = readSbom(big);
    expect(r).toEqual({
      ok: false,
      problems: [
        {
          place: 'the file',
          at: { kind: 'file' },
          message: expect.stringMatching(/SBOMs up to 52428800 bytes/),
          code: 'file-too-large',
          params: expect.anything(),
        },
      ],
    });
  });
});

describe('XML entity expansion is refused by the CycloneDX XML reader', () => {
  const entities = (decl: string, use: string) =>
    cyclonedxXml('1.5')
      .replace('<bom ', `<!DOCTYPE bom [\n${decl}\n]>\n<bom `)
      .replace(/<name>[^<]*<\/name>/, `<name>${use}</name>`);
  const laughs = entities(
    ['<!ENTITY a "aaaaaaaaaa">', ...Array.from({ length: 9 }, (_, i) => `<!ENTITY a${i + 1} "${`&a${i || ''};`.repeat(10)}">`)].join('\n'),
    '&a9;',
  );
  const external = entities('<!ENTITY xxe SYSTEM "file:///etc/passwd">', '&xxe;');
  const remoteDtd = cyclonedxXml('1.5').replace('<bom ', '<!DOCTYPE bom SYSTEM "http://127.0.0.1:9/bom.dtd">\n<bom ');

  for (const [name, xml] of [
    ['billion laughs', laughs],
    ['an external entity (XXE)', external],
    ['an external DTD', remoteDtd],
  ] as const) {
    it(`${name}: refused at the DOCTYPE's line`, () => {
      const line = xml.slice(0, xml.indexOf('<!DOCTYPE')).split('\n').length;
      expect(readSbom(bytes(xml))).toEqual({
        ok: false,
        problems: [
          {
            place: `line ${line}, column 1`,
            at: { kind: 'line', line, column: 1 },
            message: expect.stringMatching(/DOCTYPE\) is refused/),
            code: 'doctype-refused',
            params: { line, column: 1 },
          },
        ],
      });
    });
  }
});
