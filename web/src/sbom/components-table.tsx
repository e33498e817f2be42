import { useMemo, useState } from 'react';
import { useLanguage } from '../i18n/i18n';
import { sbomMessages } from '../i18n/messages-sbom';
import type { SbomComponentItem } from './sbom.types';
import { TableHead } from '../components/tables/table-head';

type SortKey = 'name' | 'version' | 'supplier';

/** The components of the latest SBOM, with search, a software/hardware filter and sorting. */
export function ComponentsTable({ components }: { components: SbomComponentItem[] }) {
  const m = sbomMessages[useLanguage().lang];
  const [query, setQuery] = useState('');
  const [kind, setKind] = useState<'all' | 'software' | 'hardware'>('all');
  const [sort, setSort] = useState<SortKey>('name');
  const rows = useMemo(() => {
    const q = query.trim().toLowerCase();
    return components
      .filter((c) => kind === 'all' || (kind === 'hardware') === c.hardware)
      .filter((c) => !q || `${c.name} ${c.version ?? ''} ${c.purl ?? ''} ${c.supplier ?? ''}`.toLowerCase().includes(q))
      .sort((a, b) => (a[sort] ?? '').localeCompare(b[sort] ?? ''));
  }, [components, query, kind, sort]);
  return (
    <section aria-label={m.components}>
      <h2>
        {m.components} ({rows.length}/{components.length})
      </h2>
      <div className="inline-form">
        <label>
          {m.search} <input type="search" value={query} onChange={(e) => setQuery(e.target.value)} />
        </label>
        <label>
          {m.filter}{' '}
          <select value={kind} onChange={(e) => setKind(e.target.value as typeof kind)}>
            <option value="all">{m.allComponents}</option>
            <option value="software">{m.software}</option>
            <option value="hardware">{m.hardware}</option>
          </select>
        </label>
        <label>
          {m.sortBy}{' '}
          <select value={sort} onChange={(e) => setSort(e.target.value as SortKey)}>
            <option value="name">{m.name}</option>
            <option value="version">{m.version}</option>
            <option value="supplier">{m.supplier}</option>
          </select>
        </label>
      </div>
      <table className="table">
        <TableHead columns={[m.name, m.version, 'purl', m.supplier, m.licences]} />
        <tbody>
          {rows.map((c) => (
            <tr key={c.ref}>
              <td>
                {c.name}
                {c.hardware ? ` (${m.hardware})` : ''}
              </td>
              <td>{c.version}</td>
              <td>{c.purl}</td>
              <td>{c.supplier}</td>
              <td>{c.licences.join(', ')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
