import { api, apiPath } from '../api/client';
import type { User } from '../api/types';
import { useApi } from '../api/use-api';
import { useMutation } from '../api/use-mutation';
import { ProblemNotice } from '../components/status';
import { navigate } from '../router/router';
import { useSelfAssessmentMessages } from './self-assessment-panel';

export interface SelfAssessmentPermission {
  allowed: boolean;
  canChange: boolean;
}

/** The organisation manager's (or an admin's) switch that lets members self-assess. */
export function SelfAssessmentSwitch({ orgId, permission, onChanged }: { orgId: string; permission: SelfAssessmentPermission; onChanged: () => void }) {
  const s = useSelfAssessmentMessages();
  const action = useMutation();
  const toggle = async (allowed: boolean) => {
    if (await action.run(() => api.put(apiPath('organisations', orgId, 'self-assessment'), { allowed }))) onChanged();
  };
  return (
    <div className="card self-assessment-switch">
      <ProblemNotice error={action.error} />
      {permission.canChange ? (
        <label>
          <input type="checkbox" checked={permission.allowed} disabled={action.busy} onChange={(e) => void toggle(e.target.checked)} /> {s.permission}
        </label>
      ) : (
        <p>{permission.allowed ? s.permissionOn : s.permissionOff}</p>
      )}
    </div>
  );
}

/** On a product: a permitted member starts a self-assessment on the current edition (every item) and goes to it. */
export function SelfAssessStart({ user, productId, productName }: { user: User; productId: string; productName: string }) {
  const s = useSelfAssessmentMessages();
  const action = useMutation();
  const editions = useApi<{ current: string }>('/api/editions', user.id);
  const start = async () => {
    if (editions.status !== 'ok') return;
    const body = { title: s.startTitle(productName), productVersion: null, editionId: editions.data.current, spec: { layers: [], phases: [], profile: null } };
    const created = await action.run(() => api.post<{ assessmentId: string }>(apiPath('products', productId, 'self-assessments'), body));
    if (created) navigate(`/assessments/${encodeURIComponent(created.assessmentId)}`);
  };
  return (
    <div className="self-assess-start">
      <ProblemNotice error={action.error} />
      <button type="button" className="button button-primary" disabled={action.busy || editions.status !== 'ok'} onClick={() => void start()}>
        {s.start}
      </button>
    </div>
  );
}
