import { describe, expect, it } from 'vitest';
import { AppError, validationError, validationErrors } from '../../src/core/errors.js';
import { fieldsIn, placingFields } from '../../src/server/field-places.js';

const refusal = async (error: AppError, places = fieldsIn('body', 'comment', 'items')) =>
  placingFields(places, () => {
    throw error;
  }).catch((e: unknown) => e as AppError);

describe('a route places the fields a service names', () => {
  it('places each named field and its sub-path, and lists the detail again at the new places', async () => {
    const e = await refusal(
      validationErrors([
        { path: 'comment', message: 'is required', code: 'required' },
        { path: 'items.3.requirementId', message: 'is listed twice', code: 'invalid' },
      ]),
    );
    expect(e.errors).toEqual([
      { path: 'body.comment', message: 'is required', code: 'required' },
      { path: 'body.items.3.requirementId', message: 'is listed twice', code: 'invalid' },
    ]);
    expect(e.message).toBe('body.comment: is required; body.items.3.requirementId: is listed twice');
  });

  it('leaves fields it does not place (a workbook place, an already placed path) and a detail of its own', async () => {
    const e = await refusal(
      validationErrors(
        [
          { path: 'answers.12.evidence', message: 'is too long', code: 'too-long' },
          { path: 'body.comment', message: 'is required', code: 'required' },
        ],
        'two problems',
      ),
    );
    expect(e.errors?.map((f) => f.path)).toEqual(['answers.12.evidence', 'body.comment']);
    expect(e.message).toBe('two problems');
  });

  it('a detail opening with the field names it at its place; a conflict naming fields is placed too', async () => {
    const own = await refusal(
      validationErrors([{ path: 'standard', message: 'is not a standard of draft D', code: 'invalid' }], 'standard: X is not a standard of draft D'),
      fieldsIn('query', 'standard'),
    );
    expect(own.message).toBe('query.standard: X is not a standard of draft D');
    const conflict = await refusal(new AppError('conflict', 'already answered: 1.1', [{ path: 'items.0', message: 'already answered', code: 'invalid' }]));
    expect(conflict.code).toBe('conflict');
    expect(conflict.errors?.[0]?.path).toBe('body.items.0');
  });

  it('passes a result, and an error without field errors, through unchanged', async () => {
    await expect(placingFields(fieldsIn('body', 'comment'), () => 42)).resolves.toBe(42);
    const plain = new AppError('not-found');
    await expect(placingFields(fieldsIn('body', 'comment'), () => Promise.reject(plain))).rejects.toBe(plain);
    expect((await refusal(validationError('q', 'is blank', 'required'), fieldsIn('query', 'q'))).message).toBe('query.q: is blank');
  });
});
