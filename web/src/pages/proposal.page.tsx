import { useState } from 'react';
import { apiPath } from '../api/client';
import type { User } from '../api/types';
import { useApi } from '../api/use-api';
import { checksheetOrigin, ProposalOriginLine } from '../assessment/proposal-origin';
import { Breadcrumbs } from '../components/breadcrumbs';
import { usePageTitle } from '../components/page-title';
import { DecisionPanel } from '../components/proposals/decision-panel';
import { ProposalOutcome } from '../components/proposals/proposal-outcome';
import { PROPOSALS_PATH } from '../components/proposals/proposal-paths';
import { isTriager, ProposalStatusBadge } from '../components/proposals/proposal-status';
import { useDateTime } from '../i18n/date-time';
import type { Proposal, ProposalResult } from '../components/proposals/proposal-types';
import { useTaxonomyChoices } from '../components/taxonomy-choices';
import { RequireUser } from '../components/guards/require-user';
import { ErrorView, Loading, Notice } from '../components/status';
import { useT } from '../i18n/i18n';
import { useLocation } from '../router/router';
import { Chips } from '../components/chips';
import '../assessment/assessment.css';
import '../components/forms/forms.css';
import { Fact } from '../components/fact';
import '../styles/record-lists.css';
import '../components/proposals/proposals.css';

/** The chips, or "none" when the proposal names no value. */
function ChipsOrNone({ ids, label }: { ids: string[]; label: (id: string) => string }) {
  const t = useT();
  if (ids.length === 0) return <span className="proposal-muted">{t.proposals.none}</span>;
  return <Chips items={ids} label={label} />;
}

function ProposalFacts({ proposal }: { proposal: Proposal }) {
  const t = useT();
  const dateTime = useDateTime();
  const { layerLabel, phaseLabel } = useTaxonomyChoices();
  return (
    <dl className="proposal-facts card">
      <Fact label={t.proposals.status}>
        <ProposalStatusBadge status={proposal.status} />
      </Fact>
      <Fact label={t.proposals.submitter}>{proposal.submittedBy.displayName}</Fact>
      <Fact label={t.proposals.organisation}>{proposal.organisation?.name ?? <span className="proposal-muted">{t.proposals.noOrganisation}</span>}</Fact>
      <Fact label={t.proposals.submittedAt}>{dateTime(proposal.createdAt)}</Fact>
      <Fact label={t.proposals.industry}>{proposal.industry ?? <span className="proposal-muted">{t.proposals.none}</span>}</Fact>
      <Fact label={t.layers}>
        <ChipsOrNone ids={proposal.layers} label={layerLabel} />
      </Fact>
      <Fact label={t.phases}>
        <ChipsOrNone ids={proposal.phases} label={phaseLabel} />
      </Fact>
    </dl>
  );
}

function ProposalView({ user, id }: { user: User; id: string }) {
  const t = useT();
  const location = useLocation();
  const result = useApi<ProposalResult>(apiPath('proposals', id), user.id);
  const [decided, setDecided] = useState<Proposal | null>(null);
  const loaded = result.status === 'ok' ? result.data.proposal : null;
  usePageTitle(loaded ? loaded.title : t.proposals.listTitle);

  if (result.status === 'loading') return <Loading />;
  if (result.status === 'error') return <ErrorView error={result.error} onRetry={result.retry} />;
  const proposal = decided ?? result.data.proposal;
  const origin = checksheetOrigin(proposal);
  const justSubmitted = !decided && (location.state as { notice?: unknown } | null)?.notice === 'submitted';
  const callbacks = {
    onDecided: setDecided,
    onStale: () => {
      setDecided(null);
      result.retry();
    },
  };

  return (
    <article aria-labelledby="proposal-title" className="proposal">
      <Breadcrumbs trail={[{ label: t.proposals.listTitle, to: PROPOSALS_PATH }, { label: proposal.title }]} />
      {justSubmitted ? <Notice kind="success">{t.proposals.submitted}</Notice> : null}
      {decided ? <Notice kind="success">{decided.status === 'accepted' ? t.proposals.decided.accepted : t.proposals.decided.rejected}</Notice> : null}
      <header className="page-head">
        <h1 id="proposal-title">{proposal.title}</h1>
      </header>
      {origin ? <ProposalOriginLine origin={origin} user={user} /> : null}
      <ProposalFacts proposal={proposal} />
      <section className="card" aria-labelledby="proposal-concern-title">
        <h2 id="proposal-concern-title">{t.proposals.concern}</h2>
        <p className="proposal-text">{proposal.text}</p>
      </section>
      {proposal.status === 'submitted' && isTriager(user) ? (
        <DecisionPanel proposal={proposal} callbacks={callbacks} />
      ) : (
        <ProposalOutcome proposal={proposal} canEdit={isTriager(user)} />
      )}
    </article>
  );
}

/** /proposals/:id: the concern and its outcome; editors decide here. */
export function ProposalPage({ id }: { id: string }) {
  return <RequireUser>{(user) => <ProposalView user={user} id={id} />}</RequireUser>;
}
