import { expect, it } from 'vitest';
import { RecentMap } from '../../src/core/recent-map.js';

it('keeps at most its limit, dropping the entry used least recently', () => {
  const map = new RecentMap<string, number>(2);
  map.set('a', 1);
  map.set('b', 2);
  expect(map.get('a')).toBe(1);
  map.set('c', 3);
  expect(map.get('b')).toBeUndefined();
  expect(map.get('a')).toBe(1);
  expect(map.get('c')).toBe(3);
  map.set('a', 10);
  map.set('d', 4);
  expect(map.size).toBe(2);
  expect(map.get('c')).toBeUndefined();
  expect(map.get('a')).toBe(10);
  map.clear();
  expect(map.size).toBe(0);
});
