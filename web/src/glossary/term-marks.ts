/**
 * Finding an item's glossary terms in its texts, so the page can link them.
 * Pure and DOM-free: the page renders the segments as React elements.
 */

export interface TermEntry {
  id: string;
  ja: string;
  en: string;
}

/** One spelling of a term to look for. */
export interface TermForm {
  termId: string;
  form: string;
  /** Latin spellings match case-insensitively and only as whole words. */
  latin: boolean;
}

/** A piece of text, linked to a term when `termId` is set. */
export interface TextSegment {
  text: string;
  termId?: string;
}

const PARENTHESISED = /^(.*?)\s*[（(]([^（）()]+)[）)]\s*$/u;
const LATIN = /^[\x20-\x7e]+$/;
const WORD_CHAR = /[A-Za-z0-9]/;

/**
 * The spellings of a term: the full form, and for "SBOM（ソフトウェア部品表）"
 * or "Certificate authority (CA)" also the part outside and the part inside
 * the parentheses, which is how running text usually names it.
 */
function spellings(term: string): string[] {
  const out = [term.trim()];
  const match = PARENTHESISED.exec(term);
  if (match) {
    for (const part of [match[1], match[2]]) {
      const text = part?.trim() ?? '';
      if (text.length >= 2) out.push(text);
    }
  }
  return out;
}

/** Every spelling of every term, longest first so "相互認証" wins over "認証". */
export function termForms(entries: readonly TermEntry[]): TermForm[] {
  const seen = new Set<string>();
  const forms: TermForm[] = [];
  for (const entry of entries) {
    for (const form of [...spellings(entry.ja), ...spellings(entry.en)]) {
      const latin = LATIN.test(form);
      const key = latin ? form.toLowerCase() : form;
      if (!form || seen.has(key)) continue;
      seen.add(key);
      forms.push({ termId: entry.id, form, latin });
    }
  }
  return forms.sort((a, b) => b.form.length - a.form.length);
}

/** Length of the match of `form` at `at`, or 0; Latin forms may take a plural "s"/"es". */
function matchAt(text: string, lower: string, at: number, form: TermForm): number {
  if (!form.latin) return text.startsWith(form.form, at) ? form.form.length : 0;
  if (!lower.startsWith(form.form.toLowerCase(), at)) return 0;
  if (at > 0 && WORD_CHAR.test(text.charAt(at - 1))) return 0;
  let end = at + form.form.length;
  if (lower.startsWith('es', end) && !WORD_CHAR.test(text.charAt(end + 2))) end += 2;
  else if (lower.startsWith('s', end) && !WORD_CHAR.test(text.charAt(end + 1))) end += 1;
  return WORD_CHAR.test(text.charAt(end)) ? 0 : end - at;
}

/**
 * Splits `text` into plain and term segments. Each term is linked at its
 * first occurrence only, as a reader needs one way in, not a page of links.
 */
export function markTerms(text: string, forms: readonly TermForm[]): TextSegment[] {
  if (forms.length === 0 || text.length === 0) return [{ text }];
  const lower = text.toLowerCase();
  const linked = new Set<string>();
  const segments: TextSegment[] = [];
  let plainStart = 0;
  let at = 0;
  while (at < text.length) {
    let found: { form: TermForm; length: number } | null = null;
    for (const form of forms) {
      if (linked.has(form.termId)) continue;
      const length = matchAt(text, lower, at, form);
      if (length > 0) {
        found = { form, length };
        break;
      }
    }
    if (!found) {
      at += 1;
      continue;
    }
    if (at > plainStart) segments.push({ text: text.slice(plainStart, at) });
    segments.push({ text: text.slice(at, at + found.length), termId: found.form.termId });
    linked.add(found.form.termId);
    at += found.length;
    plainStart = at;
  }
  if (plainStart < text.length) segments.push({ text: text.slice(plainStart) });
  return segments;
}
