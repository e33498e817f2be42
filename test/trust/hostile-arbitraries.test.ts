import fc from 'fast-check';
import { expect, it } from 'vitest';
import { checkPrototypesAfterEach, inheritedKeys, mutatedJson } from './hostile-arbitraries.js';

checkPrototypesAfterEach();

it('mutating a value whose objects own a "__proto__" key never writes into Object.prototype', () => {
  // JSON.parse makes "__proto__" an own key; deleting it first and then writing below it
  // once walked through the inherited accessor into Object.prototype itself.
  const value = JSON.parse('{"__proto__":{"k":{"j":1}},"a":[1,{"__proto__":{"m":2}}],"b":{"__proto__":[3]}}') as unknown;
  const copies = fc.sample(mutatedJson(value), { numRuns: 3000, seed: 7 });
  expect(inheritedKeys()).toEqual([]);
  // Places below an own "__proto__" key are still changed (as own keys, as JSON.parse would make them).
  const below = copies.filter((c) => {
    const own = c && typeof c === 'object' && Object.hasOwn(c, '__proto__') ? Object.getOwnPropertyDescriptor(c, '__proto__')?.value : undefined;
    return own && typeof own === 'object' && JSON.stringify(own) !== '{"k":{"j":1}}';
  });
  expect(below.length).toBeGreaterThan(10);
});
