import { useLocalize, useT } from '../../i18n/i18n';
import { requirementPath } from '../../router/paths';
import { Link } from '../../router/router';
import { editorPaths } from '../editor/editor-api';
import { Notice } from '../status';
import { useDateTime } from '../../i18n/date-time';
import { ProposalStatusBadge } from './proposal-status';
import type { Proposal, ProposalLink } from './proposal-types';
import { Fact } from '../fact';

function LinkedRequirement({ link, canEdit }: { link: ProposalLink; canEdit: boolean }) {
  const t = useT();
  const localize = useLocalize();
  const label = (
    <>
      <span className="item-number">{link.number}</span> <span>{localize(link.title)}</span>
    </>
  );
  if (link.kind === 'existing') {
    return (
      <>
        <p className="outcome-link-kind">{t.proposals.linkedExisting(link.editionId)}</p>
        <p className="outcome-link">
          <Link to={requirementPath(link.requirementId)}>{label}</Link>
        </p>
      </>
    );
  }
  return (
    <>
      <p className="outcome-link-kind">{t.proposals.linkedDraft(link.draftId)}</p>
      <p className="outcome-link">{label}</p>
      <p className="field-hint">{t.proposals.linkedDraftNote}</p>
      {canEdit ? (
        <p>
          <Link className="button" to={editorPaths.requirement(link.draftId, link.requirementId)}>
            {t.proposals.editInDraft}
          </Link>
        </p>
      ) : null}
    </>
  );
}

/** What the editors decided: shown to the submitting organisation and to editors (who may open the draft item). */
export function ProposalOutcome({ proposal, canEdit }: { proposal: Proposal; canEdit: boolean }) {
  const t = useT();
  const dateTime = useDateTime();
  const decision = proposal.decision;
  if (proposal.status === 'submitted' || !decision) return <Notice kind="info">{t.proposals.awaiting}</Notice>;

  return (
    <section className={`card proposal-outcome proposal-outcome-${proposal.status}`} aria-labelledby="proposal-outcome-title">
      <h2 id="proposal-outcome-title">
        {t.proposals.outcome}: <ProposalStatusBadge status={proposal.status} />
      </h2>
      <dl className="proposal-facts">
        <Fact label={t.proposals.decidedAt}>{dateTime(decision.decidedAt)}</Fact>
        {decision.decidedBy ? <Fact label={t.proposals.decidedBy}>{decision.decidedBy.displayName}</Fact> : null}
      </dl>
      {decision.link ? (
        <div className="outcome-block">
          <h3>{t.requirement}</h3>
          <LinkedRequirement link={decision.link} canEdit={canEdit} />
        </div>
      ) : null}
      {decision.reason ? (
        <div className="outcome-block">
          <h3>{proposal.status === 'rejected' ? t.proposals.reason : t.proposals.note}</h3>
          <p className="proposal-text">{decision.reason}</p>
        </div>
      ) : null}
    </section>
  );
}
