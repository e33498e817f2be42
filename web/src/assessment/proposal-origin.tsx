import type { ChecksheetOrigin } from '../../../src/core/proposals.js';
import type { User } from '../api/types';
import { useT } from '../i18n/i18n';
import { assessmentPath, itemAnchor } from '../router/assessment-paths';
import { requirementPath } from '../router/paths';
import { Link } from '../router/router';
import { canAssess } from './roles';

/** The origin of a proposal from the API, if it is a checksheet flag. */
export function checksheetOrigin(proposal: object): ChecksheetOrigin | null {
  const origin = (proposal as { origin?: ChecksheetOrigin | null }).origin;
  return origin?.kind === 'checksheet' ? origin : null;
}

/** The flag's kind as a badge (text, not colour alone). */
export function OriginBadge({ origin }: { origin: ChecksheetOrigin }) {
  const t = useT();
  return <span className="origin-badge">{t.proposalOrigin.badge(t.assessments.defectKinds[origin.defectKind] ?? origin.defectKind)}</span>;
}

/** Badge, link to the requirement, and for assessors and admins the assessment it came from. */
export function ProposalOriginLine({ origin, user }: { origin: ChecksheetOrigin; user: User }) {
  const t = useT();
  return (
    <p className="proposal-origin">
      <OriginBadge origin={origin} /> <Link to={requirementPath(origin.requirementId)}>{t.proposalOrigin.item(origin.no)}</Link>
      {canAssess(user) ? (
        <>
          {' · '}
          <Link to={`${assessmentPath(origin.assessmentId)}#${itemAnchor(origin.requirementId)}`}>{t.proposalOrigin.assessment}</Link>
        </>
      ) : null}
    </p>
  );
}
