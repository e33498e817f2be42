import { type ReactNode, useId, useState } from 'react';
import { useLocalize, useT } from '../../i18n/i18n';
import { Link } from '../../router/router';
import { type DraftOverview, editorPaths } from './editor-api';
import { TableHead } from '../tables/table-head';
import { ScrollTable } from '../tables/scroll-table';
import { containsEveryWord } from '../../search/every-word';

/** Entries whose text contains every word of the filter. */
function useFilter<T>(items: T[], text: (item: T) => string) {
  const [query, setQuery] = useState('');
  const shown = items.filter((item) => containsEveryWord(text(item), query));
  return { query, setQuery, shown };
}

function FilterBox({ value, onChange, shown, total }: { value: string; onChange: (v: string) => void; shown: number; total: number }) {
  const t = useT();
  const id = useId();
  return (
    <div className="editor-filter">
      <label htmlFor={id}>{t.editor.filterItems}</label>
      <input id={id} type="search" value={value} onChange={(e) => onChange(e.target.value)} />
      <p className="editor-count" aria-live="polite">
        {t.editor.shownOf(shown, total)}
      </p>
    </div>
  );
}

/** A filtered table of the draft's entries, each with a link to its form, and a button to add one. */
function EntryTable<T extends { id: string }>({
  entries,
  filterText,
  add,
  headers,
  cells,
  edit,
}: {
  entries: T[];
  filterText: (entry: T) => string;
  add: { to: string; label: string };
  headers: [string, string];
  cells: (entry: T) => ReactNode[];
  edit: (entry: T) => { to: string; label: string };
}) {
  const t = useT();
  const { query, setQuery, shown } = useFilter(entries, filterText);
  return (
    <div className="card">
      <div className="editor-list-head">
        <FilterBox value={query} onChange={setQuery} shown={shown.length} total={entries.length} />
        <Link className="button button-primary" to={add.to}>
          {add.label}
        </Link>
      </div>
      <ScrollTable className="data-table editor-items">
        <TableHead columns={[...headers, t.editor.itemId, { label: t.editor.edit, hidden: true }]} />
        <tbody>
          {shown.map((entry) => (
            <tr key={entry.id}>
              {cells(entry)}
              <td>
                <code>{entry.id}</code>
              </td>
              <td>
                <Link to={edit(entry).to} aria-label={`${t.editor.edit}: ${edit(entry).label}`}>
                  {t.editor.edit}
                </Link>
              </td>
            </tr>
          ))}
        </tbody>
      </ScrollTable>
    </div>
  );
}

/** The draft's requirements by number, each with a link to its form. */
export function RequirementList({ overview }: { overview: DraftOverview }) {
  const t = useT();
  const localize = useLocalize();
  const draftId = overview.draft.id;
  return (
    <EntryTable
      entries={overview.requirements}
      filterText={(r) => `${r.number} ${r.id} ${r.title.ja} ${r.title.en}`}
      add={{ to: editorPaths.newRequirement(draftId), label: t.editor.addRequirement }}
      headers={[t.number, t.title]}
      cells={(r) => [
        <td key="number" className="item-number">
          {r.number}
        </td>,
        <td key="title">{localize(r.title)}</td>,
      ]}
      edit={(r) => ({ to: editorPaths.requirement(draftId, r.id), label: `${r.number} ${localize(r.title)}` })}
    />
  );
}

/** The draft's glossary, each term with a link to its form. */
export function TermList({ overview }: { overview: DraftOverview }) {
  const t = useT();
  const localize = useLocalize();
  const draftId = overview.draft.id;
  return (
    <EntryTable
      entries={overview.terms}
      filterText={(x) => `${x.id} ${x.term.ja} ${x.term.en} ${x.reading ?? ''}`}
      add={{ to: editorPaths.newTerm(draftId), label: t.editor.addTerm }}
      headers={[t.editor.term, t.editor.reading]}
      cells={(x) => [
        <td key="term">{localize(x.term)}</td>,
        <td key="reading" lang="ja">
          {x.reading ?? ''}
        </td>,
      ]}
      edit={(x) => ({ to: editorPaths.term(draftId, x.id), label: localize(x.term) })}
    />
  );
}
