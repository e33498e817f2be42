/** SBOM documents written for the tests: the same small product in every format tebiki reads. */
const SHA256 = 'a'.repeat(64);

export function cyclonedxJson(specVersion = '1.5', extra: Record<string, unknown> = {}): Record<string, unknown> {
  const metadata: Record<string, unknown> = {
    timestamp: '2026-01-15T09:00:00Z',
    component: { type: 'firmware', 'bom-ref': 'product', name: 'gateway-fw', version: '2.1.0' },
  };
  if (specVersion >= '1.3') metadata.authors = [{ name: 'Example Devices KK', email: 'psirt@example.jp' }];
  const components = [
    {
      type: 'library',
      'bom-ref': 'lodash',
      supplier: { name: 'OpenJS' },
      name: 'lodash',
      version: '4.17.20',
      purl: 'pkg:npm/lodash@4.17.20',
      hashes: [{ alg: 'SHA-256', content: SHA256 }],
      licenses: [{ license: { id: 'MIT' } }],
      components: [{ type: 'library', 'bom-ref': 'inner', name: 'inner-part', version: '1.0.0', purl: 'pkg:npm/inner-part@1.0.0' }],
    },
    { type: 'library', 'bom-ref': 'openssl', name: 'openssl', version: '3.0.11-1~deb12u1', purl: 'pkg:deb/debian/openssl@3.0.11-1~deb12u1?distro=debian-12' },
    { type: 'device', 'bom-ref': 'soc', name: 'SoC X100', version: 'rev B' },
  ];
  return {
    bomFormat: 'CycloneDX',
    specVersion,
    serialNumber: 'urn:uuid:3e671687-395b-41f5-a30f-a58921a69b79',
    version: 1,
    metadata,
    components,
    dependencies: [{ ref: 'product', dependsOn: ['lodash', 'openssl'] }, { ref: 'lodash', dependsOn: ['inner'] }, { ref: 'openssl' }],
    ...extra,
  };
}

export function cyclonedxXml(version = '1.5', body?: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<bom xmlns="http://cyclonedx.org/schema/bom/${version}" serialNumber="urn:uuid:3e671687-395b-41f5-a30f-a58921a69b79" version="1">
  <metadata>
    <timestamp>2026-01-15T09:00:00Z</timestamp>
    <tools><tool><vendor>Example</vendor><name>sbom-maker</name><version>1.0</version></tool></tools>
    <authors><author><name>Example Devices KK</name></author></authors>
    <component type="firmware" bom-ref="product"><name>gateway-fw</name><version>2.1.0</version></component>
  </metadata>
  <components>${
    body ??
    `
    <component type="library" bom-ref="lodash">
      <supplier><name>OpenJS</name></supplier>
      <name>lodash</name><version>4.17.20</version>
      <hashes><hash alg="SHA-256">${SHA256}</hash></hashes>
      <licenses><license><id>MIT</id></license></licenses>
      <purl>pkg:npm/lodash@4.17.20</purl>
      <components><component type="library" bom-ref="inner"><name>inner-part</name><version>1.0.0</version><purl>pkg:npm/inner-part@1.0.0</purl></component></components>
    </component>
    <component type="device" bom-ref="soc"><name>SoC X100</name><version>rev B</version></component>`
  }
  </components>
  <dependencies>
    <dependency ref="product"><dependency ref="lodash"/></dependency>
    <dependency ref="lodash"><dependency ref="inner"/></dependency>
  </dependencies>
</bom>
`;
}

export function spdxJson(extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    spdxVersion: 'SPDX-2.3',
    dataLicense: 'CC0-1.0',
    SPDXID: 'SPDXRef-DOCUMENT',
    name: 'gateway-fw-2.1.0',
    documentNamespace: 'https://example.jp/spdx/gateway-fw-2.1.0',
    creationInfo: { created: '2026-01-15T09:00:00Z', creators: ['Organization: Example Devices KK', 'Tool: sbom-maker-1.0'] },
    documentDescribes: ['SPDXRef-fw'],
    packages: [
      { SPDXID: 'SPDXRef-fw', name: 'gateway-fw', versionInfo: '2.1.0', downloadLocation: 'NOASSERTION', supplier: 'Organization: Example Devices KK' },
      {
        SPDXID: 'SPDXRef-lodash',
        name: 'lodash',
        versionInfo: '4.17.20',
        downloadLocation: 'https://registry.npmjs.org/lodash/-/lodash-4.17.20.tgz',
        supplier: 'Organization: OpenJS',
        checksums: [{ algorithm: 'SHA256', checksumValue: SHA256 }],
        licenseConcluded: 'MIT',
        externalRefs: [{ referenceCategory: 'PACKAGE-MANAGER', referenceType: 'purl', referenceLocator: 'pkg:npm/lodash@4.17.20' }],
      },
      {
        SPDXID: 'SPDXRef-busybox',
        name: 'busybox',
        versionInfo: '1.36.1-r4',
        downloadLocation: 'NOASSERTION',
        externalRefs: [
          { referenceCategory: 'PACKAGE-MANAGER', referenceType: 'purl', referenceLocator: 'pkg:apk/alpine/busybox@1.36.1-r4?distro=alpine-3.19' },
        ],
      },
    ],
    relationships: [
      { spdxElementId: 'SPDXRef-DOCUMENT', relationshipType: 'DESCRIBES', relatedSpdxElement: 'SPDXRef-fw' },
      { spdxElementId: 'SPDXRef-fw', relationshipType: 'DEPENDS_ON', relatedSpdxElement: 'SPDXRef-lodash' },
      { spdxElementId: 'SPDXRef-busybox', relationshipType: 'DEPENDENCY_OF', relatedSpdxElement: 'SPDXRef-fw' },
    ],
    ...extra,
  };
}

export function spdxTagValue(packageExtra = ''): string {
  return `SPDXVersion: SPDX-2.3
DataLicense: CC0-1.0
SPDXID: SPDXRef-DOCUMENT
DocumentName: gateway-fw-2.1.0
DocumentNamespace: https://example.jp/spdx/gateway-fw-2.1.0
Creator: Organization: Example Devices KK
Creator: Tool: sbom-maker-1.0
Created: 2026-01-15T09:00:00Z
DocumentComment: <text>Written for the tests,
over two lines.</text>

## Packages
PackageName: gateway-fw
SPDXID: SPDXRef-fw
PackageVersion: 2.1.0
PackageDownloadLocation: NOASSERTION

PackageName: lodash
SPDXID: SPDXRef-lodash
PackageVersion: 4.17.20
PackageSupplier: Organization: OpenJS
PackageDownloadLocation: https://registry.npmjs.org/lodash/-/lodash-4.17.20.tgz
PackageChecksum: SHA256: ${SHA256}
PackageLicenseConcluded: MIT
ExternalRef: PACKAGE-MANAGER purl pkg:npm/lodash@4.17.20
${packageExtra}
FileName: ./lib/lodash.js
SPDXID: SPDXRef-file1
FileChecksum: SHA1: 2fd4e1c67a2d28fced849ee1bb76e7391b93eb12

Relationship: SPDXRef-DOCUMENT DESCRIBES SPDXRef-fw
Relationship: SPDXRef-fw DEPENDS_ON SPDXRef-lodash
Relationship: SPDXRef-fw CONTAINS SPDXRef-file1
`;
}

export const bytes = (value: string | object) => new TextEncoder().encode(typeof value === 'string' ? value : JSON.stringify(value, null, 2));
