import { useApi } from '../api/use-api';
import type { User } from '../api/types';
import { RequireUser } from '../components/guards/require-user';
import { ErrorView, Loading } from '../components/status';
import type { CraCaseSummary } from '../cra/cra.types';
import { TimeLeft, useCraT, utc } from '../cra/cra-ui';
import { Link } from '../router/router';
import { TableHead } from '../components/tables/table-head';
import { TitledSection } from '../components/page-section';
import '../cra/cra.css';

function CaseTable({ user, drill }: { user: User; drill: boolean }) {
  const c = useCraT();
  const list = useApi<{ cases: CraCaseSummary[] }>(`/api/cra/cases?drill=${drill}`, user.id);
  if (list.status === 'loading') return <Loading />;
  if (list.status === 'error') return <ErrorView error={list.error} onRetry={list.retry} />;
  if (list.data.cases.length === 0) return <p>{c.noCases}</p>;
  return (
    <table className="table" aria-label={drill ? c.drills : c.realCases}>
      <TableHead columns={[c.title, c.product, c.nextDeadline, c.due, c.timeLeft]} />
      <tbody>
        {list.data.cases.map((k) => (
          <tr key={k.id} className={k.urgent?.state === 'overdue' ? 'cra-row-overdue' : undefined} data-case={k.id}>
            <td>
              {k.drill ? <span className="cra-drill-badge">{c.drillBadge}</span> : null}
              <Link to={`/cra/cases/${encodeURIComponent(k.id)}`}>{k.title}</Link>
            </td>
            <td>{k.productName}</td>
            <td>{k.status === 'proposed' ? c.status.proposed : k.urgent ? c.stage[k.urgent.stage] : ''}</td>
            <td>{k.urgent?.dueAt ? <time dateTime={k.urgent.dueAt}>{utc(k.urgent.dueAt)}</time> : ''}</td>
            <td>{k.urgent ? <TimeLeft clock={k.urgent} /> : ''}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** /cra: every open case by time left, overdue first; drills in their own table. */
export function CraDashboardPage() {
  const c = useCraT();
  return (
    <TitledSection title={c.dashboardTitle}>
      <p>
        <Link to="/cra/new" className="button button-primary">
          {c.newCase}
        </Link>{' '}
        <Link to="/cra/settings">{c.settings}</Link>
      </p>
      <RequireUser>
        {(user) => (
          <>
            <h2>{c.realCases}</h2>
            <CaseTable user={user} drill={false} />
            <h2>{c.drills}</h2>
            <CaseTable user={user} drill={true} />
          </>
        )}
      </RequireUser>
    </TitledSection>
  );
}
