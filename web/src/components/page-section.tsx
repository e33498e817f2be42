import { type ReactNode, useId } from 'react';
import type { User } from '../api/types';
import { Link } from '../router/router';
import { RequireAdmin, RequireUser } from './guards/require-user';
import { Breadcrumbs, type Crumb } from './breadcrumbs';
import { usePageTitle } from './page-title';

/**
 * A page's frame: the breadcrumb trail ending in the page itself, the head
 * with the page's h1 (a line under it, a link to a neighbouring page), an
 * optional lead paragraph, then the page's body. The section is named by its
 * h1, and the browser tab shows the title too.
 */
export function PageSection({
  title,
  parents = [],
  crumb = title,
  tabTitle = title,
  sub,
  related,
  lead,
  className,
  head = 'div',
  children,
}: {
  title: string;
  /** The crumbs between home and this page. */
  parents?: Crumb[];
  /** This page's own crumb, where it is shorter than the title. */
  crumb?: string;
  /** The tab's title, where it is not the h1's. */
  tabTitle?: string;
  sub?: string;
  /** A page the reader may want next, linked under the sub line. */
  related?: { to: string; label: string };
  lead?: string;
  className?: string;
  /** The head's element: a plain div or a header landmark. */
  head?: 'div' | 'header';
  children: ReactNode;
}) {
  usePageTitle(tabTitle);
  const id = useId();
  const Head = head;
  return (
    <section aria-labelledby={id} className={className}>
      <Breadcrumbs trail={[...parents, { label: crumb }]} />
      <Head className="page-head">
        <h1 id={id}>{title}</h1>
        {sub === undefined ? null : <p className="page-sub">{sub}</p>}
        {related === undefined ? null : (
          <p>
            <Link to={related.to}>{related.label} →</Link>
          </p>
        )}
      </Head>
      {lead === undefined ? null : <p className="lead">{lead}</p>}
      {children}
    </section>
  );
}

/** A page without a trail: a section named by its h1, whose text is also the document's title. */
export function TitledSection({ title, children }: { title: string; children: ReactNode }) {
  usePageTitle(title);
  const id = useId();
  return (
    <section aria-labelledby={id}>
      <h1 id={id}>{title}</h1>
      {children}
    </section>
  );
}

/** A TitledSection whose body is for a signed-in user; anyone else gets the login prompt under the title. */
export function SignedInSection({ title, children }: { title: string; children: (user: User) => ReactNode }) {
  return (
    <TitledSection title={title}>
      <RequireUser>{children}</RequireUser>
    </TitledSection>
  );
}

/** A TitledSection whose body is for an administrator; anyone else is told the page is not theirs. */
export function AdminSection({ title, children }: { title: string; children: ReactNode }) {
  return (
    <TitledSection title={title}>
      <RequireAdmin>{children}</RequireAdmin>
    </TitledSection>
  );
}
