import type { DerivedLink } from '../api/assessment.types';
import { useLocalize, useT } from '../i18n/i18n';
import { assessmentPath, itemAnchor } from '../router/assessment-paths';
import { Link } from '../router/router';
import { VerdictBadge } from './verdict';

/** The check items behind a standard requirement, each with its verdict in words. */
export function DerivedLinks({ assessmentId, links }: { assessmentId: string; links: DerivedLink[] }) {
  const t = useT();
  const localize = useLocalize();
  if (links.length === 0) return <span className="muted">—</span>;
  return (
    <ul className="derived-links">
      {links.map((l) => (
        <li key={l.requirementId}>
          <Link to={`${assessmentPath(assessmentId)}#${itemAnchor(l.requirementId)}`}>
            <span className="item-number">{l.no}</span> {localize(l.title)}
          </Link>{' '}
          {l.verdict ? <VerdictBadge verdict={l.verdict} /> : <span className="muted">{t.results.notInChecksheet}</span>}
        </li>
      ))}
    </ul>
  );
}
