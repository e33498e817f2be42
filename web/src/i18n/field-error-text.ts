/**
 * Field errors in the UI language, pure (no React), so tests and page models
 * can use it: what ServerProblemList, forms and notices show for each field
 * error the server lists.
 */
import { FIELD_ERROR_PARAMS } from '../../../src/core/document-problems.js';
import type { FieldError, FieldErrorParams, ParameterisedCode } from '../../../src/core/errors.js';
import { type Messages, messages } from './messages.js';
import { securityReasonText } from './messages-security.js';

/**
 * One field error in the UI language: the sentence we keep for its exact
 * server wording, else the sentence of its code made from its params (the bad
 * value, the allowed ones), else its code's plain sentence (a field-error or
 * password-reason code); the English message only when the UI is English and
 * nothing else fits.
 */
export function fieldErrorText(t: Messages, error: FieldError): string {
  const lang = t === messages.en ? 'en' : 'ja';
  const known = t.editor.problemMessages[error.message];
  if (known) return known;
  const detailed = detailedText(t, error);
  if (detailed) return detailed;
  if (error.code && Object.hasOwn(t.fieldErrors, error.code)) return t.fieldErrors[error.code as keyof Messages['fieldErrors']];
  const reason = securityReasonText(lang, error.code);
  if (reason) return reason;
  return lang === 'en' ? error.message : t.fieldErrors.invalid;
}

/** The sentence of a code that carries params, when the error brings every one its code declares (FIELD_ERROR_PARAMS). */
function detailedText(t: Messages, error: FieldError): string | undefined {
  const { code, params } = error;
  if (!params || !Object.hasOwn(t.fieldErrorDetails, code) || !Object.hasOwn(FIELD_ERROR_PARAMS, code)) return undefined;
  const names: readonly string[] = FIELD_ERROR_PARAMS[code as ParameterisedCode];
  if (!names.every((name) => Object.hasOwn(params, name) && isParamValue(params[name]))) return undefined;
  // Every name the code declares is present, so its sentence gets what its type asks for.
  const sentence = t.fieldErrorDetails[code as ParameterisedCode] as (p: FieldErrorParams) => string;
  return sentence(params);
}

const isParamValue = (v: unknown): boolean => typeof v === 'string' || typeof v === 'number' || (Array.isArray(v) && v.every((x) => typeof x === 'string'));

/**
 * The place of a listed problem in the UI language: where the server sends it
 * as data (`at`: the file, a line and column, a line and what it holds) it is
 * said the UI's way; otherwise (cells, ids, JSON pointers) `path` as it is.
 */
export function problemPlaceText(t: Messages, problem: Pick<FieldError, 'path' | 'at'>): string {
  const at = problem.at;
  if (!at) return problem.path;
  const p = t.problemPlaces;
  if (at.kind === 'file') return p.file;
  const place =
    at.kind === 'document'
      ? at.missing === undefined
        ? p.document
        : p.documentMissing(at.missing)
      : at.kind === 'pointer'
        ? at.pointer
        : at.column !== undefined
          ? p.lineColumn(String(at.line), String(at.column))
          : at.pointer !== undefined
            ? p.lineAt(String(at.line), at.pointer)
            : p.line(String(at.line));
  if (!at.part) return place;
  return p.withPart(place, 'hash' in at.part ? p.parts.hash(at.part.hash) : p.parts[at.part.field]);
}
