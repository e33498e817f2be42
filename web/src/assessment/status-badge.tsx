import type { AssessmentStatus } from '../api/assessment.types';
import { useT } from '../i18n/i18n';

export function AssessmentStatusBadge({ status }: { status: AssessmentStatus }) {
  const t = useT();
  return <span className={`assessment-status assessment-status-${status}`}>{t.assessments.statuses[status]}</span>;
}
