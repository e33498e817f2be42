import { buildOsvIndex, matchComponents } from '../src/core/vulnerability/osv-match.js';
import { OsvRecord } from '../src/core/vulnerability/osv.schema.js';
import { readSbom } from '../src/sbom/read-sbom.js';
import { report } from './lib/harness.js';
import { medianMs } from './lib/timing.js';

/**
 * Issue 18: matching a 2,000-component SBOM against 50,000 OSV records (index
 * built and every range evaluated) beside a plain lookup of every component's
 * name in a Map of the records; and reading the SBOM (parse, CycloneDX 1.6
 * schema validation, model, rules) beside JSON.parse of the same file.
 */
const ECOSYSTEMS = [
  ['npm', 'npm', (i: number) => `${i % 20}.${i % 7}.${i % 5}`],
  ['PyPI', 'pypi', (i: number) => `${i % 9}.${i % 4}.post${i % 3}`],
  ['Maven', 'maven', (i: number) => `${i % 6}.${i % 10}.${i % 3}-RC${i % 2}`],
  ['Debian:12', 'deb', (i: number) => `${i % 3}:${i % 11}.${i % 4}-${i % 5}+deb12u${i % 3}`],
] as const;

function packageName(i: number): string {
  return `pkg${i % 6000}`;
}

function purlOf(type: string, name: string, version: string): string {
  if (type === 'maven') return `pkg:maven/org.example/${name}@${version}`;
  if (type === 'deb') return `pkg:deb/debian/${name}@${encodeURIComponent(version)}?distro=debian-12`;
  return `pkg:${type}/${name}@${version}`;
}

function records(count: number): OsvRecord[] {
  return Array.from({ length: count }, (_, i) => {
    const [ecosystem, , version] = ECOSYSTEMS[i % ECOSYSTEMS.length] ?? ECOSYSTEMS[0];
    const name = ecosystem === 'Maven' ? `org.example:${packageName(i)}` : packageName(i);
    return OsvRecord.parse({
      id: `BENCH-${i}`,
      modified: '2026-01-01T00:00:00Z',
      aliases: [`CVE-2026-${i}`],
      severity: [{ type: 'CVSS_V3', score: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H' }],
      affected: [
        { package: { ecosystem, name }, ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed: version(i + 3) }] }], versions: [version(i)] },
      ],
    });
  });
}

function sbom(count: number): Uint8Array {
  const components = Array.from({ length: count }, (_, i) => {
    const [, type, version] = ECOSYSTEMS[i % ECOSYSTEMS.length] ?? ECOSYSTEMS[0];
    const name = packageName(i * 3);
    return {
      type: 'library',
      'bom-ref': `c${i}`,
      supplier: { name: 'Bench' },
      name,
      version: version(i),
      purl: purlOf(type, name, version(i)),
      hashes: [{ alg: 'SHA-256', content: i.toString(16).padStart(64, '0') }],
      licenses: [{ license: { id: 'MIT' } }],
    };
  });
  const bom = {
    bomFormat: 'CycloneDX',
    specVersion: '1.6',
    serialNumber: 'urn:uuid:3e671687-395b-41f5-a30f-a58921a69b79',
    version: 1,
    metadata: { timestamp: '2026-01-01T00:00:00Z', authors: [{ name: 'Bench' }] },
    components,
    dependencies: components.map((c, i) => ({ ref: c['bom-ref'], dependsOn: i + 1 < count ? [`c${i + 1}`] : [] })),
  };
  return new TextEncoder().encode(JSON.stringify(bom));
}

export function sbomBench(options: { runs: number; components: number; records: number }) {
  const osv = records(options.records);
  const bytes = sbom(options.components);
  const read = readSbom(bytes);
  if (!read.ok) throw new Error(JSON.stringify(read.problems.slice(0, 3)));
  const components = read.document.components;
  let found = 0;
  const match = medianMs(() => {
    found = matchComponents(components, buildOsvIndex(osv)).matches.length;
  }, options.runs);
  const plain = medianMs(() => {
    const byName = new Map<string, OsvRecord[]>();
    for (const r of osv) {
      const name = r.affected?.[0]?.package?.name ?? '';
      byName.set(name, [...(byName.get(name) ?? []), r]);
    }
    let hits = 0;
    for (const c of components) hits += byName.get(c.name)?.length ?? 0;
    return hits;
  }, options.runs);
  const text = new TextDecoder().decode(bytes);
  const importMs = medianMs(() => readSbom(bytes), options.runs);
  const parseMs = medianMs(() => JSON.parse(text), options.runs);
  console.log(`  (${components.length} components, ${osv.length} records, ${found} matches; SBOM ${(bytes.byteLength / 1024).toFixed(0)} KiB)`);
  return [
    report(`SBOM match ${components.length} × ${osv.length} OSV`, match, 'ms', 'Map lookup of names', plain),
    report(`SBOM import (${components.length} components, CDX 1.6)`, importMs, 'ms', 'JSON.parse of the file', parseMs),
  ];
}
