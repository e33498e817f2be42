import { createHash } from 'node:crypto';
import { loadJsZip } from '../../runtime/lazy-package.js';
import type { AttachmentMeta } from '../../core/assessment/assessment.types.js';
import type { Pack } from '../../core/packs/pack.types.js';
import type { Lang } from '../labels.js';
import { renderPdf } from '../pdf-browser.js';
import { craDeclarationBody, craOutlineBody, craTitles } from './cra-html.js';
import { etsiBody, jcStarBody, packDocument, type PackCtx } from './pack-html.js';
import { packLabels } from './pack-labels.js';
import { packWorkbook } from './pack-workbook.js';
import { pick } from '../labels.js';

/** The bytes behind a pack: evidence files and SBOMs by SHA-256. */
export interface PackBlobs {
  attachments: readonly { meta: AttachmentMeta; content: Buffer }[];
  sboms: readonly { filename: string; sha256: string; content: Uint8Array }[];
}

export interface PackFile {
  path: string;
  content: Buffer;
}

const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

/** A name safe inside a zip on every system: no folders, no control or reserved characters. */
export function safeName(name: string): string {
  const cleaned = name
    // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point.
    .replace(/[\u0000-\u001f\u007f/\\:*?"<>|]/g, '_')
    .replace(/^\.+/, '_')
    .trim();
  return cleaned.slice(0, 120) || 'file';
}

/** The path an evidence file takes in the pack: its hash keeps equal names apart. */
export function evidencePath(a: Pick<AttachmentMeta, 'sha256' | 'downloadName'>): string {
  return `evidence/${a.sha256.slice(0, 16)}-${safeName(a.downloadName)}`;
}

/** The documents of a pack (PDF, xlsx, JSON), named by scheme; drafts carry DRAFT in their names. */
export async function packDocuments(pack: Pack, lang: Lang): Promise<PackFile[]> {
  const ctx: PackCtx = { lang, L: packLabels[lang] };
  const mark = pack.check.state === 'draft' ? '-DRAFT' : '';
  const base = `${pack.scheme}-${lang}${mark}`;
  const title = pick(pack.header.schemeLabel, lang);
  const pdfs: PackFile[] = [];
  if (pack.scheme === 'jc-star-1') pdfs.push({ path: `${base}.pdf`, content: await renderPdf(packDocument(pack, lang, title, jcStarBody(ctx, pack))) });
  else if (pack.scheme === 'etsi-en-303-645')
    pdfs.push({ path: `${base}.pdf`, content: await renderPdf(packDocument(pack, lang, title, etsiBody(ctx, pack))) });
  else {
    const t = craTitles(lang);
    pdfs.push({ path: `${base}-technical-documentation.pdf`, content: await renderPdf(packDocument(pack, lang, t.outline, craOutlineBody(ctx, pack))) });
    // The declaration is always a draft: the manufacturer completes and signs it.
    pdfs.push({
      path: `eu-cra-${lang}-DRAFT-declaration-of-conformity.pdf`,
      content: await renderPdf(packDocument(pack, lang, t.declaration, craDeclarationBody(ctx, pack))),
    });
  }
  return [
    ...pdfs,
    { path: `${base}.xlsx`, content: await packWorkbook(pack, lang) },
    { path: `${base}.json`, content: Buffer.from(`${JSON.stringify(pack, null, 2)}\n`) },
  ];
}

/** Evidence files (each once) and, for the CRA, the SBOMs; every file's hash is checked against its name. */
export function evidenceFiles(blobs: PackBlobs): PackFile[] {
  const files = new Map<string, PackFile>();
  for (const { meta, content } of blobs.attachments) {
    if (sha256(content) !== meta.sha256) throw new Error(`evidence file ${meta.filename} does not match its SHA-256`);
    files.set(evidencePath(meta), { path: evidencePath(meta), content });
  }
  for (const s of blobs.sboms) {
    if (sha256(s.content) !== s.sha256) throw new Error(`SBOM ${s.filename} does not match its SHA-256`);
    const path = `sbom/${s.sha256.slice(0, 16)}-${safeName(s.filename)}`;
    files.set(path, { path, content: Buffer.from(s.content) });
  }
  return [...files.values()];
}

/** `sha256sum -c` format: one line per file, hash, two spaces, path. */
export function sha256Sums(files: readonly PackFile[]): string {
  return files.map((f) => `${sha256(f.content)}  ${f.path}\n`).join('');
}

/** The zip: documents, evidence, SHA256SUMS; entries dated at the pack's generation time, so equal packs zip alike. */
export async function packZip(files: readonly PackFile[], generatedAt: string): Promise<Buffer> {
  const zip = new (loadJsZip())();
  const date = new Date(generatedAt);
  const all = [...files].sort((a, b) => a.path.localeCompare(b.path));
  for (const f of all) zip.file(f.path, f.content, { date });
  zip.file('SHA256SUMS', sha256Sums(all), { date });
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 6 } });
}
