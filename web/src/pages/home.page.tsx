import type { ReactNode } from 'react';
import { MatrixTable } from '../components/matrix-table';
import { usePageTitle } from '../components/page-title';
import { ErrorView, Loading, Notice } from '../components/status';
import { useEdition } from '../edition/edition';
import { useLocalize, useT } from '../i18n/i18n';
import { useSession } from '../session/session';

/** The layer × phase matrix of the current edition. */
export function HomePage() {
  const t = useT();
  const localize = useLocalize();
  const session = useSession();
  const { editions, current, matrix, retry } = useEdition();
  usePageTitle(t.matrixTitle);

  let body: ReactNode;
  if (editions.status === 'error') body = <ErrorView error={editions.error} onRetry={retry} />;
  else if (editions.status === 'loading') body = <Loading />;
  else if (!current) body = <Notice kind="info">{t.noEdition}</Notice>;
  else if (matrix.status === 'error') body = <ErrorView error={matrix.error} onRetry={retry} />;
  else if (matrix.status === 'loading') body = <Loading />;
  else {
    body = (
      <>
        <div className="section-head">
          <p className="lead">{t.matrixIntro}</p>
          <p className="total">{t.totalItems(matrix.data.total)}</p>
        </div>
        <MatrixTable matrix={matrix.data} />
      </>
    );
  }

  return (
    <section aria-labelledby="home-title">
      {session.setupRequired ? <Notice kind="info">{t.setupRequiredNotice}</Notice> : null}
      <div className="page-head">
        <h1 id="home-title">{t.matrixTitle}</h1>
        {current ? <p className="page-sub">{localize(current.title)}</p> : null}
      </div>
      {body}
    </section>
  );
}
