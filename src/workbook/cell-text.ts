import type { CellValue } from 'exceljs';

/**
 * What a cell shows, as text: rich text joined, a formula's (or shared
 * formula's) cached result, a hyperlink's text, numbers and dates written
 * plainly; line breaks as \n. (exceljs has already decoded Excel's "_x0007_"
 * escapes.) undefined for a formula without a cached result (written by a
 * program that does not calculate), whose value is unknown.
 */
export function cellText(value: CellValue): string | undefined {
  const text = rawText(value);
  return text === undefined ? undefined : text.replace(/\r\n?/g, '\n');
}

function rawText(value: CellValue): string | undefined {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('formula' in value || 'sharedFormula' in value) return value.result === undefined ? undefined : rawText(value.result);
  if ('hyperlink' in value) return rawText(value.text as CellValue);
  if ('error' in value) return value.error;
  return '';
}
