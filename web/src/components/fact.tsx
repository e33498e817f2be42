import type { ReactNode } from 'react';

/** One fact of a `<dl>` of facts: its name and its value, grouped in a div (so a grid can lay the pairs out). */
export function Fact({ label, className, children }: { label: ReactNode; className?: string; children: ReactNode }) {
  return (
    <div className={className}>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}
