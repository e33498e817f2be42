import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AppError, FIELD_ERROR_CATALOG, type FieldError } from '../../src/core/errors.js';
import { coded } from '../../src/core/zod-field-errors.js';
import { problemOf } from '../../src/server/problem.js';
import { parseInput } from '../../src/server/validate-input.js';
import { describeEachDatabase } from '../helpers/each-database.js';
import { accountsPlatform } from './accounts.fixture.js';

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

  it('a field the input leaves out is required, whatever zod says; a field sent with the wrong type is not', () => {
    const schema = z.object({ name: z.string({ error: 'give a name' }), inner: z.object({ n: z.number() }), tag: z.string() });
    const error = refusal(schema, { inner: {}, tag: null });
    const byPath = Object.fromEntries((error.errors ?? []).map((e) => [e.path, e]));
    expect(byPath['body.name']).toEqual({ path: 'body.name', message: 'is required', code: 'required' });
    expect(byPath['body.inner.n']).toEqual({ path: 'body.inner.n', message: 'is required', code: 'required' });
    expect(byPath['body.tag']?.code).toBe('wrong-type');
  });

  it('a refinement carries its code in the issue; one without a code is invalid', () => {
    const schema = z
      .object({ at: z.string().refine((v) => v < '2000', coded('must not be in the future', 'in-future')), other: z.string().refine((v) => v === 'x', 'odd') })
      .superRefine((_, ctx) => ctx.addIssue({ code: 'custom', ...coded('a disputed mapping needs a note', 'note-required', ['note']) }));
    const error = refusal(schema, { at: '2100', other: 'y' });
    expect(error.errors).toEqual([
      { path: 'body.at', message: 'must not be in the future', code: 'in-future' },
      { path: 'body.other', message: 'odd', code: 'invalid' },
      { path: 'body.note', message: 'a disputed mapping needs a note', code: 'note-required' },
    ]);
  });

  it('a problem keeps the code each field error brings', () => {
    const problem = problemOf('validation-failed', 'x', '/api/x', [
      { path: 'awareAt', message: 'must not be in the future', code: 'in-future' },
      { path: 'password', message: 'The password must have at least 12 characters.', code: 'password-too-short' },
    ]);
    expect(problem.errors?.map((e) => e.code)).toEqual(['in-future', 'password-too-short']);
    expect(problem.errors?.[0]?.message).toBe('must not be in the future');
  });

  it('an odd field error (no message, no path, no code) still leaves as a coded field error: the error handler never throws', () => {
    const odd = [
      { path: '', message: undefined },
      { path: 'x', message: 42, code: 7 },
      { path: 'y', message: 'something no rule names' },
    ] as unknown as FieldError[];
    const problem = problemOf('validation-failed', 'x', '/api/x', odd);
    expect(problem.errors).toEqual([
      { path: 'body', message: 'The input is not valid', code: 'invalid' },
      { path: 'x', message: '42', code: 'invalid' },
      { path: 'y', message: 'something no rule names', code: 'invalid' },
    ]);
  });
});

describeEachDatabase('the API sends each field error with the code its raiser chose', (get) => {
  let p: Awaited<ReturnType<typeof accountsPlatform>>;
  let org = '';
  beforeAll(async () => {
    p = await accountsPlatform(get().store);
    org = await p.organisation('Acme IoT');
  });
  afterAll(async () => p.app.close());

  const errorsOf = (r: { json: () => unknown }) => (r.json() as { errors: FieldError[] }).errors;

  /** An id of the same shape that names nothing: the last digit changed (a fixed digit would be the real one in 1 of 16 runs). */
  const otherId = (id: string) => `${id.slice(0, -1)}${id.endsWith('0') ? '1' : '0'}`;

  it('required, already exists, too long, unknown, control characters', async () => {
    const missing = await p.admin.request('POST', '/api/users/invitations', { email: 'm@acme.test', role: 'member', organisationId: null });
    expect(errorsOf(missing)).toEqual([{ path: 'organisationId', message: 'is required for members', code: 'required' }]);
    const dup = await p.admin.request('POST', '/api/organisations', { name: 'Acme IoT' });
    expect(errorsOf(dup)).toEqual([{ path: 'name', message: 'already exists', code: 'already-exists' }]);
    const long = await p.admin.request('POST', '/api/organisations', { name: 'x'.repeat(201) });
    expect(errorsOf(long).map((e) => [e.path, e.code])).toEqual([['body.name', 'too-long']]);
    const unknown = await p.admin.request('POST', '/api/users/invitations', { email: 'u@acme.test', role: 'member', organisationId: otherId(org) });
    expect(errorsOf(unknown)).toEqual([{ path: 'organisationId', message: 'unknown organisation', code: 'unknown' }]);
    const controls = await p.admin.request('POST', '/api/proposals', { title: 'a\u0007b', text: 'why', requirementId: null });
    expect(errorsOf(controls).find((e) => e.path === 'body.title')?.code).toBe('control-characters');
  });

  it('an e-mail address already registered is already-exists', async () => {
    const user = { email: 'twice@acme.test', displayName: '二度目', role: 'assessor', password: 'correct horse battery staple 42', organisationId: null };
    expect((await p.admin.request('POST', '/api/admin/users', user)).statusCode).toBe(201);
    const again = await p.admin.request('POST', '/api/admin/users', user);
    expect(again.statusCode).toBe(409);
    expect(errorsOf(again)).toEqual([{ path: 'email', message: 'already registered', code: 'already-exists' }]);
  });
});
