import type { ReactNode } from 'react';
import type { Localized } from '../../api/types';
import { useLocalize, useT } from '../../i18n/i18n';
import { requirementPath } from '../../router/paths';
import { Link } from '../../router/router';
import { TableHead } from './table-head';

/** A column after the number and the title: its header and each item's cell. */
export interface ItemColumn<Item> {
  header: string;
  className?: string;
  cellClassName?: string;
  cell: (item: Item) => ReactNode;
}

/** Guidebook items in a card: number, title linking to the item, then the caller's columns. */
export function GuidebookItemTable<Item extends { id: string; number: string; title: Localized }>({
  items,
  columns = [],
}: {
  items: readonly Item[];
  columns?: ItemColumn<Item>[];
}) {
  const t = useT();
  const localize = useLocalize();
  return (
    <div className="card card-flush">
      <table className="data-table item-table">
        <TableHead columns={[{ label: t.number, className: 'col-number' }, t.title, ...columns.map((c) => ({ label: c.header, className: c.className }))]} />
        <tbody>
          {items.map((item) => (
            <tr key={item.id}>
              <td className="col-number">
                <span className="item-number">{item.number}</span>
              </td>
              <td>
                <Link to={requirementPath(item.id)}>{localize(item.title)}</Link>
              </td>
              {columns.map((column) => (
                <td key={column.header} className={column.cellClassName}>
                  {column.cell(item)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
