/**
 * CycloneDX in JSON (validated against the format's JSON schema for its
 * specVersion) and XML (well-formedness, the namespace's version, then the
 * same JSON schema applied to the elements tebiki reads, in their JSON shape;
 * there is no pure-JavaScript XSD validator, so XML structure beyond those
 * elements is not checked).
 */
import type { XMLParser } from 'fast-xml-parser';
import { loadXmlParser } from '../runtime/lazy-package.js';
import { doctypeProblem } from '../core/xml-doctype.js';
import { cyclonedxToModel, knownRefs } from './cyclonedx-model.js';
import { CYCLONEDX_JSON_VERSIONS, cyclonedxValidator, schemaProblems } from './json-schema-validator.js';
import { modelProblems } from './model-rules.js';
import { reason, reasonAtNoKnownPlace } from '../core/errors.js';
import type { SbomProblem, SbomReadResult } from '../core/sbom/sbom.types.js';
import { atPointer, placed, type TextPlace } from '../core/text-place.js';

type Obj = Record<string, unknown>;

function finish(bom: Obj, version: string, encoding: 'json' | 'xml', placeOf: (p: string) => TextPlace): SbomReadResult {
  const validate = cyclonedxValidator(version);
  if (!validate(bom)) return { ok: false, problems: schemaProblems(validate.errors, placeOf) };
  const document = cyclonedxToModel(bom, version, encoding);
  const refs = knownRefs(bom);
  const problems: SbomProblem[] = modelProblems(document, refs, placeOf);
  (Array.isArray(bom.dependencies) ? bom.dependencies : []).forEach((d, i) => {
    const ref = (d as Obj).ref;
    if (typeof ref === 'string' && !refs.has(ref))
      problems.push({
        ...placed(placeOf(`/dependencies/${i}`)),
        message: `names "${ref}", which the document does not define`,
        ...reason('undefined-ref', { ref }),
      });
  });
  return problems.length > 0 ? { ok: false, problems } : { ok: true, document };
}

export function readCycloneDxJson(bom: Obj): SbomReadResult {
  const version = bom.specVersion;
  if (typeof version !== 'string' || !(CYCLONEDX_JSON_VERSIONS as readonly string[]).includes(version)) {
    return {
      ok: false,
      problems: [
        {
          place: '/specVersion',
          message: `CycloneDX ${CYCLONEDX_JSON_VERSIONS.join(', ')} are read, not ${JSON.stringify(version) ?? 'nothing'}`,
          ...reason('unsupported-version', { value: JSON.stringify(version) ?? '', supported: CYCLONEDX_JSON_VERSIONS }),
        },
      ],
    };
  }
  return finish(bom, version, 'json', atPointer);
}

const ELEMENT_OF: Record<string, string> = {
  components: 'component',
  hashes: 'hash',
  licenses: 'license',
  dependencies: 'dependency',
  dependsOn: 'dependency',
  authors: 'author',
};

/** `/components/2/hashes/0` → `/bom/components/component[3]/hashes/hash[1]`. */
export function xmlPlace(pointer: string): string {
  const parts = pointer.split('/').filter(Boolean);
  let out = '/bom';
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i] ?? '';
    const next = parts[i + 1];
    if (next !== undefined && /^\d+$/.test(next) && ELEMENT_OF[part]) {
      out += `/${part}/${ELEMENT_OF[part]}[${Number(next) + 1}]`;
      i++;
    } else out += `/${part}`;
  }
  return out;
}

let parser: XMLParser | undefined;
/** The one parser of CycloneDX XML, made when the first XML document arrives. */
const cycloneDxParser = (): XMLParser =>
  (parser ??= new (loadXmlParser().XMLParser)({
    ignoreAttributes: false,
    attributeNamePrefix: '@',
    removeNSPrefix: false,
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: true,
    processEntities: true,
    isArray: (name) => ['component', 'hash', 'license', 'dependency', 'author', 'tool', 'service', 'url'].includes(name),
  }));

const text = (v: unknown): string | undefined =>
  typeof v === 'string' ? v : v && typeof v === 'object' && '#text' in v ? String((v as Obj)['#text']) : undefined;
const list = (v: unknown, key: string): Obj[] => ((v as Obj | undefined)?.[key] as Obj[] | undefined) ?? [];
const drop = (o: Obj): Obj => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && !(Array.isArray(v) && v.length === 0)));

function xmlComponent(c: Obj): Obj {
  const supplier = c.supplier as Obj | undefined;
  const licenses = c.licenses as Obj | undefined;
  return drop({
    type: c['@type'],
    'bom-ref': c['@bom-ref'],
    supplier: supplier ? drop({ name: text(supplier.name) }) : undefined,
    author: text(c.author),
    group: text(c.group),
    name: text(c.name) ?? '',
    version: text(c.version),
    hashes: list(c.hashes, 'hash').map((h) => ({ alg: h['@alg'], content: text(h) ?? '' })),
    licenses: [
      ...list(licenses, 'license').map((l) => ({ license: drop({ id: text(l.id), name: text(l.name) }) })),
      ...(text(licenses?.expression) ? [{ expression: text(licenses?.expression) }] : []),
    ],
    cpe: text(c.cpe),
    purl: text(c.purl),
    components: list(c.components, 'component').map(xmlComponent),
  });
}

function xmlMetadata(m: Obj | undefined): Obj | undefined {
  if (!m) return undefined;
  const component = (m.component as Obj[] | undefined)?.[0];
  const tools = m.tools as Obj | undefined;
  return drop({
    timestamp: text(m.timestamp),
    authors: list(m.authors, 'author').map((a) => drop({ name: text(a.name), email: text(a.email) })),
    component: component ? xmlComponent(component) : undefined,
    manufacture: m.manufacture ? drop({ name: text((m.manufacture as Obj).name) }) : undefined,
    supplier: m.supplier ? drop({ name: text((m.supplier as Obj).name) }) : undefined,
    // Tools differ in shape between versions; they are read but not schema-checked.
    _tools: tools,
  });
}

export function readCycloneDxXml(xml: string): SbomReadResult {
  const doctype = doctypeProblem(xml);
  if (doctype) {
    const { line, column, message } = doctype;
    return { ok: false, problems: [{ ...placed({ kind: 'line', line, column }), message, ...reason('doctype-refused', { line, column }) }] };
  }
  const valid = loadXmlParser().XMLValidator.validate(xml);
  if (valid !== true) {
    const { line, col: column = 1, msg } = valid.err;
    return { ok: false, problems: [{ ...placed({ kind: 'line', line, column }), message: msg, ...reason('not-xml', { line, column }) }] };
  }
  let root: Obj;
  try {
    root = cycloneDxParser().parse(xml) as Obj;
  } catch (err) {
    // The validator passes a few things the parser then refuses (e.g. "<?'xml …?>").
    return { ok: false, problems: [{ place: '/bom', message: `not well-formed XML: ${(err as Error).message}`, ...reasonAtNoKnownPlace('not-xml') }] };
  }
  const bom = root.bom as Obj | undefined;
  const ns = typeof bom?.['@xmlns'] === 'string' ? (bom['@xmlns'] as string) : '';
  const version = /^http:\/\/cyclonedx\.org\/schema\/bom\/(\d\.\d)$/.exec(ns)?.[1];
  if (!bom || !version)
    return {
      ok: false,
      problems: [
        {
          place: '/bom',
          message: 'not a CycloneDX document: the root must be <bom xmlns="http://cyclonedx.org/schema/bom/1.x">',
          ...reason('not-cyclonedx-xml'),
        },
      ],
    };
  if (!(CYCLONEDX_JSON_VERSIONS as readonly string[]).includes(version)) {
    const message = `CycloneDX ${CYCLONEDX_JSON_VERSIONS.join(', ')} are read, not ${version}`;
    return {
      ok: false,
      problems: [{ place: '/bom/@xmlns', message, ...reason('unsupported-version', { value: version, supported: CYCLONEDX_JSON_VERSIONS }) }],
    };
  }
  const metadata = xmlMetadata(bom.metadata as Obj | undefined);
  const tools = metadata?._tools as Obj | undefined;
  if (metadata) delete metadata._tools;
  const shaped = drop({
    bomFormat: 'CycloneDX',
    specVersion: version,
    serialNumber: bom['@serialNumber'],
    version: bom['@version'] !== undefined ? Number(bom['@version']) : undefined,
    metadata,
    components: list(bom.components, 'component').map(xmlComponent),
    dependencies: list(bom.dependencies, 'dependency').map((d) => drop({ ref: d['@ref'], dependsOn: list(d, 'dependency').map((x) => x['@ref']) })),
  });
  const result = finish(shaped, version, 'xml', (p) => atPointer(xmlPlace(p)));
  if (result.ok && tools) {
    const names = [...list(tools, 'tool'), ...list(tools.components, 'component')].map((t) =>
      [text(t.vendor) ?? text(t.group), text(t.name), text(t.version)].filter(Boolean).join(' '),
    );
    result.document.tools = names.filter(Boolean);
  }
  return result;
}
