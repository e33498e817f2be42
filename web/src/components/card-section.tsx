import type { ReactNode } from 'react';

/** What a card section is given: its h2's id, which names it, the h2's text, and the body. */
export interface CardSectionProps {
  id: string;
  title: string;
  children: ReactNode;
}

/** A card section named by its h2; `className` is its look (a detail page's section, a part of the editor form). */
export function CardSection({ id, title, className, children }: CardSectionProps & { className: string }) {
  return (
    <section className={`card ${className}`} aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}
