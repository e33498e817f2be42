import type { ReactNode } from 'react';
import { Breadcrumbs, type Crumb } from './breadcrumbs';
import { usePageTitle } from './page-title';

/**
 * A page's frame: the breadcrumb trail, the head with the page's h1 (and a
 * line under it), an optional lead paragraph, then the page's body; the
 * section is named by its h1.
 */
export function PageSection({
  id,
  title,
  trail,
  sub,
  lead,
  className,
  head = 'div',
  children,
}: {
  /** The h1's id, which names the section. */
  id: string;
  title: string;
  trail: Crumb[];
  sub?: string;
  lead?: string;
  className?: string;
  /** The head's element: a plain div or a header landmark. */
  head?: 'div' | 'header';
  children: ReactNode;
}) {
  const Head = head;
  return (
    <section aria-labelledby={id} className={className}>
      <Breadcrumbs trail={trail} />
      <Head className="page-head">
        <h1 id={id}>{title}</h1>
        {sub === undefined ? null : <p className="page-sub">{sub}</p>}
      </Head>
      {lead === undefined ? null : <p className="lead">{lead}</p>}
      {children}
    </section>
  );
}

/** A page without a trail: a section named by its h1, whose text is also the document's title. */
export function TitledSection({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  usePageTitle(title);
  return (
    <section aria-labelledby={id}>
      <h1 id={id}>{title}</h1>
      {children}
    </section>
  );
}
