import { describe, expect, it } from 'vitest';
import { sbomQuality } from '../../src/core/sbom/sbom-quality.js';
import type { SbomReadResult } from '../../src/core/sbom/sbom.types.js';
import { readSbom } from '../../src/sbom/read-sbom.js';
import { bytes, cyclonedxJson, cyclonedxXml, spdxJson, spdxTagValue } from '../helpers/sbom-fixtures.js';

function ok(result: SbomReadResult) {
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.document;
}
function problems(result: SbomReadResult) {
  if (result.ok) throw new Error('expected the SBOM to be refused');
  return result.problems;
}

describe('reading SBOMs into one model', () => {
  for (const version of ['1.2', '1.3', '1.4', '1.5', '1.6']) {
    it(`CycloneDX JSON ${version}: validated, nested components flattened, hardware kept`, () => {
      const doc = ok(readSbom(bytes(cyclonedxJson(version))));
      expect(doc).toMatchObject({ format: 'CycloneDX', specVersion: version, encoding: 'json' });
      expect(doc.components.map((c) => c.ref)).toEqual(['lodash', 'inner', 'openssl', 'soc']);
      expect(doc.components[1]).toMatchObject({ name: 'inner-part', parent: 'lodash' });
      expect(doc.components[0]).toMatchObject({ supplier: 'OpenJS', licences: ['MIT'], hashes: [{ alg: 'SHA-256' }], dependsOn: ['inner'] });
      expect(doc.components[3]).toMatchObject({ hardware: true, name: 'SoC X100' });
    });
  }
  it('CycloneDX XML reads into the same model', () => {
    const doc = ok(readSbom(bytes(cyclonedxXml('1.4'))));
    expect(doc).toMatchObject({
      format: 'CycloneDX',
      specVersion: '1.4',
      encoding: 'xml',
      tools: ['Example sbom-maker 1.0'],
      creators: ['Example Devices KK'],
    });
    expect(doc.components.map((c) => [c.ref, c.parent, c.hardware])).toEqual([
      ['lodash', null, false],
      ['inner', 'lodash', false],
      ['soc', null, true],
    ]);
    expect(doc.components[0]).toMatchObject({ purl: 'pkg:npm/lodash@4.17.20', hashes: [{ alg: 'SHA-256' }], licences: ['MIT'], dependsOn: ['inner'] });
  });
  it('SPDX JSON and tag-value read into the same model', () => {
    const json = ok(readSbom(bytes(spdxJson())));
    const tv = ok(readSbom(bytes(spdxTagValue())));
    for (const doc of [json, tv]) {
      expect(doc).toMatchObject({
        format: 'SPDX',
        specVersion: '2.3',
        creators: ['Example Devices KK'],
        tools: ['sbom-maker-1.0'],
        subject: { name: 'gateway-fw' },
      });
      expect(doc.components.find((c) => c.name === 'lodash')).toMatchObject({
        purl: 'pkg:npm/lodash@4.17.20',
        supplier: 'OpenJS',
        hashes: [{ alg: 'SHA-256' }],
        licences: ['MIT'],
      });
      expect(doc.components.find((c) => c.name === 'gateway-fw')?.dependsOn).toContain('SPDXRef-lodash');
    }
    expect(json.components.find((c) => c.name === 'busybox')?.purl).toContain('pkg:apk/alpine/busybox');
    expect(tv.encoding).toBe('tag-value');
  });
});

describe('component identifiers', () => {
  const CPE = 'cpe:2.3:a:openssl:openssl:3.0.11:*:*:*:*:*:*:*';
  it('a CPE is listed beside the purl from CycloneDX JSON, CycloneDX XML, SPDX JSON and SPDX tag-value', () => {
    const json = cyclonedxJson('1.6');
    Object.assign((json.components as Record<string, unknown>[])[1] as object, { cpe: CPE });
    const xml = cyclonedxXml(
      '1.6',
      `<component type="library" bom-ref="openssl"><name>openssl</name><version>3.0.11</version><cpe>${CPE}</cpe><purl>pkg:generic/openssl@3.0.11</purl></component>`,
    ).replace(/<dependencies>[\s\S]*<\/dependencies>/, '');
    const spdx = spdxJson();
    ((spdx.packages as Record<string, unknown>[])[2] as { externalRefs: object[] }).externalRefs.push({
      referenceCategory: 'SECURITY',
      referenceType: 'cpe23Type',
      referenceLocator: CPE,
    });
    const tv = spdxTagValue(`ExternalRef: SECURITY cpe23Type ${CPE}`);
    const found = [json, xml, spdx, tv].map((doc) => ok(readSbom(bytes(doc))).components.find((c) => c.cpe === CPE));
    expect(found.map((c) => c?.name)).toEqual(['openssl', 'openssl', 'busybox', 'lodash']);
    expect(found.map((c) => c?.purl)).toEqual([
      'pkg:deb/debian/openssl@3.0.11-1~deb12u1?distro=debian-12',
      'pkg:generic/openssl@3.0.11',
      'pkg:apk/alpine/busybox@1.36.1-r4?distro=alpine-3.19',
      'pkg:npm/lodash@4.17.20',
    ]);
  });
  it('a CPE alone is a unique identifier for the quality check', () => {
    const bom = cyclonedxJson('1.6');
    const openssl = (bom.components as Record<string, unknown>[])[1] as Record<string, unknown>;
    delete openssl.purl;
    openssl.cpe = CPE;
    const entry = sbomQuality(ok(readSbom(bytes(bom)))).entries.find((e) => e.component === 'openssl');
    expect(entry?.missing).not.toContain('unique-identifier');
    delete openssl.cpe;
    expect(sbomQuality(ok(readSbom(bytes(bom)))).entries.find((e) => e.component === 'openssl')?.missing).toContain('unique-identifier');
  });
});

describe('bad SBOMs are refused with the place, and nothing is returned', () => {
  it('malformed JSON names line and column', () => {
    const p = problems(readSbom(bytes('{\n  "bomFormat": "CycloneDX",\n  "specVersion": "1.5",\n  oops\n}')));
    expect(p[0]?.place).toMatch(/^line 4, column \d+$/);
  });
  it('truncated JSON says it ends too early', () => {
    const text = JSON.stringify(cyclonedxJson('1.5'), null, 2);
    const p = problems(readSbom(bytes(text.slice(0, text.length / 2))));
    expect(p[0]?.message).toMatch(/ends too early/);
  });
  it('oversized files are refused before parsing', () => {
    const p = problems(readSbom(new Uint8Array(50 * 1024 * 1024 + 1)));
    expect(p[0]).toMatchObject({ place: 'the file', message: expect.stringContaining('50 MiB') });
  });
  it('wrong formats, versions, encodings and empty files', () => {
    expect(problems(readSbom(bytes({ hello: 'world' })))[0]?.message).toMatch(/neither CycloneDX/);
    expect(problems(readSbom(bytes('name,version\nlodash,1\n')))[0]?.message).toMatch(/not an SBOM/);
    expect(problems(readSbom(bytes(cyclonedxJson('1.1'))))[0]).toMatchObject({ place: '/specVersion' });
    expect(problems(readSbom(new Uint8Array([0xff, 0xfe, 0x00]))).at(0)?.message).toMatch(/UTF-8/);
    expect(problems(readSbom(new Uint8Array())).at(0)?.message).toMatch(/empty/);
    expect(problems(readSbom(bytes('<html><body/></html>')))[0]?.message).toMatch(/not a CycloneDX document/);
  });
  it('schema violations in CycloneDX JSON name the JSON pointer', () => {
    const bom = cyclonedxJson('1.6');
    (bom.components as Record<string, unknown>[])[0] = { type: 'librari', name: 'x' };
    expect(problems(readSbom(bytes(bom))).map((p) => p.place)).toContain('/components/0/type');
  });
  it('model rules: unknown dependency refs, duplicate refs, bad purls, wrong hash lengths', () => {
    const bom = cyclonedxJson('1.5', { dependencies: [{ ref: 'lodash', dependsOn: ['ghost'] }] });
    expect(problems(readSbom(bytes(bom)))[0]).toMatchObject({ place: '/components/0 (dependencies)', message: expect.stringContaining('ghost') });
    const dup = cyclonedxJson('1.5');
    (dup.components as Record<string, unknown>[]).push({ type: 'library', 'bom-ref': 'lodash', name: 'again' });
    expect(problems(readSbom(bytes(dup))).some((p) => /more than one/.test(p.message))).toBe(true);
    const purl = spdxJson();
    ((purl.packages as Record<string, unknown>[])[2] as { externalRefs: { referenceLocator: string }[] }).externalRefs[0] = {
      referenceLocator: 'pkg:',
      referenceCategory: 'PACKAGE-MANAGER',
      referenceType: 'purl',
    } as never;
    expect(problems(readSbom(bytes(purl)))[0]?.place).toBe('/packages/2 (purl)');
  });
  it('CycloneDX XML: not well-formed names line and column; the schema rules apply to its elements', () => {
    expect(problems(readSbom(bytes(cyclonedxXml('1.5').replace('</metadata>', ''))))[0]?.place).toMatch(/^line \d+, column \d+$/);
    const badHash = cyclonedxXml('1.5', '<component type="library" bom-ref="x"><name>x</name><hashes><hash alg="SHA-256">zz</hash></hashes></component>');
    expect(problems(readSbom(bytes(badHash)))[0]?.place).toBe('/bom/components/component[1]/hashes/hash[1]/content');
  });
  it('SPDX tag-value problems name their line', () => {
    expect(problems(readSbom(bytes(spdxTagValue('PackageChecksum: SHA999: abc')))).at(0)?.place).toMatch(/^line 26 \(\/packages\/1\/checksums\/1/);
    expect(problems(readSbom(bytes(`${spdxTagValue()}this line has no tag\n`)))[0]?.place).toMatch(/^line \d+$/);
    expect(problems(readSbom(bytes(spdxTagValue().replace('Created: 2026-01-15T09:00:00Z\n', ''))))[0]?.message).toMatch(/created/);
  });
});

describe('quality (NTIA minimum elements, BSI TR-03183-2)', () => {
  it('reports what each software component and the document miss; hardware is not judged', () => {
    const q = sbomQuality(ok(readSbom(bytes(cyclonedxJson('1.2')))));
    expect(q.entries[0]).toEqual({ missing: ['creator'] });
    expect(q.entries.slice(1)).toEqual([
      { component: 'pkg:npm/inner-part@1.0.0', missing: ['supplier', 'hash', 'licence'] },
      { component: 'pkg:deb/debian/openssl@3.0.11-1~deb12u1?distro=debian-12', missing: ['supplier', 'hash', 'licence'] },
    ]);
    expect(q).toMatchObject({ judged: 3, incomplete: 2 });
  });
  it('the document: a missing creator, timestamp and document identifier are each named', () => {
    const bom = cyclonedxJson('1.6');
    delete bom.serialNumber;
    const metadata = bom.metadata as Record<string, unknown>;
    delete metadata.timestamp;
    delete metadata.authors;
    expect(sbomQuality(ok(readSbom(bytes(bom)))).entries[0]).toEqual({ missing: ['creator', 'timestamp', 'document-identifier'] });
  });
  it('SPDX: a package in no relationship misses its dependency relations; an MD5 is not a hash that counts', () => {
    const doc = spdxJson();
    (doc.packages as Record<string, unknown>[]).push({
      SPDXID: 'SPDXRef-lonely',
      name: 'lonely',
      downloadLocation: 'NOASSERTION',
      checksums: [{ algorithm: 'MD5', checksumValue: 'b'.repeat(32) }],
    });
    const q = sbomQuality(ok(readSbom(bytes(doc))));
    expect(q.entries[0]).toEqual({ missing: [] });
    expect(q.entries.at(-1)).toEqual({ component: 'lonely', missing: ['supplier', 'version', 'unique-identifier', 'hash', 'licence', 'dependencies'] });
  });
});
