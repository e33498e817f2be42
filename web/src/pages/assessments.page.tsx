import { useId } from 'react';
import { ASSESSMENT_STATUSES, type AssessmentList, DECIDED_VERDICTS, type AssessmentStatus, isAssessmentStatus } from '../api/assessment.types';
import type { User } from '../api/types';
import { useApi } from '../api/use-api';
import { canAssess } from '../assessment/roles';
import { AssessmentStatusBadge } from '../assessment/status-badge';
import { Breadcrumbs } from '../components/breadcrumbs';
import { usePageTitle } from '../components/page-title';
import { useDateTime } from '../i18n/date-time';
import { RequireUser } from '../components/guards/require-user';
import { StatusFilter } from '../components/status-filter';
import { ErrorView, Loading, Notice } from '../components/status';
import { useT } from '../i18n/i18n';
import { assessmentPath, assessmentsPath, NEW_ASSESSMENT_PATH } from '../router/assessment-paths';
import { Link, navigate, useSearchParam } from '../router/router';
import { useSession } from '../session/session';
import { TableHead } from '../components/tables/table-head';
import '../assessment/assessment.css';
import '../components/forms/forms.css';
import '../styles/record-lists.css';

function AssessmentTable({ user, status, productId }: { user: User; status: AssessmentStatus | null; productId: string | null }) {
  const t = useT();
  const id = useId();
  const dateTime = useDateTime();
  const query = status ? `?${new URLSearchParams({ status }).toString()}` : '';
  const result = useApi<AssessmentList>(`/api/assessments${query}`, user.id);

  if (result.status === 'loading') return <Loading />;
  if (result.status === 'error') return <ErrorView error={result.error} onRetry={result.retry} />;
  const all = result.data.assessments;
  const products = [...new Map(all.map((a) => [a.product.id, `${a.organisation.name} / ${a.product.name}`])).entries()];
  const shown = productId ? all.filter((a) => a.product.id === productId) : all;

  return (
    <>
      <div className="field filter-select">
        <label htmlFor={id}>{t.assessments.filterProduct}</label>
        <select id={id} value={productId ?? ''} onChange={(event) => navigate(assessmentsPath({ status, productId: event.target.value || null }))}>
          <option value="">{t.assessments.all}</option>
          {products.map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </div>
      {shown.length === 0 ? (
        <Notice kind="info">{t.assessments.empty}</Notice>
      ) : (
        <>
          <p className="total">{t.assessments.count(shown.length)}</p>
          <div className="card card-flush table-scroll">
            <table className="data-table assessment-table">
              <TableHead
                columns={[
                  t.assessments.columnTitle,
                  t.assessments.columnOrganisation,
                  t.assessments.columnProduct,
                  t.assessments.columnStatus,
                  t.assessments.columnProgress,
                  t.assessments.columnUpdated,
                ]}
              />
              <tbody>
                {shown.map((a) => {
                  const c = a.counts;
                  const decided = [...DECIDED_VERDICTS].reduce((n, v) => n + (c[v] ?? 0), 0);
                  return (
                    <tr key={a.id}>
                      <td>
                        <Link to={assessmentPath(a.id)}>{a.title}</Link>
                      </td>
                      <td>{a.organisation.name}</td>
                      <td>
                        {a.product.name}
                        {a.productVersion ? <span className="muted"> {a.productVersion}</span> : null}
                      </td>
                      <td>
                        <AssessmentStatusBadge status={a.status} />
                      </td>
                      <td className="nowrap">{t.assessments.progress(decided, a.itemCount)}</td>
                      <td className="nowrap">{dateTime(a.updatedAt)}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </>
      )}
    </>
  );
}

/** /assessments: assessors and admins see all; a member sees their organisation's. */
export function AssessmentsPage() {
  const t = useT();
  const session = useSession();
  const statusParam = useSearchParam('status');
  const productId = useSearchParam('productId');
  const status = isAssessmentStatus(statusParam) ? statusParam : null;
  usePageTitle(t.assessments.listTitle);
  const user = session.user;

  return (
    <section aria-labelledby="assessments-title">
      <Breadcrumbs trail={[{ label: t.assessments.listTitle }]} />
      <div className="page-head proposal-head">
        <h1 id="assessments-title">{t.assessments.listTitle}</h1>
        {canAssess(user) ? (
          <Link className="button button-primary" to={NEW_ASSESSMENT_PATH}>
            {t.assessments.newAssessment}
          </Link>
        ) : null}
      </div>
      <RequireUser>
        {(u) => (
          <>
            <p className="lead">{canAssess(u) ? t.assessments.listIntroAssessor : t.assessments.listIntroMember}</p>
            <StatusFilter
              label={t.assessments.filterStatus}
              statuses={ASSESSMENT_STATUSES}
              current={status}
              path={(option) => assessmentsPath({ status: option, productId })}
              messages={t.assessments}
            />
            <AssessmentTable user={u} status={status} productId={productId} />
          </>
        )}
      </RequireUser>
    </section>
  );
}
