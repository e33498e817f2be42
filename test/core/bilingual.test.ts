import { describe, expect, it } from 'vitest';
import { bilingual, LANGS, type MessagesOf } from '../../src/core/bilingual.js';

const ja = {
  title: '版',
  count: (n: number) => `${n}件`,
  nested: { yes: 'はい', no: 'いいえ' },
} as const;

const table = bilingual(ja, {
  title: 'Edition',
  count: (n) => `${n} items`,
  nested: { yes: 'Yes', no: 'No' },
});

describe('bilingual', () => {
  it('holds the Japanese table as given and the English one beside it, one a language', () => {
    expect(Object.keys(table)).toEqual([...LANGS]);
    expect(table.ja).toBe(ja);
    expect(table.en.title).toBe('Edition');
    expect(table.en.count(3)).toBe('3 items');
    expect(table.ja.count(3)).toBe('3件');
    expect(table.en.nested).toEqual({ yes: 'Yes', no: 'No' });
  });

  it('types each language as the Japanese table with its texts widened to string', () => {
    const one: MessagesOf<typeof table> = table.en;
    const title: string = one.title;
    expect(title).toBe('Edition');
  });

  it('refuses, at compile time, an English table that misses a key, adds one or wants more arguments', () => {
    const missing = () =>
      // @ts-expect-error `title` is missing from the English table.
      bilingual(ja, { count: (n) => `${n} items`, nested: { yes: 'Yes', no: 'No' } });
    const extra = () =>
      bilingual(ja, {
        title: 'Edition',
        count: (n) => `${n} items`,
        // @ts-expect-error `maybe` is not a key of the Japanese table.
        nested: { yes: 'Yes', no: 'No', maybe: 'Maybe' },
      });
    const arity = () =>
      bilingual(ja, {
        title: 'Edition',
        // @ts-expect-error the Japanese function takes one argument.
        count: (n: number, total: number) => `${n} of ${total}`,
        nested: { yes: 'Yes', no: 'No' },
      });
    // The checks are the type checker's; at run time the tables are only paired.
    expect(Object.keys(missing())).toEqual(['ja', 'en']);
    expect(Object.keys(extra())).toEqual(['ja', 'en']);
    expect(Object.keys(arity())).toEqual(['ja', 'en']);
  });
});
