/**
 * Rules every SBOM is held to after it is read, whatever its format and
 * encoding: each component has a name, refs are unique, dependency relations
 * name known refs, purls parse, hash values have the length of their algorithm,
 * the timestamp is a date.
 */
import { PackageURL } from 'packageurl-js';
import { reason } from '../core/errors.js';
import type { SbomDocument, SbomProblem } from '../core/sbom/sbom.types.js';
import { placed, type TextPlace, withPart } from '../core/text-place.js';

const HEX_LENGTH: Record<string, number> = {
  MD5: 32,
  'SHA-1': 40,
  'SHA-256': 64,
  'SHA-384': 96,
  'SHA-512': 128,
  'SHA3-256': 64,
  'SHA3-384': 96,
  'SHA3-512': 128,
  'BLAKE2b-256': 64,
  'BLAKE2b-384': 96,
  'BLAKE2b-512': 128,
};

export function modelProblems(doc: SbomDocument, knownRefs: ReadonlySet<string>, placeOf: (pointer: string) => TextPlace): SbomProblem[] {
  const problems: SbomProblem[] = [];
  const seen = new Set<string>();
  for (const c of doc.components) {
    const at = placeOf(c.place);
    if (!c.name) problems.push({ ...placed(at), message: 'a component needs a name', ...reason('required', { field: 'name' }) });
    if (seen.has(c.ref))
      problems.push({ ...placed(at), message: `the ref "${c.ref}" is used by more than one component`, ...reason('duplicate-ref', { ref: c.ref }) });
    seen.add(c.ref);
    if (c.purl) {
      try {
        PackageURL.fromString(c.purl);
      } catch (err) {
        problems.push({
          ...placed(withPart(at, { field: 'purl' })),
          message: `"${c.purl}" is not a package URL: ${(err as Error).message}`,
          ...reason('not-purl', { value: c.purl }),
        });
      }
    }
    for (const h of c.hashes) {
      const len = HEX_LENGTH[h.alg];
      if (len !== undefined && (h.content.length !== len || !/^[0-9a-fA-F]+$/.test(h.content))) {
        problems.push({
          ...placed(withPart(at, { hash: h.alg })),
          message: `a ${h.alg} value has ${len} hexadecimal digits`,
          ...reason('wrong-hash-length', { alg: h.alg, digits: len }),
        });
      }
    }
    for (const ref of c.dependsOn) {
      if (!knownRefs.has(ref))
        problems.push({
          ...placed(withPart(at, { field: 'dependencies' })),
          message: `depends on "${ref}", which the document does not define`,
          ...reason('undefined-ref', { ref }),
        });
    }
    if (problems.length >= 50) break;
  }
  if (doc.timestamp && Number.isNaN(Date.parse(doc.timestamp)))
    problems.push({
      ...placed(placeOf('/timestamp')),
      message: `"${doc.timestamp}" is not a date and time`,
      ...reason('not-a-date', { value: doc.timestamp }),
    });
  return problems;
}
