/**
 * Sizes an xlsx (zip) declares, and what its entries really inflate to, checked
 * before exceljs opens it: a small upload that would expand to gigabytes (a zip
 * bomb) is refused up front. The declared sizes come from the central directory;
 * since they can lie, every deflated entry is then inflated once into nothing,
 * counting bytes and stopping at its declared size, so memory stays at one chunk.
 * Entry names that climb out (`../`) and XML parts with a DOCTYPE are refused too.
 */
import { createInflateRaw } from 'node:zlib';

/** Far above any real checksheet (300 filled items are about 2 MB of XML). */
export const MAX_UNZIPPED_BYTES = 256 * 1024 * 1024;
export const MAX_ZIP_ENTRIES = 10_000;

interface CentralEntry {
  name: string;
  method: number;
  compressedSize: number;
  declaredSize: number;
  localOffset: number;
}

/** The entries of the central directory, a refusal, or null when it cannot be parsed (exceljs then reports it damaged). */
function centralDirectory(data: Uint8Array): CentralEntry[] | string | null {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  // End of central directory record: 22 bytes plus a comment of up to 65535.
  let eocd = -1;
  for (let i = data.byteLength - 22; i >= Math.max(0, data.byteLength - 22 - 65_535); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const count = view.getUint16(eocd + 10, true);
  let offset = view.getUint32(eocd + 16, true);
  if (count > MAX_ZIP_ENTRIES) return `it holds ${count} files`;
  const entries: CentralEntry[] = [];
  let total = 0;
  for (let n = 0; n < count; n++) {
    if (offset + 46 > data.byteLength || view.getUint32(offset, true) !== 0x02014b50) return null;
    const declaredSize = view.getUint32(offset + 24, true);
    const nameLength = view.getUint16(offset + 28, true);
    const name = Buffer.from(data.buffer, data.byteOffset + offset + 46, Math.min(nameLength, Math.max(0, data.byteLength - offset - 46))).toString('utf8');
    // 0xFFFFFFFF: the real size is in a zip64 field; no workbook of ours is that large.
    if (declaredSize === 0xffffffff) return `it declares a file of 4 GB or more (${name})`;
    if (climbsOut(name)) return `it holds an entry named "${name}", which climbs out of the workbook`;
    total += declaredSize;
    if (total > MAX_UNZIPPED_BYTES) return `it would unpack to more than ${MAX_UNZIPPED_BYTES / 1024 / 1024} MB`;
    entries.push({
      name,
      method: view.getUint16(offset + 10, true),
      compressedSize: view.getUint32(offset + 20, true),
      declaredSize,
      localOffset: view.getUint32(offset + 42, true),
    });
    offset += 46 + nameLength + view.getUint16(offset + 30, true) + view.getUint16(offset + 32, true);
  }
  return entries;
}

/**
 * Why the zip must not be opened, including entries that inflate beyond the
 * size they declare; null when it may be handed to exceljs.
 */
export async function zipBombProblem(data: Uint8Array): Promise<string | null> {
  const entries = centralDirectory(data);
  if (entries === null || typeof entries === 'string') return entries;
  for (const entry of entries) {
    if (entry.method !== 8 && entry.method !== 0) continue;
    const local = entry.localOffset;
    if (local + 30 > data.byteLength) return null;
    const view = new DataView(data.buffer, data.byteOffset + local, 30);
    if (view.getUint32(0, true) !== 0x04034b50) return null;
    const start = local + 30 + view.getUint16(26, true) + view.getUint16(28, true);
    const end = Math.min(data.byteLength, start + entry.compressedSize);
    if (start > end) return null;
    const body = data.subarray(start, end);
    const inflated = entry.method === 8 ? await inflateCounting(body, entry.declaredSize) : { size: body.length, doctype: hasDoctype(body) };
    if (inflated === 'over') return `${entry.name} inflates to more than the ${entry.declaredSize} bytes it declares`;
    if (inflated?.doctype) return `${entry.name} holds a document type declaration (DOCTYPE), which is refused: its entities could expand without bound`;
  }
  return null;
}

/** An absolute name, a drive letter, a backslash or a ".." segment: never in a workbook. */
function climbsOut(name: string): boolean {
  return name.startsWith('/') || name.includes('\\') || /^[A-Za-z]:/.test(name) || name.split('/').includes('..');
}

/** A DOCTYPE or entity declaration in XML bytes (the markers are ASCII, whatever the encoding of the rest). */
function hasDoctype(bytes: Uint8Array): boolean {
  return /<!(DOCTYPE|ENTITY)/i.test(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1'));
}

/**
 * Inflates into nothing, watching for a DOCTYPE on the way; 'over' as soon as
 * more than `limit` bytes come out, null when the data is damaged (exceljs then says so).
 */
function inflateCounting(deflated: Uint8Array, limit: number): Promise<{ size: number; doctype: boolean } | 'over' | null> {
  return new Promise((resolve) => {
    const inflate = createInflateRaw();
    let size = 0;
    let doctype = false;
    // The last bytes of the previous chunk, so a marker split between two chunks is still seen.
    let tail: Buffer = Buffer.alloc(0);
    let done = false;
    const finish = (value: { size: number; doctype: boolean } | 'over' | null) => {
      if (done) return;
      done = true;
      inflate.destroy();
      resolve(value);
    };
    inflate.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) return finish('over');
      const window = Buffer.concat([tail, chunk]);
      if (hasDoctype(window)) doctype = true;
      tail = window.subarray(Math.max(0, window.length - 8));
    });
    inflate.on('end', () => finish({ size, doctype }));
    inflate.on('error', () => finish(null));
    inflate.end(deflated);
  });
}
