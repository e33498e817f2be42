import { describe, expect, it } from 'vitest';
import { jsonWithShared } from '../../src/server/json-once.js';

describe('jsonWithShared', () => {
  const items = [{ requirementId: 'r-1', title: { ja: '認証', en: 'Authentication "quoted"' } }];

  it('is the JSON of the whole value, in UTF-8, with the shared part under its name', () => {
    const bytes = jsonWithShared({ id: 'a-1', answers: [{ verdict: 'pass' }] }, 'items', items);
    expect(Buffer.isBuffer(bytes)).toBe(true);
    expect(JSON.parse(bytes.toString('utf8'))).toEqual({ items, id: 'a-1', answers: [{ verdict: 'pass' }] });
  });

  it('makes valid JSON when nothing but the shared part is sent', () => {
    expect(JSON.parse(jsonWithShared({}, 'items', items).toString('utf8'))).toEqual({ items });
  });

  it('serialises the shared object once: a later change to it is not seen (shared objects must not change)', () => {
    const shared = [{ n: 1 }];
    const first = jsonWithShared({ a: 1 }, 'items', shared).toString('utf8');
    shared.push({ n: 2 });
    expect(jsonWithShared({ a: 2 }, 'items', shared).toString('utf8')).toBe(first.replace('"a":1', '"a":2'));
    expect(JSON.parse(jsonWithShared({ a: 3 }, 'items', [...shared]).toString('utf8')).items).toEqual([{ n: 1 }, { n: 2 }]);
  });
});
