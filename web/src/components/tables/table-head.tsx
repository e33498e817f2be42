/**
 * A column's header: its text, with a class where the column needs one
 * (`num`, `col-count` ...); `hidden` keeps the text for screen readers only.
 */
export type Column = string | { label: string; className?: string; hidden?: boolean };

/** A table's head: one row of column headers; an empty label is a column without a header (one of buttons, say). */
export function TableHead({ columns }: { columns: Column[] }) {
  return (
    <thead>
      <tr>
        {columns.map((column, index) => {
          const { label, className, hidden } = typeof column === 'string' ? { label: column } : column;
          return (
            <th key={label || `blank-${index}`} scope="col" className={className}>
              {hidden ? <span className="visually-hidden">{label}</span> : label}
            </th>
          );
        })}
      </tr>
    </thead>
  );
}
