/**
 * CycloneDX (JSON, or XML read into the JSON shape) → the component model.
 * Nested components are flattened with their parent's ref.
 */
import type { SbomComponent, SbomDocument, SbomHash } from '../core/sbom/sbom.types.js';

type Obj = Record<string, unknown>;

const asObj = (v: unknown): Obj | null => (v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : null);
const asArr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const asStr = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v.trim() : null);

function licences(v: unknown): string[] {
  return asArr(v).flatMap((entry) => {
    const e = asObj(entry);
    const license = asObj(e?.license);
    const text = asStr(e?.expression) ?? asStr(license?.id) ?? asStr(license?.name);
    return text ? [text] : [];
  });
}

function hashes(v: unknown): SbomHash[] {
  return asArr(v).flatMap((entry) => {
    const e = asObj(entry);
    const alg = asStr(e?.alg);
    const content = asStr(e?.content);
    return alg && content ? [{ alg, content }] : [];
  });
}

function supplierOf(c: Obj): string | null {
  const named = (v: unknown) => asStr(asObj(v)?.name);
  const authors = asArr(c.authors)
    .map((a) => named(a))
    .filter((a): a is string => a !== null);
  return named(c.supplier) ?? named(c.manufacturer) ?? asStr(c.publisher) ?? asStr(c.author) ?? authors[0] ?? null;
}

function walk(list: unknown, parent: string | null, pointer: string, out: SbomComponent[]): void {
  asArr(list).forEach((entry, i) => {
    const c = asObj(entry) ?? {};
    const place = `${pointer}/${i}`;
    const ref = asStr(c['bom-ref']) ?? `#${out.length + 1}`;
    const type = asStr(c.type) ?? 'library';
    const group = asStr(c.group);
    const name = asStr(c.name) ?? '';
    out.push({
      ref,
      type,
      name: group && !asStr(c.purl) ? `${group}/${name}` : name,
      version: asStr(c.version),
      purl: asStr(c.purl),
      cpe: asStr(c.cpe),
      supplier: supplierOf(c),
      hashes: hashes(c.hashes),
      licences: licences(c.licenses),
      dependsOn: [],
      parent,
      hardware: type === 'device',
      place,
    });
    walk(c.components, ref, `${place}/components`, out);
  });
}

function tools(metadata: Obj): string[] {
  const t = metadata.tools;
  const list = Array.isArray(t) ? t : [...asArr(asObj(t)?.components), ...asArr(asObj(t)?.services)];
  return list.flatMap((x) => {
    const o = asObj(x);
    const name = [asStr(o?.vendor) ?? asStr(o?.group), asStr(o?.name), asStr(o?.version)].filter(Boolean).join(' ');
    return name ? [name] : [];
  });
}

function creators(metadata: Obj): string[] {
  const names = asArr(metadata.authors).map((a) => asStr(asObj(a)?.name) ?? asStr(asObj(a)?.email));
  for (const key of ['manufacture', 'manufacturer', 'supplier']) {
    const o = asObj(metadata[key]);
    names.push(asStr(o?.name) ?? asStr(asArr(o?.url)[0]));
  }
  return names.filter((n): n is string => n !== null);
}

export function cyclonedxToModel(bom: Obj, specVersion: string, encoding: 'json' | 'xml'): SbomDocument {
  const metadata = asObj(bom.metadata) ?? {};
  const components: SbomComponent[] = [];
  walk(bom.components, null, '/components', components);
  const byRef = new Map(components.map((c) => [c.ref, c]));
  const related = new Set<string>();
  for (const entry of asArr(bom.dependencies)) {
    const d = asObj(entry);
    const ref = asStr(d?.ref);
    if (!ref) continue;
    const on = asArr(d?.dependsOn).flatMap((x) => (asStr(x) ? [asStr(x) as string] : []));
    related.add(ref);
    for (const r of on) related.add(r);
    const component = byRef.get(ref);
    if (component) component.dependsOn.push(...on);
  }
  const subject = asObj(metadata.component);
  const subjectName = asStr(subject?.name);
  return {
    format: 'CycloneDX',
    specVersion,
    encoding,
    identifier: asStr(bom.serialNumber),
    timestamp: asStr(metadata.timestamp),
    creators: creators(metadata),
    tools: tools(metadata),
    subject: subjectName ? { name: subjectName, version: asStr(subject?.version) } : null,
    components,
    related: [...related],
  };
}

/** The refs a dependency graph may name: components, and the document's own subject. */
export function knownRefs(bom: Obj): Set<string> {
  const refs = new Set<string>();
  const subjectRef = asStr(asObj(asObj(bom.metadata)?.component)?.['bom-ref']);
  if (subjectRef) refs.add(subjectRef);
  const visit = (list: unknown) => {
    for (const c of asArr(list)) {
      const ref = asStr(asObj(c)?.['bom-ref']);
      if (ref) refs.add(ref);
      visit(asObj(c)?.components);
    }
  };
  visit(bom.components);
  return refs;
}
