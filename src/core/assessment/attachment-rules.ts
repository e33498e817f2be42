/**
 * Evidence files attached to answers: which types are accepted, how their
 * content is checked against the type claimed, and how names are made safe
 * to store and to send back in a download header. Pure.
 */

export const ATTACHMENT_TYPES = [
  'image/png',
  'image/jpeg',
  'application/pdf',
  'text/plain',
  'text/csv',
  'application/json',
  'application/zip',
  'application/vnd.tcpdump.pcap',
] as const;
export type AttachmentType = (typeof ATTACHMENT_TYPES)[number];

export const ATTACHMENT_LIMITS = { maxBytes: 10 * 1024 * 1024, filename: 200 } as const;

const TEXT_TYPES: ReadonlySet<AttachmentType> = new Set(['text/plain', 'text/csv', 'application/json']);

/** The media type without parameters, lower case ("Text/Plain; charset=utf-8" → "text/plain"). */
export function bareMediaType(header: string | undefined): string {
  return (header ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
}

export function isAttachmentType(value: string): value is AttachmentType {
  return (ATTACHMENT_TYPES as readonly string[]).includes(value);
}

const startsWith = (data: Uint8Array, ...signature: number[]) => signature.every((b, i) => data[i] === b);

/** File signatures of the binary types; a pcap may be classic (either byte order, µs or ns) or pcapng. */
const SIGNATURES: Partial<Record<AttachmentType, number[][]>> = {
  'image/png': [[0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]],
  'image/jpeg': [[0xff, 0xd8, 0xff]],
  'application/pdf': [[0x25, 0x50, 0x44, 0x46, 0x2d]],
  'application/zip': [
    [0x50, 0x4b, 0x03, 0x04],
    [0x50, 0x4b, 0x05, 0x06],
  ],
  'application/vnd.tcpdump.pcap': [
    [0xa1, 0xb2, 0xc3, 0xd4],
    [0xd4, 0xc3, 0xb2, 0xa1],
    [0xa1, 0xb2, 0x3c, 0x4d],
    [0x4d, 0x3c, 0xb2, 0xa1],
    [0x0a, 0x0d, 0x0d, 0x0a],
  ],
};

export type AttachmentProblem = { kind: 'unsupported-type' | 'too-large' | 'empty' | 'content-mismatch'; message: string };

/** Why the content cannot be kept under the claimed type, or null when it can. */
export function attachmentProblem(mediaType: string, data: Uint8Array): AttachmentProblem | null {
  if (!isAttachmentType(mediaType)) {
    return { kind: 'unsupported-type', message: `"${mediaType}" is not accepted; send one of ${ATTACHMENT_TYPES.join(', ')}` };
  }
  if (data.length === 0) return { kind: 'empty', message: 'the file is empty' };
  if (data.length > ATTACHMENT_LIMITS.maxBytes) return { kind: 'too-large', message: `the file is larger than ${ATTACHMENT_LIMITS.maxBytes} bytes (10 MiB)` };
  const signatures = SIGNATURES[mediaType];
  if (signatures && !signatures.some((s) => startsWith(data, ...s))) {
    return { kind: 'content-mismatch', message: `the content is not a ${mediaType} file (its first bytes do not match)` };
  }
  if (TEXT_TYPES.has(mediaType)) {
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(data);
    } catch {
      return { kind: 'content-mismatch', message: `${mediaType} must be UTF-8 text` };
    }
    if (text.includes('\u0000')) return { kind: 'content-mismatch', message: `${mediaType} must be text (it contains NUL bytes)` };
    if (mediaType === 'application/json') {
      try {
        JSON.parse(text.replace(/^\uFEFF/, ''));
      } catch {
        return { kind: 'content-mismatch', message: 'application/json must be valid JSON' };
      }
    }
  }
  return null;
}

/** The extensions a file of each accepted type may carry; the first is the one a download gets. */
const TYPE_EXTENSIONS: Record<AttachmentType, readonly string[]> = {
  'image/png': ['png'],
  'image/jpeg': ['jpg', 'jpeg', 'jpe'],
  'application/pdf': ['pdf'],
  'text/plain': ['txt', 'text', 'log', 'conf', 'cfg', 'ini', 'md', 'yaml', 'yml', 'toml', 'pem', 'crt', 'csr', 'asc', 'sig'],
  'text/csv': ['csv', 'tsv'],
  'application/json': ['json', 'jsonl', 'ndjson'],
  'application/zip': ['zip'],
  'application/vnd.tcpdump.pcap': ['pcap', 'pcapng', 'cap'],
};

/**
 * Extensions that make a file open as something other than the accepted
 * types: a name ending in one of these claims a type no attachment has.
 */
const FOREIGN_EXTENSIONS = new Set(
  (
    'html htm xhtml shtml mht mhtml svg svgz xml xsl xslt js mjs cjs css wasm swf hta htc url webloc desktop lnk ' +
    'exe com scr pif msi msix dll bat cmd ps1 psm1 vbs vbe wsf wsh jar apk app dmg sh bash zsh py pl rb php jsp asp aspx ' +
    'gif webp bmp ico tif tiff heic avif doc docx docm xls xlsx xlsm ppt pptx pptm odt ods odp rtf eml msg ' +
    'gz tgz bz2 xz 7z rar tar iso'
  ).split(' '),
);

/** Text types share their extensions: a CSV or JSON file is plain text too. */
function extensionsOf(mediaType: AttachmentType): readonly string[] {
  return TEXT_TYPES.has(mediaType) ? [...TYPE_EXTENSIONS[mediaType], ...[...TEXT_TYPES].flatMap((t) => TYPE_EXTENSIONS[t])] : TYPE_EXTENSIONS[mediaType];
}

/** The lower-case extension of a name without its dot, or "" when it has none. */
export function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
}

/**
 * Why a file's name contradicts its checked content, or null. A name ending in
 * the extension of another accepted type, or of a type that opens as a page,
 * a program or a document (`poly.html` holding a PNG), is refused; an
 * extension we do not know (`.dump`) claims nothing.
 */
export function filenameProblem(name: string, mediaType: AttachmentType): string | null {
  const ext = extensionOf(name);
  if (!ext || extensionsOf(mediaType).includes(ext)) return null;
  const otherAccepted = ATTACHMENT_TYPES.some((t) => TYPE_EXTENSIONS[t].includes(ext));
  if (!otherAccepted && !FOREIGN_EXTENSIONS.has(ext)) return null;
  return `the name ends in ".${ext}" but the content is ${mediaType}; rename the file to .${TYPE_EXTENSIONS[mediaType][0]}`;
}

/**
 * The name a download is offered under: the stored name when its extension
 * fits the content, else the stored name with the content's extension added
 * (`capture.dump` → `capture.dump.pcap`), so no saved file opens as another type.
 */
export function downloadFilename(name: string, mediaType: string): string {
  if (!isAttachmentType(mediaType)) return `${name}.bin`;
  if (extensionsOf(mediaType).includes(extensionOf(name))) return name;
  return `${name}.${TYPE_EXTENSIONS[mediaType][0]}`;
}

/**
 * A file name safe to store and show: the last path segment, NFC, without
 * control or reserved characters, no leading dots, at most the limit (the
 * extension kept). Null when nothing usable is left.
 */
export function sanitiseFilename(raw: string): string | null {
  const last = raw.normalize('NFC').split(/[/\\]/).pop() ?? '';
  let name = '';
  for (const ch of last) {
    const c = ch.codePointAt(0) ?? 0;
    const control = c < 0x20 || (c >= 0x7f && c < 0xa0) || c === 0x2028 || c === 0x2029 || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069);
    name += control || '<>:"|?*'.includes(ch) ? '_' : ch;
  }
  name = name.trim().replace(/^\.+/, '').trim();
  if (name === '' || /^_+$/.test(name)) return null;
  const chars = [...name];
  if (chars.length > ATTACHMENT_LIMITS.filename) {
    const dot = name.lastIndexOf('.');
    const ext = dot > 0 && name.length - dot <= 10 ? name.slice(dot) : '';
    name = chars.slice(0, ATTACHMENT_LIMITS.filename - [...ext].length).join('') + ext;
  }
  return name;
}

/** An ASCII rendering of a name for old clients: anything else becomes "_". */
export function asciiFilename(name: string): string {
  const ascii = name.replace(/[^A-Za-z0-9._ -]/g, '_');
  const dot = ascii.lastIndexOf('.');
  const stem = dot > 0 ? ascii.slice(0, dot) : ascii;
  return /[A-Za-z0-9]/.test(stem) ? ascii : `download${dot > 0 ? ascii.slice(dot) : ''}`;
}

/** Content-Disposition with an ASCII fallback and the exact UTF-8 name (RFC 6266 / RFC 5987). */
export function contentDisposition(name: string, disposition: 'attachment' | 'inline' = 'attachment'): string {
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${disposition}; filename="${asciiFilename(name)}"; filename*=UTF-8''${encoded}`;
}
