import { AppError, type FieldError } from '../core/errors.js';

/** The parts of a request a field can come in. */
type RequestPart = 'body' | 'query' | 'headers';

/**
 * Where a service's fields are in the request: each field name (the first
 * segment of a field error's path) to its place, e.g. `comment` → `body.comment`.
 */
export type FieldPlaces = Readonly<Record<string, string>>;

/** The named fields, all in one part of the request (`body.<field>`). */
export function fieldsIn(part: RequestPart, ...fields: string[]): FieldPlaces {
  return Object.fromEntries(fields.map((field) => [field, `${part}.${field}`]));
}

/** Every field of an input schema, all in one part of the request. */
export function fieldsOf(part: RequestPart, schema: { shape: object }): FieldPlaces {
  return fieldsIn(part, ...Object.keys(schema.shape));
}

/** The field errors of a refusal (invalid input, or a conflict naming fields) placed in the request; a field the route does not place keeps its path. */
function placed(error: AppError, places: FieldPlaces): AppError {
  const errors = error.errors ?? [];
  const moved = errors.map((e): FieldError => {
    const [field = '', ...rest] = e.path.split('.');
    const place = Object.hasOwn(places, field) ? places[field] : undefined;
    return place === undefined ? e : { ...e, path: [place, ...rest].join('.') };
  });
  return new AppError(error.code, placedDetail(error.message, errors, moved), moved, error.extensions);
}

/** A detail that lists the fields (the factory's default) lists them at their new places; one that opens with the first field's path opens with its place. */
function placedDetail(detail: string, errors: readonly FieldError[], moved: readonly FieldError[]): string {
  const listed = (list: readonly FieldError[]) => list.map((e) => `${e.path}: ${e.message}`).join('; ');
  if (detail === listed(errors)) return listed(moved);
  const [first, placedFirst] = [errors[0], moved[0]];
  if (first && placedFirst && detail.startsWith(`${first.path}: `)) return `${placedFirst.path}${detail.slice(first.path.length)}`;
  return detail;
}

/**
 * Calls a service and places its field errors in the request. Services name
 * fields as the domain knows them (`comment`, `items.3.requirementId`); the
 * route knows where each came in (`body.comment`), so the answer names that.
 */
export async function placingFields<T>(places: FieldPlaces, call: () => T | Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof AppError && error.errors?.length) throw placed(error, places);
    throw error;
  }
}
