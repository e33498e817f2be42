import { type FormEvent, useEffect, useState } from 'react';
import { useT } from '../i18n/i18n';
import { searchPath } from '../router/browse-paths';
import { navigate, useLocation, useSearchParam } from '../router/router';
import '../styles/browse.css';

/** Longest query the search API accepts (characters). */
const MAX_QUERY = 200;

/** The search field of the header; on the results page it shows the current query. */
export function SearchBox() {
  const t = useT();
  const { pathname } = useLocation();
  const q = useSearchParam('q');
  const onResults = pathname === '/search';
  const [value, setValue] = useState(onResults ? (q ?? '') : '');

  useEffect(() => {
    if (onResults) setValue(q ?? '');
  }, [onResults, q]);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const query = value.trim();
    if (query) navigate(searchPath(query));
  };

  return (
    <search className="header-search" aria-label={t.browse.searchLabel}>
      <form onSubmit={submit}>
        <label htmlFor="site-search" className="visually-hidden">
          {t.browse.searchLabel}
        </label>
        <input
          id="site-search"
          type="search"
          name="q"
          value={value}
          maxLength={MAX_QUERY}
          placeholder={t.browse.searchPlaceholder}
          autoComplete="off"
          onChange={(event) => setValue(event.target.value)}
        />
        <button type="submit" className="header-search-button" title={t.browse.search}>
          <span className="search-icon" aria-hidden="true" />
          <span className="visually-hidden">{t.browse.search}</span>
        </button>
      </form>
    </search>
  );
}
