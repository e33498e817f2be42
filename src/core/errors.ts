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

export interface FieldError {
  path: string;
  message: string;
  /** A stable reason the UI can show in its own language (e.g. a password reason). */
  code?: string;
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
