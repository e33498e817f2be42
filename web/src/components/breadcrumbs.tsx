import { useT } from '../i18n/i18n';
import { Link } from '../router/router';

export interface Crumb {
  label: string;
  to?: string;
}

/** Home › … › current page; the last crumb is the page itself. */
export function Breadcrumbs({ trail }: { trail: Crumb[] }) {
  const t = useT();
  const crumbs: Crumb[] = [{ label: t.home, to: '/' }, ...trail];
  return (
    <nav className="breadcrumbs" aria-label={t.breadcrumb}>
      <ol className="link-row">
        {crumbs.map((crumb, index) => {
          const last = index === crumbs.length - 1;
          return (
            <li key={`${crumb.to ?? ''}|${crumb.label}`}>
              {crumb.to && !last ? <Link to={crumb.to}>{crumb.label}</Link> : <span aria-current={last ? 'page' : undefined}>{crumb.label}</span>}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
