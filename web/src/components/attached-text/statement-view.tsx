import type { StatementPart } from './attached-text.types';

/** A publisher's statement with its lettered and numbered sub-items, in English (lang="en"). */
export function StatementView({ part }: { part: StatementPart }) {
  return (
    <div className="publisher-statement" lang="en">
      {part.text ? <p>{part.text}</p> : null}
      {part.items?.length ? <StatementItems items={part.items} /> : null}
    </div>
  );
}

function StatementItems({ items }: { items: StatementPart[] }) {
  return (
    <ul className="statement-items">
      {items.map((item) => (
        <li key={`${item.label ?? ''}|${item.text}`}>
          {item.label ? <span className="statement-label">{item.label}.</span> : null} {item.text}
          {item.items?.length ? <StatementItems items={item.items} /> : null}
        </li>
      ))}
    </ul>
  );
}
