import type { ReactNode } from 'react';

/** A row of chips, one per item (methods, terms, counts); each item is its own key, so items differ. */
export function Chips<T extends string>({ items, label, className }: { items: readonly T[]; label: (item: T) => ReactNode; className?: string }) {
  return (
    <ul className={className ? `chips ${className}` : 'chips'}>
      {items.map((item) => (
        <li key={item} className="chip">
          {label(item)}
        </li>
      ))}
    </ul>
  );
}
