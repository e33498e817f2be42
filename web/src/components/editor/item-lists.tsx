import { useId, useState } from 'react';
import { useLocalize, useT } from '../../i18n/i18n';
import { Link } from '../../router/router';
import { type DraftOverview, editorPaths } from './editor-api';

const fold = (text: string) => text.normalize('NFKC').toLowerCase();

/** Entries whose text contains every word of the filter. */
function useFilter<T>(items: T[], text: (item: T) => string) {
  const [query, setQuery] = useState('');
  const words = fold(query).split(/\s+/).filter(Boolean);
  const shown = words.length ? items.filter((item) => words.every((w) => fold(text(item)).includes(w))) : items;
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

/** The draft's requirements by number, each with a link to its form. */
export function RequirementList({ overview }: { overview: DraftOverview }) {
  const t = useT();
  const localize = useLocalize();
  const draftId = overview.draft.id;
  const { query, setQuery, shown } = useFilter(overview.requirements, (r) => `${r.number} ${r.id} ${r.title.ja} ${r.title.en}`);
  return (
    <div className="card">
      <div className="editor-list-head">
        <FilterBox value={query} onChange={setQuery} shown={shown.length} total={overview.requirements.length} />
        <Link className="button button-primary" to={editorPaths.newRequirement(draftId)}>
          {t.editor.addRequirement}
        </Link>
      </div>
      <div className="table-scroll">
        <table className="data-table editor-items">
          <thead>
            <tr>
              <th scope="col">{t.number}</th>
              <th scope="col">{t.title}</th>
              <th scope="col">{t.editor.itemId}</th>
              <th scope="col">
                <span className="visually-hidden">{t.editor.edit}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {shown.map((r) => (
              <tr key={r.id}>
                <td className="item-number">{r.number}</td>
                <td>{localize(r.title)}</td>
                <td>
                  <code>{r.id}</code>
                </td>
                <td>
                  <Link to={editorPaths.requirement(draftId, r.id)} aria-label={`${t.editor.edit}: ${r.number} ${localize(r.title)}`}>
                    {t.editor.edit}
                  </Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

/** The draft's glossary, each term with a link to its form. */
export function TermList({ overview }: { overview: DraftOverview }) {
  const t = useT();
  const localize = useLocalize();
  const draftId = overview.draft.id;
  const { query, setQuery, shown } = useFilter(overview.terms, (x) => `${x.id} ${x.term.ja} ${x.term.en} ${x.reading ?? ''}`);
  return (
    <div className="card">
      <div className="editor-list-head">
        <FilterBox value={query} onChange={setQuery} shown={shown.length} total={overview.terms.length} />
        <Link className="button button-primary" to={editorPaths.newTerm(draftId)}>
          {t.editor.addTerm}
        </Link>
      </div>
      <div className="table-scroll">
        <table className="data-table editor-items">
          <thead>
            <tr>
              <th scope="col">{t.editor.term}</th>
              <th scope="col">{t.editor.reading}</th>
              <th scope="col">{t.editor.itemId}</th>
              <th scope="col">
                <span className="visually-hidden">{t.editor.edit}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {shown.map((x) => (
              <tr key={x.id}>
                <td>{localize(x.term)}</td>
                <td lang="ja">{x.reading ?? ''}</td>
                <td>
                  <code>{x.id}</code>
                </td>
                <td>
                  <Link to={editorPaths.term(draftId, x.id)} aria-label={`${t.editor.edit}: ${localize(x.term)}`}>
                    {t.editor.edit}
                  </Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
