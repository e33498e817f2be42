import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, ERROR_CATALOG, type ErrorCode, type FieldError, type FieldErrorCode } from '../core/errors.js';

/** The one place that maps application errors to HTTP statuses. */
const STATUS: Record<ErrorCode, number> = {
  'validation-failed': 400,
  unauthenticated: 401,
  'invalid-credentials': 401,
  'login-blocked': 429,
  forbidden: 403,
  'csrf-failed': 403,
  'not-found': 404,
  conflict: 409,
  immutable: 409,
  'setup-token-invalid': 400,
  'setup-complete': 409,
  'second-factor-required': 403,
  'rate-limited': 429,
  'payload-too-large': 413,
  unavailable: 503,
  internal: 500,
};

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: ErrorCode;
  instance: string;
  errors?: FieldError[];
}

export function problemOf(code: ErrorCode, detail: string, instance: string, errors?: FieldError[], extensions?: Readonly<Record<string, unknown>>): Problem {
  return {
    ...extensions,
    type: `urn:tebiki:problem:${code}`,
    title: ERROR_CATALOG[code],
    status: STATUS[code],
    detail,
    code,
    instance,
    ...(errors?.length ? { errors: errors.map(withCode) } : {}),
  };
}

/**
 * Every field error leaves with a stable code the UI can translate; one it
 * brings is kept. This runs inside the error handler, where a throw would turn
 * a refusal into a 500: an odd entry (no message, a code that is not text)
 * still leaves as a field error, never as an exception.
 */
function withCode(error: FieldError): FieldError {
  const message = typeof error?.message === 'string' ? error.message : String(error?.message ?? ERROR_CATALOG['validation-failed']);
  const path = typeof error?.path === 'string' && error.path.length > 0 ? error.path : 'body';
  const code = typeof error?.code === 'string' && error.code.length > 0 ? error.code : fieldCodeOf(message);
  return { ...error, path, message, code };
}

/** The code of a field error raised with only an English message (services name the reason in words); anything else is `invalid`. */
export function fieldCodeOf(message: unknown): FieldErrorCode {
  if (typeof message !== 'string') return 'invalid';
  const m = message.toLowerCase();
  if (/^(is required|must not be empty|must not be blank)\b/.test(m) || m.includes('is required')) return 'required';
  if (m.includes('nul character')) return 'nul-character';
  if (m.includes('control character')) return 'control-characters';
  if (m.includes('already exists')) return 'already-exists';
  if (/^is wrong\b/.test(m)) return 'wrong';
  if (m.includes('in the future')) return 'in-future';
  if (m.includes('before awareness')) return 'before-awareness';
  if (m.includes('needs a note')) return 'note-required';
  if (/\b(unknown|does not exist|not a version|not an active member|not a known)\b/.test(m)) return 'unknown';
  if (/\bmissing\b/.test(m)) return 'missing';
  if (/too long|at most \d|too big|too large/.test(m)) return 'too-long';
  if (/too short|at least \d/.test(m)) return 'too-short';
  if (/^must (look like|be (lower-case|percent-encoded|a valid|an? ))/.test(m)) return 'bad-format';
  return 'invalid';
}

export function sendProblem(reply: FastifyReply, problem: Problem): FastifyReply {
  return reply.status(problem.status).type('application/problem+json').send(problem);
}

/** Fastify error handler: every error leaves as RFC 9457 problem+json; internals are logged, never shown. */
export function handleError(error: FastifyError | AppError, request: FastifyRequest, reply: FastifyReply) {
  const instance = request.url.split('?')[0] ?? request.url;
  if (error instanceof AppError) {
    return sendProblem(reply, problemOf(error.code, error.message, instance, error.errors, error.extensions));
  }
  const fe = error as FastifyError;
  if (fe.validation) {
    const errors = fe.validation.map((v) => ({
      path: `${fe.validationContext ?? 'body'}${v.instancePath.replaceAll('/', '.')}${
        (v.params as { missingProperty?: string }).missingProperty ? `.${(v.params as { missingProperty: string }).missingProperty}` : ''
      }`,
      message: v.message ?? 'is invalid',
    }));
    return sendProblem(reply, problemOf('validation-failed', errors.map((e) => `${e.path}: ${e.message}`).join('; '), instance, errors));
  }
  if (fe.statusCode === 429) return sendProblem(reply, problemOf('rate-limited', 'too many requests; slow down', instance));
  if (fe.statusCode === 413) return sendProblem(reply, problemOf('payload-too-large', fe.message, instance, [{ path: 'body', message: fe.message }]));
  if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500) {
    return sendProblem(reply, problemOf('validation-failed', fe.message, instance, [{ path: placeOfFastifyError(fe.code), message: fe.message }]));
  }
  request.log.error({ err: error }, 'unhandled error');
  return sendProblem(reply, problemOf('internal', 'an internal error occurred; it has been logged', instance));
}

/** The part of the request a Fastify 4xx is about: an empty or malformed JSON body names `body`. */
function placeOfFastifyError(code: string | undefined): string {
  if (code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' || code === 'FST_ERR_CTP_INVALID_TYPE') return 'headers.content-type';
  if (code === 'FST_ERR_CTP_INVALID_CONTENT_LENGTH') return 'headers.content-length';
  if (code?.startsWith('FST_ERR_CTP')) return 'body';
  if (code === 'FST_ERR_BAD_URL' || code === 'FST_ERR_MAX_PARAM_LENGTH') return 'url';
  return 'request';
}
