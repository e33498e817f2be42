import { describe, expect, it } from 'vitest';
import type { SbomReadResult } from '../../src/core/sbom/sbom.types.js';
import { readSbom } from '../../src/sbom/read-sbom.js';
import { bytes, spdxJson, spdxTagValue } from '../helpers/sbom-fixtures.js';

/**
 * tebiki's SPDX 2.3 schema (src/sbom/schemas/spdx-2.3.schema.json) covers the
 * whole JSON serialisation: a document that uses every section and field
 * validates; unknown fields and wrong shapes are refused wherever they are,
 * named by their JSON pointer (tag-value: by their line).
 */

type Obj = Record<string, unknown>;
const SHA1 = '2fd4e1c67a2d28fced849ee1bb76e7391b93eb12';
const annotation = { annotationDate: '2026-01-16T10:00:00Z', annotationType: 'REVIEW', annotator: 'Person: Aoi Sato', comment: 'checked' };

function everyField(): Obj {
  const doc = spdxJson({
    comment: 'firmware of the gateway',
    $schema: 'https://example.jp/any',
    externalDocumentRefs: [
      { externalDocumentId: 'DocumentRef-base', spdxDocument: 'https://example.jp/spdx/base', checksum: { algorithm: 'SHA1', checksumValue: SHA1 } },
    ],
    hasExtractedLicensingInfos: [
      {
        licenseId: 'LicenseRef-vendor',
        extractedText: 'vendor terms',
        name: 'Vendor licence',
        comment: 'from the box',
        seeAlsos: ['https://example.jp/licence'],
        crossRefs: [{ url: 'https://example.jp/licence', isLive: true, isValid: true, isWayBackLink: false, match: 'true', order: 0, timestamp: '2026-01-01' }],
      },
    ],
    annotations: [annotation],
    revieweds: [{ reviewDate: '2026-01-17T10:00:00Z', reviewer: 'Person: Ken Ito', comment: 'ok' }],
    files: [
      {
        SPDXID: 'SPDXRef-file1',
        fileName: './lib/lodash.js',
        fileTypes: ['SOURCE', 'TEXT'],
        checksums: [{ algorithm: 'SHA1', checksumValue: SHA1 }],
        licenseConcluded: 'MIT',
        licenseInfoInFiles: ['MIT'],
        licenseComments: 'as shipped',
        copyrightText: 'NOASSERTION',
        comment: 'bundled',
        noticeText: 'notice',
        fileContributors: ['OpenJS'],
        attributionTexts: ['lodash authors'],
        annotations: [annotation],
      },
    ],
    snippets: [
      {
        SPDXID: 'SPDXRef-snippet1',
        snippetFromFile: 'SPDXRef-file1',
        ranges: [{ startPointer: { offset: 10, reference: 'SPDXRef-file1' }, endPointer: { offset: 20, reference: 'SPDXRef-file1' } }],
        name: 'copied helper',
        licenseConcluded: 'MIT',
        licenseInfoInSnippets: ['MIT'],
        copyrightText: 'NOASSERTION',
      },
    ],
  });
  const fw = (doc.packages as Obj[])[0] as Obj;
  Object.assign(fw, {
    packageFileName: 'gateway-fw-2.1.0.bin',
    originator: 'Organization: Example Devices KK',
    filesAnalyzed: true,
    packageVerificationCode: { packageVerificationCodeValue: SHA1, packageVerificationCodeExcludedFiles: ['./spdx.json'] },
    checksums: [{ algorithm: 'SHA256', checksumValue: 'a'.repeat(64) }],
    homepage: 'https://example.jp/gateway',
    sourceInfo: 'built from tag v2.1.0',
    licenseConcluded: 'LicenseRef-vendor',
    licenseDeclared: 'LicenseRef-vendor',
    licenseInfoFromFiles: ['MIT'],
    licenseComments: 'none',
    copyrightText: '2026 Example Devices KK',
    summary: 'gateway firmware',
    description: 'firmware image of the gateway',
    comment: 'release build',
    attributionTexts: ['Example Devices KK'],
    hasFiles: ['SPDXRef-file1'],
    primaryPackagePurpose: 'FIRMWARE',
    releaseDate: '2026-01-15T00:00:00Z',
    builtDate: '2026-01-14T00:00:00Z',
    validUntilDate: '2031-01-15T00:00:00Z',
    annotations: [annotation],
  });
  (doc.relationships as Obj[]).push({
    spdxElementId: 'SPDXRef-fw',
    relationshipType: 'CONTAINS',
    relatedSpdxElement: 'SPDXRef-file1',
    comment: 'in the image',
  });
  return doc;
}

function places(result: SbomReadResult): string[] {
  if (result.ok) throw new Error('expected the SBOM to be refused');
  return result.problems.map((p) => `${p.place}: ${p.message}`);
}

describe('SPDX 2.3 schema', () => {
  it('a document using every section and field of SPDX 2.3 validates and reads its packages', () => {
    const read = readSbom(bytes(everyField()));
    if (!read.ok) throw new Error(JSON.stringify(read.problems));
    expect(read.document.components.map((c) => c.name)).toEqual(['gateway-fw', 'lodash', 'busybox']);
  });

  const broken: [string, (doc: Obj) => void, RegExp][] = [
    ['an unknown document field', (d) => Object.assign(d, { sbomTool: 'x' }), /^\/: must NOT have additional properties "sbomTool"/],
    ['a file without checksums', (d) => delete ((d.files as Obj[])[0] as Obj).checksums, /^\/files\/0: must have required property 'checksums'/],
    [
      'an unknown file type',
      (d) => Object.assign((d.files as Obj[])[0] as Obj, { fileTypes: ['PICTURE'] }),
      /^\/files\/0\/fileTypes\/0: must be equal to one of the allowed values/,
    ],
    ['a snippet without ranges', (d) => delete ((d.snippets as Obj[])[0] as Obj).ranges, /^\/snippets\/0: must have required property 'ranges'/],
    [
      'a snippet offset of zero',
      (d) => (((((d.snippets as Obj[])[0] as Obj).ranges as Obj[])[0] as { startPointer: Obj }).startPointer.offset = 0),
      /^\/snippets\/0\/ranges\/0\/startPointer\/offset: must be >= 1/,
    ],
    [
      'an annotation of an unknown type',
      (d) => Object.assign((d.annotations as Obj[])[0] as Obj, { annotationType: 'NOTE' }),
      /^\/annotations\/0\/annotationType: must be equal to one of the allowed values/,
    ],
    [
      'a package verification code that is not SHA-1',
      (d) => Object.assign((d.packages as Obj[])[0] as Obj, { packageVerificationCode: { packageVerificationCodeValue: 'abc' } }),
      /^\/packages\/0\/packageVerificationCode\/packageVerificationCodeValue: must match pattern/,
    ],
    [
      'an unknown package field',
      (d) => Object.assign((d.packages as Obj[])[1] as Obj, { licence: 'MIT' }),
      /^\/packages\/1: must NOT have additional properties "licence"/,
    ],
    [
      'a release date that is not a date',
      (d) => Object.assign((d.packages as Obj[])[0] as Obj, { releaseDate: 'last spring' }),
      /^\/packages\/0\/releaseDate: must match format "date-time"/,
    ],
    [
      'an extracted licence id without LicenseRef-',
      (d) => Object.assign((d.hasExtractedLicensingInfos as Obj[])[0] as Obj, { licenseId: 'vendor' }),
      /^\/hasExtractedLicensingInfos\/0\/licenseId: must match pattern/,
    ],
    [
      'an external document id without DocumentRef-',
      (d) => Object.assign((d.externalDocumentRefs as Obj[])[0] as Obj, { externalDocumentId: 'base' }),
      /^\/externalDocumentRefs\/0\/externalDocumentId: must match pattern/,
    ],
    ['a namespace with a fragment', (d) => Object.assign(d, { documentNamespace: 'https://example.jp/spdx#x' }), /^\/documentNamespace: must match pattern/],
  ];
  for (const [what, mutate, expected] of broken) {
    it(`refuses ${what}, naming the place`, () => {
      const doc = everyField();
      mutate(doc);
      expect(places(readSbom(bytes(doc)))).toContainEqual(expect.stringMatching(expected));
    });
  }

  it('tag-value files, snippets and licences are checked by the same schema, named by line', () => {
    const tv = spdxTagValue().replace(/^FileChecksum: .*\n/m, '');
    expect(places(readSbom(bytes(tv)))).toContainEqual(expect.stringMatching(/^line \d+ \(\/files\/0\): must have required property 'checksums'/));
    const snippet = `${spdxTagValue()}\nSnippetSPDXID: SPDXRef-snippet1\nSnippetFromFileSPDXID: SPDXRef-file1\nSnippetByteRange: 0:20\n`;
    expect(places(readSbom(bytes(snippet)))).toContainEqual(
      expect.stringMatching(/^line \d+ \(\/snippets\/0\/ranges\/0\/startPointer\/offset\): must be >= 1/),
    );
    const licence = `${spdxTagValue()}\nLicenseID: LicenseRef-vendor\nLicenseName: Vendor licence\n`;
    expect(places(readSbom(bytes(licence)))).toContainEqual(
      expect.stringMatching(/^line \d+ \(\/hasExtractedLicensingInfos\/0\): must have required property 'extractedText'/),
    );
    const fine = `${spdxTagValue()}\nLicenseID: LicenseRef-vendor\nExtractedText: <text>vendor\nterms</text>\n`;
    expect(readSbom(bytes(fine)).ok).toBe(true);
  });
});
