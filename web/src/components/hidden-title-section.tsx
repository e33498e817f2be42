import type { CardSectionProps } from './card-section';

/** A section named by an h2 that only assistive technology reads: on screen its content says what it is. */
export function HiddenTitleSection({ id, title, className, children }: CardSectionProps & { className: string }) {
  return (
    <section className={className} aria-labelledby={id}>
      <h2 id={id} className="visually-hidden">
        {title}
      </h2>
      {children}
    </section>
  );
}
