import type { ReactNode } from 'react';

/** A table that scrolls sideways on its own when it is wider than the page (`.table-scroll`), not the whole page. */
export function ScrollTable({ className, children }: { className?: string; children: ReactNode }) {
  return (
    <div className="table-scroll">
      <table className={className}>{children}</table>
    </div>
  );
}
