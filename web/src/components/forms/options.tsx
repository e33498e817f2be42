import type { ReactNode } from 'react';

/**
 * The <option>s of a select, one an item: `value` gives its value (the item
 * itself for strings) and `label` its text.
 */
export function Options<T>({ of, value = String, label }: { of: readonly T[]; value?: (item: T) => string; label: (item: T) => ReactNode }) {
  return (
    <>
      {of.map((item) => (
        <option key={value(item)} value={value(item)}>
          {label(item)}
        </option>
      ))}
    </>
  );
}
