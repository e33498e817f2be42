import { Link } from '../router/router';
import '../styles/record-lists.css';

/**
 * A list page's filter by status: "all" first, then one link per status, so
 * each filter has its own URL; the current one is marked for the eye and for
 * assistive technology.
 */
export function StatusFilter<S extends string>({
  label,
  statuses,
  current,
  path,
  messages,
}: {
  /** The nav's accessible name. */
  label: string;
  statuses: readonly S[];
  current: S | null;
  /** The list's URL filtered by a status, or unfiltered for null. */
  path: (status: S | null) => string;
  /** The list's messages: the "all" link's text and each status's name. */
  messages: { all: string; statuses: Record<S, string> };
}) {
  const options: (S | null)[] = [null, ...statuses];
  return (
    <nav className="proposal-filter" aria-label={label}>
      <ul className="link-row">
        {options.map((option) => (
          <li key={option ?? 'all'}>
            <Link to={path(option)} aria-current={option === current ? 'page' : undefined} className={option === current ? 'is-active' : undefined}>
              {option ? messages.statuses[option] : messages.all}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
