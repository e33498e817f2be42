/**
 * SPDX tag-value (`Tag: value` lines, `<text>…</text>` spanning lines) read
 * into the SPDX JSON shape with the line of every value, then checked like
 * SPDX JSON. Files, snippets and extracted licences are read with the fields
 * the SPDX 2.3 schema requires of them (tebiki lists packages; relationships
 * may name the others); their other tags are skipped.
 */
import { reason } from '../core/errors.js';
import { readSpdxObject } from './spdx.reader.js';
import type { SbomReadResult } from '../core/sbom/sbom.types.js';
import { placed, type TextPlace } from '../core/text-place.js';

type Obj = Record<string, unknown>;

const DOCUMENT_TAGS: Record<string, string> = {
  SPDXVersion: 'spdxVersion',
  DataLicense: 'dataLicense',
  DocumentName: 'name',
  DocumentNamespace: 'documentNamespace',
};
/** The tag that opens each of the other sections, and where its entries go in the JSON shape. */
const SECTION_STARTS: Record<string, { key: string; field: string }> = {
  FileName: { key: 'files', field: 'fileName' },
  SnippetSPDXID: { key: 'snippets', field: 'SPDXID' },
  LicenseID: { key: 'hasExtractedLicensingInfos', field: 'licenseId' },
};
const OTHER_TAGS: Record<string, string> = {
  SPDXID: 'SPDXID',
  FileChecksum: 'checksums',
  FileType: 'fileTypes',
  LicenseConcluded: 'licenseConcluded',
  LicenseInfoInFile: 'licenseInfoInFiles',
  FileCopyrightText: 'copyrightText',
  SnippetFromFileSPDXID: 'snippetFromFile',
  SnippetByteRange: 'ranges',
  SnippetName: 'name',
  ExtractedText: 'extractedText',
  LicenseName: 'name',
};
const LIST_TAGS = new Set(['FileType', 'LicenseInfoInFile']);

/** One value of a file, snippet or licence section into its JSON field. */
function setOther(current: Obj, tag: string, value: string): string | undefined {
  const field = OTHER_TAGS[tag];
  if (!field) return undefined;
  if (tag === 'FileChecksum') {
    const [algorithm, checksumValue] = value.split(/:\s*/);
    const list = (current.checksums as Obj[] | undefined) ?? [];
    list.push({ algorithm: algorithm ?? '', checksumValue: checksumValue ?? '' });
    current.checksums = list;
    return `checksums/${list.length - 1}`;
  }
  if (tag === 'SnippetByteRange') {
    const [start, end] = value.split(':').map((n) => Number(n));
    const reference = String(current.snippetFromFile ?? '');
    current.ranges = [{ startPointer: { offset: start, reference }, endPointer: { offset: end, reference } }];
    return 'ranges';
  }
  if (LIST_TAGS.has(tag)) {
    const list = (current[field] as string[] | undefined) ?? [];
    list.push(value);
    current[field] = list;
    return `${field}/${list.length - 1}`;
  }
  current[field] = value;
  return field;
}

const PACKAGE_TAGS: Record<string, string> = {
  PackageVersion: 'versionInfo',
  PackageSupplier: 'supplier',
  PackageOriginator: 'originator',
  PackageDownloadLocation: 'downloadLocation',
  PackageLicenseConcluded: 'licenseConcluded',
  PackageLicenseDeclared: 'licenseDeclared',
  PrimaryPackagePurpose: 'primaryPackagePurpose',
};

interface Line {
  tag: string;
  value: string;
  line: number;
}

function lines(text: string): Line[] | { line: number; message: string; code: 'not-tag-value' | 'unclosed-text' } {
  const out: Line[] = [];
  const rows = text.split(/\r?\n/);
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i] ?? '';
    if (row.trim() === '' || row.trimStart().startsWith('#')) continue;
    const m = /^([A-Za-z][A-Za-z0-9-]*):\s?(.*)$/.exec(row);
    if (!m?.[1]) return { line: i + 1, message: 'expected "Tag: value"', code: 'not-tag-value' };
    let value = (m[2] ?? '').trim();
    const start = i + 1;
    if (value.startsWith('<text>')) {
      let body = value.slice(6);
      while (!body.includes('</text>')) {
        i++;
        if (i >= rows.length) return { line: start, message: '<text> is not closed by </text>', code: 'unclosed-text' };
        body += `\n${rows[i]}`;
      }
      value = body.slice(0, body.indexOf('</text>'));
    }
    out.push({ tag: m[1], value, line: start });
  }
  return out;
}

export function readSpdxTagValue(text: string): SbomReadResult {
  const parsed = lines(text);
  if (!Array.isArray(parsed)) {
    const { line, message, code } = parsed;
    return { ok: false, problems: [{ ...placed({ kind: 'line', line }), message, ...reason(code, { line }) }] };
  }
  const lineOf = new Map<string, number>();
  const doc: Obj = { creationInfo: { creators: [] as string[] }, packages: [] as Obj[], relationships: [] as Obj[] };
  const info = doc.creationInfo as { creators: string[]; created?: string };
  const packages = doc.packages as Obj[];
  const relationships = doc.relationships as Obj[];
  let section: 'document' | 'package' | 'other' = 'document';
  let current: Obj = doc;
  let pointer = '';
  for (const { tag, value, line } of parsed) {
    if (tag === 'PackageName') {
      current = { name: value };
      packages.push(current);
      section = 'package';
      pointer = `/packages/${packages.length - 1}`;
      lineOf.set(pointer, line);
      continue;
    }
    const start = SECTION_STARTS[tag];
    if (start) {
      section = 'other';
      current = { [start.field]: value };
      const list = ((doc[start.key] as Obj[] | undefined) ?? []) as Obj[];
      list.push(current);
      doc[start.key] = list;
      pointer = `/${start.key}/${list.length - 1}`;
      lineOf.set(pointer, line);
      continue;
    }
    if (tag === 'Relationship') {
      const [from, type, to] = value.split(/\s+/);
      relationships.push({ spdxElementId: from ?? '', relationshipType: type ?? '', relatedSpdxElement: to ?? '' });
      lineOf.set(`/relationships/${relationships.length - 1}`, line);
      continue;
    }
    if (section === 'other') {
      const place = setOther(current, tag, value);
      if (place) lineOf.set(`${pointer}/${place}`, line);
      continue;
    }
    const target = section === 'document' ? DOCUMENT_TAGS[tag] : PACKAGE_TAGS[tag];
    if (tag === 'SPDXID') current.SPDXID = value;
    else if (section === 'document' && tag === 'Creator') info.creators.push(value);
    else if (section === 'document' && tag === 'Created') info.created = value;
    else if (section === 'package' && tag === 'FilesAnalyzed') current.filesAnalyzed = value.toLowerCase() === 'true';
    else if (section === 'package' && tag === 'PackageChecksum') {
      const [algorithm, checksumValue] = value.split(/:\s*/);
      const list = ((current.checksums as Obj[] | undefined) ?? []) as Obj[];
      list.push({ algorithm: algorithm ?? '', checksumValue: checksumValue ?? '' });
      current.checksums = list;
      lineOf.set(`${pointer}/checksums/${list.length - 1}`, line);
      continue;
    } else if (section === 'package' && tag === 'ExternalRef') {
      const [referenceCategory, referenceType, referenceLocator] = value.split(/\s+/);
      const list = ((current.externalRefs as Obj[] | undefined) ?? []) as Obj[];
      list.push({ referenceCategory: referenceCategory ?? '', referenceType: referenceType ?? '', referenceLocator: referenceLocator ?? '' });
      current.externalRefs = list;
      lineOf.set(`${pointer}/externalRefs/${list.length - 1}`, line);
      continue;
    } else if (target) current[target] = value;
    else continue;
    lineOf.set(section === 'document' ? `/${target ?? tag}` : `${pointer}/${target ?? tag}`, line);
  }
  const placeOf = (p: string): TextPlace => {
    for (let q = p; q !== ''; q = q.slice(0, q.lastIndexOf('/'))) {
      const line = lineOf.get(q);
      if (line !== undefined) return { kind: 'line', line, pointer: p };
    }
    return p === '/' || p === '' ? { kind: 'document' } : { kind: 'document', missing: p };
  };
  return readSpdxObject(doc, 'tag-value', placeOf);
}
