import type { User } from '../api/types';
import { useApi } from '../api/use-api';
import { checksheetOrigin, OriginBadge } from '../assessment/proposal-origin';
import { Breadcrumbs } from '../components/breadcrumbs';
import { usePageTitle } from '../components/page-title';
import { NEW_PROPOSAL_PATH, proposalPath, proposalsPath } from '../components/proposals/proposal-paths';
import { isTriager, ProposalStatusBadge } from '../components/proposals/proposal-status';
import { useDateTime } from '../i18n/date-time';
import { isProposalStatus, PROPOSAL_STATUSES, type ProposalList, type ProposalStatus } from '../components/proposals/proposal-types';
import { RequireUser } from '../components/guards/require-user';
import { StatusFilter } from '../components/status-filter';
import { ErrorView, Loading, Notice } from '../components/status';
import { useT } from '../i18n/i18n';
import { Link, useSearchParam } from '../router/router';
import { useSession } from '../session/session';
import { TableHead } from '../components/tables/table-head';
import '../assessment/assessment.css';
import '../components/forms/forms.css';
import '../styles/record-lists.css';
import '../components/proposals/proposals.css';

/** A checksheet flag shows its kind under the title. */
function OriginCell({ proposal }: { proposal: object }) {
  const origin = checksheetOrigin(proposal);
  if (!origin) return null;
  return (
    <>
      <br />
      <OriginBadge origin={origin} />
    </>
  );
}

function ProposalTable({ user, status }: { user: User; status: ProposalStatus | null }) {
  const t = useT();
  const dateTime = useDateTime();
  const query = status ? `?${new URLSearchParams({ status }).toString()}` : '';
  const result = useApi<ProposalList>(`/api/proposals${query}`, user.id);
  const triager = isTriager(user);

  if (result.status === 'loading') return <Loading />;
  if (result.status === 'error') return <ErrorView error={result.error} onRetry={result.retry} />;
  const { proposals } = result.data;
  if (proposals.length === 0) return <Notice kind="info">{t.proposals.empty}</Notice>;

  return (
    <>
      <p className="total">{t.proposals.count(proposals.length)}</p>
      <div className="card card-flush table-scroll">
        <table className="data-table proposal-table">
          <TableHead columns={[t.title, t.proposals.status, ...(triager ? [t.proposals.organisation] : []), t.proposals.submitter, t.proposals.submittedAt]} />
          <tbody>
            {proposals.map((p) => (
              <tr key={p.id}>
                <td>
                  <Link to={proposalPath(p.id)}>{p.title}</Link>
                  <OriginCell proposal={p} />
                </td>
                <td>
                  <ProposalStatusBadge status={p.status} />
                </td>
                {triager ? <td>{p.organisation?.name ?? <span className="proposal-muted">{t.proposals.noOrganisation}</span>}</td> : null}
                <td>{p.submittedBy.displayName}</td>
                <td className="nowrap">{dateTime(p.createdAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

/** /proposals: my organisation's (or my own) proposals; for editors the triage queue. */
export function ProposalsPage() {
  const t = useT();
  const session = useSession();
  const param = useSearchParam('status');
  const status = isProposalStatus(param) ? param : null;
  const user = session.user;
  const title = isTriager(user) ? t.proposals.triageTitle : t.proposals.listTitle;
  usePageTitle(title);
  const intro = isTriager(user) ? t.proposals.listIntroEditor : user?.role === 'assessor' ? t.proposals.listIntroAssessor : t.proposals.listIntroMember;

  return (
    <section aria-labelledby="proposals-title">
      <Breadcrumbs trail={[{ label: title }]} />
      <div className="page-head proposal-head">
        <h1 id="proposals-title">{title}</h1>
        {user ? (
          <Link className="button button-primary" to={NEW_PROPOSAL_PATH}>
            {t.proposals.newProposal}
          </Link>
        ) : null}
      </div>
      <RequireUser>
        {(u) => (
          <>
            <p className="lead">{intro}</p>
            <StatusFilter label={t.proposals.filterLabel} statuses={PROPOSAL_STATUSES} current={status} path={proposalsPath} messages={t.proposals} />
            <ProposalTable user={u} status={status} />
          </>
        )}
      </RequireUser>
    </section>
  );
}
