/**
 * SPDX 2.3 (and 2.2) in JSON and tag-value. Tag-value is read into the JSON
 * shape, remembering each value's line, so both are checked against the same
 * schema (./schemas/spdx-2.3.schema.json) and the same model rules, and
 * problems in tag-value name their line.
 */
import { reason } from '../core/errors.js';
import { schemaProblems, spdxValidator } from './json-schema-validator.js';
import { modelProblems } from './model-rules.js';
import type { SbomComponent, SbomDocument, SbomReadResult } from '../core/sbom/sbom.types.js';
import { atPointer, placed, type TextPlace } from '../core/text-place.js';

type Obj = Record<string, unknown>;

const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' && v !== 'NOASSERTION' && v !== 'NONE' ? v.trim() : null);
const arr = (v: unknown): Obj[] => (Array.isArray(v) ? (v as Obj[]) : []);

/** SHA256 → SHA-256, as CycloneDX and the quality check spell algorithms. */
export function cdxAlgorithm(spdx: string): string {
  const m = /^(SHA|SHA3-|BLAKE2b-)(\d+)$/.exec(spdx);
  if (spdx === 'SHA1') return 'SHA-1';
  return m && m[1] === 'SHA' ? `SHA-${m[2]}` : spdx;
}

/** Relationship types that state "A depends on B" (forward) or "A is a dependency of B" (reversed). */
const FORWARD = new Set(['DEPENDS_ON', 'CONTAINS', 'STATIC_LINK', 'DYNAMIC_LINK', 'HAS_PREREQUISITE']);
const REVERSED = new Set([
  'DEPENDENCY_OF',
  'DEV_DEPENDENCY_OF',
  'OPTIONAL_DEPENDENCY_OF',
  'BUILD_DEPENDENCY_OF',
  'RUNTIME_DEPENDENCY_OF',
  'TEST_DEPENDENCY_OF',
  'PROVIDED_DEPENDENCY_OF',
  'CONTAINED_BY',
  'PREREQUISITE_FOR',
]);

function component(p: Obj, i: number): SbomComponent {
  const refs = arr(p.externalRefs);
  const locator = (types: string[]) => str(refs.find((r) => types.includes(String(r.referenceType)))?.referenceLocator);
  const supplier = str(p.supplier) ?? str(p.originator);
  const purpose = str(p.primaryPackagePurpose);
  return {
    ref: String(p.SPDXID),
    type: purpose ? purpose.toLowerCase() : 'library',
    name: str(p.name) ?? '',
    version: str(p.versionInfo),
    purl: locator(['purl']),
    cpe: locator(['cpe23Type', 'cpe22Type']),
    supplier: supplier ? supplier.replace(/^(Person|Organization):\s*/, '') : null,
    hashes: arr(p.checksums).map((c) => ({ alg: cdxAlgorithm(String(c.algorithm)), content: String(c.checksumValue) })),
    licences: [...new Set([str(p.licenseConcluded), str(p.licenseDeclared)].filter((l): l is string => l !== null))],
    dependsOn: [],
    parent: null,
    hardware: purpose === 'DEVICE',
    place: `/packages/${i}`,
  };
}

function spdxToModel(doc: Obj, encoding: 'json' | 'tag-value'): SbomDocument {
  const components = arr(doc.packages).map(component);
  const byRef = new Map(components.map((c) => [c.ref, c]));
  const related = new Set<string>();
  const described = new Set((doc.documentDescribes as string[] | undefined) ?? []);
  for (const r of arr(doc.relationships)) {
    const type = String(r.relationshipType);
    const [from, to] = REVERSED.has(type) ? [String(r.relatedSpdxElement), String(r.spdxElementId)] : [String(r.spdxElementId), String(r.relatedSpdxElement)];
    if (type === 'DESCRIBES' && from === 'SPDXRef-DOCUMENT') described.add(to);
    if (!FORWARD.has(type) && !REVERSED.has(type)) continue;
    related.add(from);
    related.add(to);
    byRef.get(from)?.dependsOn.push(to);
  }
  const info = (doc.creationInfo as Obj | undefined) ?? {};
  const creators = ((info.creators as string[] | undefined) ?? []).map((c) => c.trim());
  const subject = components.find((c) => described.has(c.ref));
  return {
    format: 'SPDX',
    specVersion: String(doc.spdxVersion).replace(/^SPDX-/, ''),
    encoding,
    identifier: str(doc.documentNamespace),
    timestamp: str(info.created),
    creators: creators.filter((c) => /^(Person|Organization):/.test(c)).map((c) => c.replace(/^\w+:\s*/, '')),
    tools: creators.filter((c) => c.startsWith('Tool:')).map((c) => c.replace(/^Tool:\s*/, '')),
    subject: subject ? { name: subject.name, version: subject.version } : null,
    components,
    related: [...related],
  };
}

/** The refs relationships may name: the document, its packages, and any files, snippets or external documents it declares. */
function spdxRefs(doc: Obj): Set<string> {
  const refs = new Set<string>(['SPDXRef-DOCUMENT', 'NONE', 'NOASSERTION']);
  for (const key of ['packages', 'files', 'snippets']) for (const e of arr(doc[key])) refs.add(String(e.SPDXID));
  return refs;
}

export function readSpdxObject(doc: Obj, encoding: 'json' | 'tag-value', placeOf: (pointer: string) => TextPlace = atPointer): SbomReadResult {
  const validate = spdxValidator();
  if (!validate(doc)) return { ok: false, problems: schemaProblems(validate.errors, placeOf) };
  const document = spdxToModel(doc, encoding);
  const refs = spdxRefs(doc);
  const problems = modelProblems(document, refs, placeOf);
  arr(doc.relationships).forEach((r, i) => {
    for (const side of [String(r.spdxElementId), String(r.relatedSpdxElement)]) {
      if (!refs.has(side) && !side.startsWith('DocumentRef-'))
        problems.push({
          ...placed(placeOf(`/relationships/${i}`)),
          message: `names "${side}", which the document does not define`,
          ...reason('undefined-ref', { ref: side }),
        });
    }
  });
  return problems.length > 0 ? { ok: false, problems: problems.slice(0, 50) } : { ok: true, document };
}
