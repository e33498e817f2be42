import type { ValueProblem } from './errors.js';

/**
 * Rules for free text typed by people, shared by every input path (API
 * bodies, workbook cells, CLI flags): one definition of a control
 * character, so that the same text is accepted or refused everywhere.
 */

/** The message of a schema refinement built on {@link noControls}. */
export const CONTROLS_MESSAGE = 'must not contain control characters';

/**
 * C0 controls, DEL and C1 controls break displays, spreadsheets (Excel
 * refuses most of them in a cell) and PostgreSQL text (NUL). Tab and line
 * breaks pass where text may span lines.
 */
function isControl(code: number, multiline: boolean): boolean {
  if (multiline && (code === 0x09 || code === 0x0a || code === 0x0d)) return false;
  return code < 0x20 || (code >= 0x7f && code <= 0x9f);
}

/** The first control character in the text, or null. */
export function firstControlCharacter(text: string, multiline: boolean): string | null {
  for (const ch of text) {
    if (isControl(ch.codePointAt(0) ?? 0, multiline)) return ch;
  }
  return null;
}

/** A predicate for schema refinements: true when the text has no control character. */
export function noControls(multiline: boolean): (text: string) => boolean {
  return (text) => firstControlCharacter(text, multiline) === null;
}

/** "contains a control character (U+0007); remove it", or null for clean text. */
export function controlCharacterProblem(text: string, multiline: boolean): ValueProblem | null {
  const found = firstControlCharacter(text, multiline);
  if (found === null) return null;
  const code = (found.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0');
  return { message: `contains a control character (U+${code}); remove it`, code: 'control-characters' };
}

/** The text without control characters: for text a program writes from outside data (banners, findings), never for what a person typed. */
export function withoutControls(text: string, multiline: boolean): string {
  let out = '';
  for (const ch of text) if (!isControl(ch.codePointAt(0) ?? 0, multiline)) out += ch;
  return out;
}

/** Line breaks as LF: what a browser's text field sends and a workbook cell reads back, so the same text compares equal. */
export function normaliseLineBreaks(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}

/** "is 10,001 characters long; the limit is 10,000", or null. */
export function lengthProblem(text: string, limit: number): ValueProblem | null {
  if (text.length <= limit) return null;
  return { message: `is ${text.length.toLocaleString('en')} characters long; the limit is ${limit.toLocaleString('en')}`, code: 'too-long', params: { limit } };
}
