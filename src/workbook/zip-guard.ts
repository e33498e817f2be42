/**
 * Sizes an xlsx (zip) declares before anything is inflated, so a small upload
 * that would expand to gigabytes (a zip bomb) is refused up front. It reads
 * the central directory only; exceljs does the real reading afterwards.
 */

/** Far above any real checksheet (300 filled items are about 2 MB of XML). */
export const MAX_UNZIPPED_BYTES = 256 * 1024 * 1024;
const MAX_ENTRIES = 10_000;

/** Why the zip must not be opened, or null when its declared sizes are reasonable (or it cannot be parsed: exceljs then reports it damaged). */
export function zipSizeProblem(data: Uint8Array): string | null {
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
  const entries = view.getUint16(eocd + 10, true);
  let offset = view.getUint32(eocd + 16, true);
  if (entries > MAX_ENTRIES) return `it holds ${entries} files`;
  let total = 0;
  for (let n = 0; n < entries; n++) {
    if (offset + 46 > data.byteLength || view.getUint32(offset, true) !== 0x02014b50) return null;
    const size = view.getUint32(offset + 24, true);
    // 0xFFFFFFFF: the real size is in a zip64 field; no workbook of ours is that large.
    if (size === 0xffffffff) return 'it declares a file of 4 GB or more';
    total += size;
    if (total > MAX_UNZIPPED_BYTES) return `it would unpack to more than ${MAX_UNZIPPED_BYTES / 1024 / 1024} MB`;
    offset += 46 + view.getUint16(offset + 28, true) + view.getUint16(offset + 30, true) + view.getUint16(offset + 32, true);
  }
  return null;
}
