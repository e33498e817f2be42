/**
 * Reads any SBOM tebiki accepts: CycloneDX JSON 1.2–1.6 and XML, SPDX 2.3 JSON
 * and tag-value. Detects the format from the content, refuses what is too
 * large, not UTF-8, not well-formed or not valid, naming the place; never
 * returns part of a document.
 */
import { readCycloneDxJson, readCycloneDxXml } from './cyclonedx.reader.js';
import { readSpdxObject } from './spdx.reader.js';
import { readSpdxTagValue } from './spdx-tag-value.reader.js';
import { SBOM_MAX_BYTES, type SbomReadResult } from '../core/sbom/sbom.types.js';

const fail = (place: string, message: string): SbomReadResult => ({ ok: false, problems: [{ place, message }] });

/** Line and column of a character offset. */
export function lineColumn(text: string, offset: number): string {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return `line ${line}, column ${offset - before.lastIndexOf('\n')}`;
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false; place: string; message: string } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (err) {
    const message = (err as Error).message;
    const position = /position (\d+)/.exec(message)?.[1];
    const place = position !== undefined ? lineColumn(text, Number(position)) : lineColumn(text, text.length);
    const atEnd = position === undefined || Number(position) >= text.trimEnd().length;
    const truncated = atEnd || /end of (JSON|data)|Unterminated/i.test(message);
    return { ok: false, place, message: truncated ? `the JSON ends too early (truncated?): ${message}` : `not valid JSON: ${message}` };
  }
}

export function readSbom(bytes: Uint8Array): SbomReadResult {
  if (bytes.byteLength === 0) return fail('the file', 'is empty');
  if (bytes.byteLength > SBOM_MAX_BYTES) return fail('the file', `is ${bytes.byteLength} bytes; SBOMs up to ${SBOM_MAX_BYTES} bytes (50 MiB) are accepted`);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return fail('the file', 'is not UTF-8 text');
  }
  const start = text.trimStart();
  if (start.startsWith('{')) {
    const parsed = parseJson(text);
    if (!parsed.ok) return fail(parsed.place, parsed.message);
    const doc = parsed.value as Record<string, unknown>;
    if (doc.bomFormat === 'CycloneDX') return readCycloneDxJson(doc);
    if (typeof doc.spdxVersion === 'string') return readSpdxObject(doc, 'json');
    if ('@context' in doc && JSON.stringify(doc['@context']).includes('spdx'))
      return fail('/@context', 'SPDX 3 (JSON-LD) is not read; export SPDX 2.3 JSON or CycloneDX');
    return fail('/', 'a JSON document that is neither CycloneDX (bomFormat) nor SPDX (spdxVersion)');
  }
  if (start.startsWith('<')) return readCycloneDxXml(text);
  if (/^SPDXVersion:/m.test(text)) return readSpdxTagValue(text);
  return fail('line 1', 'not an SBOM: expected CycloneDX JSON or XML, SPDX JSON or SPDX tag-value');
}
