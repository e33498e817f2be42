import { DOCUMENT_PROBLEM_CATALOG, type FIELD_ERROR_PARAMS } from './document-problems.js';
import type { TextPlace } from './text-place.js';

/**
 * The one catalog of application errors. Codes are stable and appear in API
 * responses (problem+json `code`) and CLI output; HTTP statuses are mapped in
 * one place in src/server/problem.ts.
 */
export const ERROR_CATALOG = {
  'validation-failed': 'The input is not valid',
  unauthenticated: 'Login required',
  'invalid-credentials': 'Email or password is wrong',
  'login-blocked': 'Too many failed logins from this client',
  forbidden: 'Not allowed',
  'csrf-failed': 'Missing or wrong CSRF token',
  'not-found': 'Not found',
  conflict: 'Conflicts with the current state',
  immutable: 'Published editions cannot be changed',
  'setup-token-invalid': 'Setup link is invalid, used or expired',
  'setup-complete': 'Setup is already complete',
  'second-factor-required': 'Set up a second factor first',
  'rate-limited': 'Too many requests',
  'payload-too-large': 'Request too large',
  unavailable: 'Temporarily unavailable',
  internal: 'Internal error',
} as const;

export type ErrorCode = keyof typeof ERROR_CATALOG;

/**
 * Stable reasons for a field error (`errors[].code` of a problem): the web UI
 * shows each in its own language, API clients read the English `message`.
 * Every field error is raised with its code, chosen where it is raised (a zod
 * refinement carries it in the issue: core/zod-field-errors.ts); password
 * reasons (core/password-reasons.ts) and draft problems bring their own.
 * Problems of uploaded documents have their own codes (core/document-problems.ts)
 * and carry `params` (the bad value, the allowed ones) for the UI's sentence.
 */
export const FIELD_ERROR_CATALOG = {
  required: 'is required',
  'wrong-type': 'has the wrong type',
  'too-short': 'is too short',
  'too-long': 'is too long',
  'too-few': 'has too few entries',
  'too-many': 'has too many entries',
  'too-small': 'is too small',
  'too-large': 'is too large',
  'bad-format': 'has the wrong format',
  'not-allowed': 'is not one of the allowed values',
  'unknown-field': 'is not a known field',
  'nul-character': 'must not contain the NUL character (U+0000)',
  'control-characters': 'must not contain control characters',
  wrong: 'is wrong',
  'in-future': 'must not be in the future',
  'before-awareness': 'must not be before awareness',
  'already-exists': 'already exists',
  unknown: 'does not exist',
  missing: 'is missing',
  'note-required': 'needs a note',
  'required-to-send': 'is required before the report is marked sent',
  'earlier-report-unsent': 'the earlier report must be marked sent first',
  'corrective-missing': 'the corrective or mitigating measure must be recorded first',
  unassessed: 'items without a verdict (the problem lists their numbers in `unassessed`)',
  invalid: 'is not valid',
  ...DOCUMENT_PROBLEM_CATALOG,
} as const;

export type FieldErrorCode = keyof typeof FIELD_ERROR_CATALOG;

/** A parameter of a field error: a value, a number, or a list (of allowed values, say). */
export type FieldErrorParamValue = string | number | readonly string[];
export type FieldErrorParams = Readonly<Record<string, FieldErrorParamValue>>;

/** The codes whose sentence takes parameters, and the names of those (core/document-problems.ts). */
export type ParameterisedCode = keyof typeof FIELD_ERROR_PARAMS & FieldErrorCode;
/** The parameters a code's sentence takes, by name. */
export type FieldErrorParamsOf<C extends ParameterisedCode> = { readonly [N in (typeof FIELD_ERROR_PARAMS)[C][number]]: FieldErrorParamValue };

/**
 * A stable reason with the parameters its code declares, typed together:
 * `reason('not-a-verdict', { value, allowed })`. A code that declares
 * parameters cannot be raised without them (see {@link reasonAtNoKnownPlace}).
 */
export function reason<C extends FieldErrorCode>(
  code: C,
  ...params: C extends ParameterisedCode ? [FieldErrorParamsOf<C>] : []
): { code: C; params?: FieldErrorParams } {
  return params[0] === undefined ? { code } : { code, params: params[0] };
}

/** The codes whose only parameters are where in the text the problem was found. */
type PlacedCode = {
  [C in ParameterisedCode]: FieldErrorParamsOf<C> extends { readonly line: FieldErrorParamValue; readonly column: FieldErrorParamValue }
    ? keyof FieldErrorParamsOf<C> extends 'line' | 'column'
      ? C
      : never
    : never;
}[ParameterisedCode];

/**
 * A reason whose place in the text is not known (a parser refused what the
 * validator passed, and its error names no line): the UI says the code's plain
 * sentence, without a line and column.
 */
export function reasonAtNoKnownPlace<C extends PlacedCode>(code: C): { code: C } {
  return { code };
}

export interface FieldError {
  path: string;
  message: string;
  /** A stable reason the UI can show in its own language: a `FieldErrorCode`, a password reason or a draft problem's code. */
  code: string;
  /** What the UI puts into the code's sentence (the bad value, the allowed ones, the ids that disagree); names per code in FIELD_ERROR_PARAMS. */
  params?: FieldErrorParams;
  /** Where in an uploaded document, as data, when `path` names it in words (core/text-place.ts). */
  at?: TextPlace;
}

/** What a rule finds wrong with one value, before the caller names its place: the English message and its stable code. */
export interface ValueProblem {
  message: string;
  code: FieldErrorCode;
  params?: FieldErrorParams;
}

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    detail?: string,
    readonly errors?: FieldError[],
    /** Extension members of the problem document (RFC 9457 §3.2), e.g. the current state a conflict lost to. */
    readonly extensions?: Readonly<Record<string, unknown>>,
  ) {
    super(detail ?? ERROR_CATALOG[code]);
  }
}

/** The one way to refuse one input field: detail `path: message`, the field error with its stable code. */
export function validationError(path: string, message: string, code: FieldErrorCode): AppError {
  return new AppError('validation-failed', `${path}: ${message}`, [{ path, message, code }]);
}

/** The one way to refuse several fields at once: detail lists them (`path: message; …`) unless a summary is given. */
export function validationErrors(errors: readonly FieldError[], detail?: string): AppError {
  return new AppError('validation-failed', detail ?? errors.map((e) => `${e.path}: ${e.message}`).join('; '), [...errors]);
}
