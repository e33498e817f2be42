import { type FieldErrorCode, type FieldErrorParams, reason, reasonAtNoKnownPlace } from '../../core/errors.js';
import { doctypeProblem } from '../../core/xml-doctype.js';
import { loadXmlParser } from '../../runtime/lazy-package.js';

/** A problem at a place in an input file (a JSON pointer, or a line and column): the English message, its stable code and the code's params. */
export interface InputProblem {
  where: string;
  message: string;
  code: FieldErrorCode;
  params?: FieldErrorParams;
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
    if (!value || typeof value !== 'object' || Array.isArray(value))
      return fail(`${fileName}:1:1`, 'the document is not a JSON object', reason('not-json-object'));
    return { ok: true, document: value as Record<string, unknown> };
  } catch (err) {
    const at = jsonErrorPlace(trimmed, (err as Error).message);
    return fail(`${fileName}:${at.line}:${at.column}`, `not valid JSON: ${(err as Error).message}`, reason('not-json', at));
  }
}

function readXml(text: string, fileName: string): ReadResult {
  const doctype = doctypeProblem(text);
  if (doctype) {
    const { line, column } = doctype;
    return fail(`${fileName}:${line}:${column}`, doctype.message, reason('doctype-refused', { line, column }));
  }
  const { XMLParser, XMLValidator } = loadXmlParser();
  const check = XMLValidator.validate(text);
  if (check !== true) {
    const { line, col: column = 1, msg } = check.err;
    return fail(`${fileName}:${line}:${column}`, `not well-formed XML: ${msg}`, reason('not-xml', { line, column }));
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
    return fail(fileName, `not well-formed XML: ${(err as Error).message}`, reasonAtNoKnownPlace('not-xml'));
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
function jsonErrorPlace(text: string, message: string): { line: number; column: number } {
  const pos = /position (\d+)/.exec(message)?.[1];
  const offset = pos !== undefined ? Number(pos) : text.length;
  const before = text.slice(0, offset);
  return { line: before.split('\n').length, column: offset - before.lastIndexOf('\n') };
}

function fail(where: string, message: string, why: { code: FieldErrorCode; params?: FieldErrorParams }): ReadResult {
  return { ok: false, problems: [{ where, message, ...why }] };
}
