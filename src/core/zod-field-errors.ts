import type { z } from 'zod';
import { FIELD_ERROR_CATALOG, type FieldError, type FieldErrorCode } from './errors.js';

/**
 * Zod issues as field errors with stable codes: the one translation, for
 * input checked at the API's edge and for input a service checks again.
 * A schema's own rule (a refinement) names its code where it is written:
 * `.refine(ok, coded('must not repeat an id', 'invalid'))`.
 */

/** A refinement's message with its stable code (and, for an object's rule, the field it is about). */
export function coded(
  message: string,
  code: FieldErrorCode,
  path?: PropertyKey[],
): { message: string; params: { code: FieldErrorCode }; path?: PropertyKey[] } {
  return path === undefined ? { message, params: { code } } : { message, path, params: { code } };
}

/** The field errors of a failed parse of `input`, each at `prefix.path`; a field the input leaves out is `required`. */
export function fieldErrorsOf(issues: readonly z.core.$ZodIssue[], input: unknown, prefix: readonly string[] = []): FieldError[] {
  return issues.map((issue) => {
    const path = [...prefix, ...issue.path.map(String)].join('.');
    if (isMissing(issue, input)) return { path, message: 'is required', code: 'required' };
    return { path, message: issue.message, code: codeOfIssue(issue) };
  });
}

/** Whether an issue is about a field the input leaves out: judged by the input, never by zod's wording. */
export function isMissing(issue: z.core.$ZodIssue, input: unknown): boolean {
  return issue.code === 'invalid_type' && valueAt(input, issue.path) === undefined;
}

/** The value at a path of the input; undefined when a key on the way is absent. */
function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let node = input;
  for (const key of path) {
    if (node === null || typeof node !== 'object' || !Object.hasOwn(node, key)) return undefined;
    node = (node as Record<PropertyKey, unknown>)[key];
  }
  return node;
}

/** The stable field-error code of a zod issue; a refinement's is the one it carries (see {@link coded}). */
export function codeOfIssue(issue: z.core.$ZodIssue): FieldErrorCode {
  switch (issue.code) {
    case 'invalid_type':
      return 'wrong-type';
    case 'too_small':
      if (issue.origin === 'string') return Number(issue.minimum) <= 1 ? 'required' : 'too-short';
      return issue.origin === 'array' || issue.origin === 'set' ? 'too-few' : 'too-small';
    case 'too_big':
      if (issue.origin === 'string') return 'too-long';
      return issue.origin === 'array' || issue.origin === 'set' ? 'too-many' : 'too-large';
    case 'invalid_format':
      return 'bad-format';
    case 'invalid_value':
      return 'not-allowed';
    case 'unrecognized_keys':
      return 'unknown-field';
    case 'custom': {
      const code: unknown = issue.params?.code;
      return typeof code === 'string' && Object.hasOwn(FIELD_ERROR_CATALOG, code) ? (code as FieldErrorCode) : 'invalid';
    }
    default:
      return 'invalid';
  }
}
