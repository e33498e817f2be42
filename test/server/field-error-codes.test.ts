import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AppError, FIELD_ERROR_CATALOG, type FieldError } from '../../src/core/errors.js';
import { fieldCodeOf, problemOf } from '../../src/server/problem.js';
import { parseInput } from '../../src/server/validate-input.js';

function refusal(schema: z.ZodType, value: unknown): AppError {
  try {
    parseInput(schema, value);
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('accepted');
}

describe('field errors carry a stable code the UI translates', () => {
  it('zod issues map to codes of the catalog, keeping the English message', () => {
    const schema = z.object({
      name: z.string().min(1),
      note: z.string().max(3),
      tags: z.array(z.string()).min(1),
      kind: z.enum(['a', 'b']),
      mail: z.email(),
    });
    const error = refusal(schema, { note: 'long', tags: [], kind: 'c', mail: 'x' });
    const byPath = Object.fromEntries((error.errors ?? []).map((e) => [e.path, e]));
    expect(byPath['body.name']).toMatchObject({ code: 'required', message: 'is required' });
    expect(byPath['body.note']?.code).toBe('too-long');
    expect(byPath['body.tags']?.code).toBe('too-few');
    expect(byPath['body.kind']?.code).toBe('not-allowed');
    expect(byPath['body.mail']?.code).toBe('bad-format');
    for (const e of error.errors ?? []) expect(Object.hasOwn(FIELD_ERROR_CATALOG, e.code ?? '')).toBe(true);
  });

  it('a problem gives every field error a code; a code the error brings is kept', () => {
    const problem = problemOf('validation-failed', 'x', '/api/x', [
      { path: 'awareAt', message: 'must not be in the future' },
      { path: 'password', message: 'The password must have at least 12 characters.', code: 'password-too-short' },
      { path: 'odd', message: 'something no rule names' },
    ]);
    expect(problem.errors?.map((e) => e.code)).toEqual(['in-future', 'password-too-short', 'invalid']);
    expect(problem.errors?.[0]?.message).toBe('must not be in the future');
  });

  it('an odd field error (no message, no path) still leaves as a coded field error: the error handler never throws', () => {
    const odd = [
      { path: '', message: undefined },
      { path: 'x', message: 42, code: 7 },
    ] as unknown as FieldError[];
    const problem = problemOf('validation-failed', 'x', '/api/x', odd);
    expect(problem.errors).toEqual([
      { path: 'body', message: 'The input is not valid', code: 'invalid' },
      { path: 'x', message: '42', code: 'invalid' },
    ]);
    expect(fieldCodeOf(undefined)).toBe('invalid');
  });

  it.each([
    ['is required for members', 'required'],
    ['already exists', 'already-exists'],
    ['is wrong or expired', 'wrong'],
    ['must not contain the NUL character (U+0000)', 'nul-character'],
    ['unknown organisation', 'unknown'],
    ['a disputed mapping needs a note', 'note-required'],
    ['must not be before awareness', 'before-awareness'],
    ['is required before the report is marked sent', 'required'],
  ])('services’ English wording "%s" maps to the code %s', (wording, code) => {
    expect(fieldCodeOf(wording)).toBe(code);
  });
});
