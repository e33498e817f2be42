import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, ERROR_CATALOG, type ErrorCode, type FieldError } from '../core/errors.js';

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
 * Every field error leaves with the stable code its raiser chose. This runs
 * inside the error handler, where a throw would turn a refusal into a 500: an
 * odd entry (no message, no code, a code that is not text; only code from
 * outside ours can build one) still leaves as a field error, coded `invalid`.
 */
function withCode(error: FieldError): FieldError {
  const message = typeof error?.message === 'string' ? error.message : String(error?.message ?? ERROR_CATALOG['validation-failed']);
  const path = typeof error?.path === 'string' && error.path.length > 0 ? error.path : 'body';
  const code = typeof error?.code === 'string' && error.code.length > 0 ? error.code : 'invalid';
  return { ...error, path, message, code };
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
      code: 'invalid',
    }));
    return sendProblem(reply, problemOf('validation-failed', errors.map((e) => `${e.path}: ${e.message}`).join('; '), instance, errors));
  }
  if (fe.statusCode === 429) return sendProblem(reply, problemOf('rate-limited', 'too many requests; slow down', instance));
  if (fe.statusCode === 413)
    return sendProblem(reply, problemOf('payload-too-large', fe.message, instance, [{ path: 'body', message: fe.message, code: 'too-large' }]));
  if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500) {
    return sendProblem(
      reply,
      problemOf('validation-failed', fe.message, instance, [{ path: placeOfFastifyError(fe.code), message: fe.message, code: 'invalid' }]),
    );
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
