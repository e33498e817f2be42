import { describe, expect, it } from 'vitest';
import { FIELD_ERROR_PARAMS } from '../../src/core/document-problems.js';
import { FIELD_ERROR_CATALOG, reason, reasonAtNoKnownPlace } from '../../src/core/errors.js';

describe('reasons and their params', () => {
  it('a code that declares params is raised with them; one without takes none', () => {
    expect(reason('not-a-verdict', { value: '済', allowed: ['pass', 'fail'] })).toEqual({
      code: 'not-a-verdict',
      params: { value: '済', allowed: ['pass', 'fail'] },
    });
    expect(reason('note-required')).toEqual({ code: 'note-required' });
    // The compiler refuses a declared code without its params, and params it does not declare.
    // @ts-expect-error not-a-verdict declares value and allowed
    reason('not-a-verdict');
    // @ts-expect-error note-required declares no params
    reason('note-required', { value: 'x' });
  });

  it('only a code placed by line and column may be raised where no place is known', () => {
    expect(reasonAtNoKnownPlace('not-xml')).toEqual({ code: 'not-xml' });
    // @ts-expect-error not-a-verdict names values, not a place
    reasonAtNoKnownPlace('not-a-verdict');
  });

  it('every code with params is in the catalog', () => {
    for (const code of Object.keys(FIELD_ERROR_PARAMS)) expect(Object.hasOwn(FIELD_ERROR_CATALOG, code), code).toBe(true);
  });
});
