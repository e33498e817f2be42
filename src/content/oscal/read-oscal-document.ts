import { doctypeProblem } from '../../core/xml-doctype.js';
import { loadXmlParser } from '../../runtime/lazy-package.js';

/** A place in an input file: a JSON pointer, or a line and column. */
export interface InputProblem {
  where: string;
  message: string;
}

export type ReadResult = { ok: true; document: Record<string, unknown> } | { ok: false; problems: InputProblem[] };

/** OSCAL XML elements that repeat, so they always parse as arrays. */
const REPEATING = new Set(['group', 'control', 'prop', 'link', 'part', 'param', 'p', 'li']);

/**
 * Reads an OSCAL document in JSON or XML into one plain-object shape (XML
 * attributes become properties, repeating elements become arrays). Syntax
 * errors name the line and column; nothing is thrown.
 */
export function readOscalDocument(text: string, fileName: string): ReadResult {
  const trimmed = text.replace(/^\uFEFF/, '').trimStart();
  if (trimmed.startsWith('<')) return readXml(trimmed, fileName);
  try {
    const value: unknown = JSON.parse(trimmed);
    if (!value || typeof value !== 'object' || Array.isArray(value)) return fail(`${fileName}:1:1`, 'the document is not a JSON object');
    return { ok: true, document: value as Record<string, unknown> };
  } catch (err) {
    return fail(jsonErrorPlace(trimmed, (err as Error).message, fileName), `not valid JSON: ${(err as Error).message}`);
  }
}

function readXml(text: string, fileName: string): ReadResult {
  const doctype = doctypeProblem(text);
  if (doctype) return fail(`${fileName}:${doctype.line}:${doctype.column}`, doctype.message);
  const { XMLParser, XMLValidator } = loadXmlParser();
  const check = XMLValidator.validate(text);
  if (check !== true) {
    return fail(`${fileName}:${check.err.line}:${check.err.col ?? 1}`, `not well-formed XML: ${check.err.msg}`);
  }
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '',
    removeNSPrefix: true,
    isArray: (name) => REPEATING.has(name),
    processEntities: true,
    htmlEntities: false,
  });
  let value: Record<string, unknown>;
  try {
    value = parser.parse(text) as Record<string, unknown>;
  } catch (err) {
    // The validator passes a few things the parser then refuses (e.g. "<?'xml …?>").
    return fail(fileName, `not well-formed XML: ${(err as Error).message}`);
  }
  return { ok: true, document: toJsonShape(value) as Record<string, unknown> };
}

/** XML names repeating elements in the singular; the JSON format in the plural. */
const PLURAL: Record<string, string> = { group: 'groups', control: 'controls', prop: 'props', link: 'links', part: 'parts', param: 'params' };

function toJsonShape(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(toJsonShape);
  if (!value || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [PLURAL[k] ?? k, toJsonShape(v)]));
}

/** JSON.parse names a character position; a person wants line and column. */
function jsonErrorPlace(text: string, message: string, fileName: string): string {
  const pos = /position (\d+)/.exec(message)?.[1];
  const offset = pos !== undefined ? Number(pos) : text.length;
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - before.lastIndexOf('\n');
  return `${fileName}:${line}:${column}`;
}

function fail(where: string, message: string): ReadResult {
  return { ok: false, problems: [{ where, message }] };
}
