import { usePageTitle } from '../components/page-title';
import { useT } from '../i18n/i18n';
import { Link } from '../router/router';

export function NotFoundPage() {
  const t = useT();
  usePageTitle(t.notFoundTitle);
  return (
    <section className="card card-narrow" aria-labelledby="not-found-title">
      <h1 id="not-found-title">{t.notFoundTitle}</h1>
      <p>{t.errorNotFound}</p>
      <Link to="/">{t.backHome}</Link>
    </section>
  );
}
