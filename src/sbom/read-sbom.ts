/**
 * Reads any SBOM tebiki accepts: CycloneDX JSON 1.2–1.6 and XML, SPDX 2.3 JSON
 * and tag-value. Detects the format from the content, refuses what is too
 * large, not UTF-8, not well-formed or not valid, naming the place; never
 * returns part of a document.
 */
import { readCycloneDxJson, readCycloneDxXml } from './cyclonedx.reader.js';
import { readSpdxObject } from './spdx.reader.js';
import { readSpdxTagValue } from './spdx-tag-value.reader.js';
import { type FieldErrorCode, type FieldErrorParams, reason } from '../core/errors.js';
import { SBOM_MAX_BYTES, type SbomProblem, type SbomReadResult } from '../core/sbom/sbom.types.js';
import { placed, type TextPlace } from '../core/text-place.js';

const fail = (at: TextPlace, message: string, why: { code: FieldErrorCode; params?: FieldErrorParams }): SbomReadResult => ({
  ok: false,
  problems: [{ ...placed(at), message, ...why }],
});
const FILE: TextPlace = { kind: 'file' };

/** Line and column (1-based) of a character offset. */
function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  return { line: before.split('\n').length, column: offset - before.lastIndexOf('\n') };
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false; problem: SbomProblem } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (err) {
    const message = (err as Error).message;
    const position = /position (\d+)/.exec(message)?.[1];
    const at = lineColumn(text, position !== undefined ? Number(position) : text.length);
    const place = placed({ kind: 'line', line: at.line, column: at.column });
    const atEnd = position === undefined || Number(position) >= text.trimEnd().length;
    const truncated = atEnd || /end of (JSON|data)|Unterminated/i.test(message);
    return truncated
      ? { ok: false, problem: { ...place, message: `the JSON ends too early (truncated?): ${message}`, ...reason('json-truncated', at) } }
      : { ok: false, problem: { ...place, message: `not valid JSON: ${message}`, ...reason('not-json', at) } };
  }
}

export function readSbom(bytes: Uint8Array): SbomReadResult {
  if (bytes.byteLength === 0) return fail(FILE, 'is empty', reason('empty-file'));
  if (bytes.byteLength > SBOM_MAX_BYTES)
    return fail(
      FILE,
      `is ${bytes.byteLength} bytes; SBOMs up to ${SBOM_MAX_BYTES} bytes (50 MiB) are accepted`,
      reason('file-too-large', { bytes: bytes.byteLength, limit: SBOM_MAX_BYTES }),
    );
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return fail(FILE, 'is not UTF-8 text', reason('not-utf8'));
  }
  const start = text.trimStart();
  if (start.startsWith('{')) {
    const parsed = parseJson(text);
    if (!parsed.ok) return { ok: false, problems: [parsed.problem] };
    const doc = parsed.value as Record<string, unknown>;
    if (doc.bomFormat === 'CycloneDX') return readCycloneDxJson(doc);
    if (typeof doc.spdxVersion === 'string') return readSpdxObject(doc, 'json');
    if ('@context' in doc && JSON.stringify(doc['@context']).includes('spdx'))
      return fail({ kind: 'pointer', pointer: '/@context' }, 'SPDX 3 (JSON-LD) is not read; export SPDX 2.3 JSON or CycloneDX', reason('spdx3-unsupported'));
    return fail({ kind: 'pointer', pointer: '/' }, 'a JSON document that is neither CycloneDX (bomFormat) nor SPDX (spdxVersion)', reason('not-sbom'));
  }
  if (start.startsWith('<')) return readCycloneDxXml(text);
  if (/^SPDXVersion:/m.test(text)) return readSpdxTagValue(text);
  return fail({ kind: 'line', line: 1 }, 'not an SBOM: expected CycloneDX JSON or XML, SPDX JSON or SPDX tag-value', reason('not-sbom'));
}
