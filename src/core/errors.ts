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
} as const;

export type FieldErrorCode = keyof typeof FIELD_ERROR_CATALOG;

export interface FieldError {
  path: string;
  message: string;
  /** A stable reason the UI can show in its own language: a `FieldErrorCode`, a password reason or a draft problem's code. */
  code: string;
}

/** What a rule finds wrong with one value, before the caller names its place: the English message and its stable code. */
export interface ValueProblem {
  message: string;
  code: FieldErrorCode;
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
