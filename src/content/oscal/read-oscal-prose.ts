import { reason, reasonAtNoKnownPlace } from '../../core/errors.js';
import { loadXmlParser } from '../../runtime/lazy-package.js';
import { type ReadResult, readOscalDocument } from './read-oscal-document.js';

/**
 * Reads an OSCAL document like `readOscalDocument`, but keeps XML prose in
 * reading order: `<p>The accounts have been inactive for <insert …/>,</p>`
 * becomes the JSON format's prose string with `{{ insert: param, ID }}` at its
 * place (the plain reader loses where the insert sits among the text). Used
 * where the publisher's text itself matters (attached text, issue 16).
 */
export function readOscalWithProse(text: string, fileName: string): ReadResult {
  const plain = readOscalDocument(text, fileName);
  if (!plain.ok) return plain;
  const trimmed = text.replace(/^\uFEFF/, '').trimStart();
  if (!trimmed.startsWith('<')) return plain;
  const parser = new (loadXmlParser().XMLParser)({
    ignoreAttributes: false,
    attributeNamePrefix: '',
    removeNSPrefix: true,
    preserveOrder: true,
    trimValues: false,
    processEntities: true,
    htmlEntities: false,
  });
  let nodes: OrderedNode[];
  try {
    nodes = parser.parse(trimmed) as OrderedNode[];
  } catch (err) {
    return { ok: false, problems: [{ where: fileName, message: `not well-formed XML: ${(err as Error).message}`, ...reasonAtNoKnownPlace('not-xml') }] };
  }
  const root = nodes.find((n) => elementName(n) !== undefined && !elementName(n)?.startsWith('?'));
  const name = root && elementName(root);
  if (!root || !name) return { ok: false, problems: [{ where: fileName, message: 'the XML document has no root element', ...reason('no-root-element') }] };
  return { ok: true, document: { [name]: toObject(root, name) } };
}

type OrderedNode = Record<string, unknown>;
type Obj = Record<string, unknown>;

/** Elements that repeat, collected under the JSON format's plural name. */
const ARRAYS: Record<string, string> = {
  group: 'groups',
  control: 'controls',
  prop: 'props',
  link: 'links',
  part: 'parts',
  param: 'params',
  choice: 'choice',
  resource: 'resources',
  party: 'parties',
  role: 'roles',
};
/** Elements whose content is markup-line or markup-multiline text. */
const TEXT_ELEMENTS = new Set(['title', 'label', 'usage', 'choice', 'remarks', 'version', 'oscal-version', 'published', 'last-modified', 'name', 'text']);
/** Block elements whose text becomes prose paragraphs. */
const BLOCKS = new Set(['p', 'li', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'pre', 'blockquote']);

function elementName(node: OrderedNode): string | undefined {
  return Object.keys(node).find((k) => k !== ':@' && k !== '#text');
}

function childrenOf(node: OrderedNode, name: string): OrderedNode[] {
  const v = node[name];
  return Array.isArray(v) ? (v as OrderedNode[]) : [];
}

function toObject(node: OrderedNode, name: string): Obj {
  const attrs = (node[':@'] as Obj | undefined) ?? {};
  const obj: Obj = { ...attrs };
  const paragraphs: string[] = [];
  for (const child of childrenOf(node, name)) {
    const tag = elementName(child);
    if (!tag) continue;
    if (BLOCKS.has(tag) || tag === 'ol' || tag === 'ul' || tag === 'table') {
      paragraphs.push(...blockTexts(child, tag));
      continue;
    }
    const value = TEXT_ELEMENTS.has(tag) ? textElement(child, tag) : toObject(child, tag);
    const plural = ARRAYS[tag];
    if (plural) obj[plural] = [...((obj[plural] as unknown[] | undefined) ?? []), value];
    else obj[tag] = value;
  }
  if (paragraphs.length) obj.prose = paragraphs.join('\n\n');
  return obj;
}

/** A text element: its inline text, or its paragraphs joined when it holds blocks (e.g. usage with a <p>). */
function textElement(node: OrderedNode, tag: string): string {
  const kids = childrenOf(node, tag);
  const blocks = kids.filter((k) => BLOCKS.has(elementName(k) ?? ''));
  if (blocks.length) return blocks.flatMap((b) => blockTexts(b, elementName(b) as string)).join('\n\n');
  return inlineText(kids);
}

function blockTexts(node: OrderedNode, tag: string): string[] {
  if (tag === 'ol' || tag === 'ul' || tag === 'table') {
    return childrenOf(node, tag).flatMap((k) => {
      const t = elementName(k);
      return t ? blockTexts(k, t) : [];
    });
  }
  return [inlineText(childrenOf(node, tag))];
}

/** Inline markup as text; a parameter insert becomes the JSON format's moustache. */
function inlineText(nodes: OrderedNode[]): string {
  return nodes
    .map((n) => {
      if (typeof n['#text'] === 'string' || typeof n['#text'] === 'number') return String(n['#text']);
      const tag = elementName(n);
      if (!tag) return '';
      if (tag === 'insert') {
        const attrs = (n[':@'] as Obj | undefined) ?? {};
        return `{{ insert: ${String(attrs.type ?? 'param')}, ${String(attrs['id-ref'] ?? '')} }}`;
      }
      return inlineText(childrenOf(n, tag));
    })
    .join('');
}
