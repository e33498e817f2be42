import { type FormEvent, useState } from 'react';
import type { LinkAnswer, OrganisationItem, UserItem } from '../admin/admin.types';
import { OneTimeLink } from '../admin/one-time-link';
import { useMutation } from '../api/use-mutation';
import { useAdminT } from '../admin/use-admin-t';
import { api, apiPath } from '../api/client';
import type { Role, User } from '../api/types';
import { useApi } from '../api/use-api';
import { FormField } from '../components/forms/form-field';
import { ErrorView, Loading, ProblemNotice } from '../components/status';
import { useT } from '../i18n/i18n';
import { LabelledSelect } from '../components/forms/labelled-select';
import { SubmitButton } from '../components/forms/submit-button';
import { TableHead } from '../components/tables/table-head';
import { SignedInSection } from '../components/page-section';

const ROLES: Role[] = ['admin', 'editor', 'assessor', 'member'];

function InviteForm({ user, orgs, onDone }: { user: User; orgs: OrganisationItem[]; onDone: () => void }) {
  const a = useAdminT();
  const t = useT();
  const admin = user.role === 'admin';
  const [form, setForm] = useState({ email: '', role: admin ? '' : 'member', organisationId: admin ? '' : (user.organisationId ?? ''), orgManager: false });
  const [answer, setAnswer] = useState<LinkAnswer | null>(null);
  const action = useMutation();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const body = {
      email: form.email,
      role: form.role,
      organisationId: form.role === 'member' ? form.organisationId || null : null,
      orgManager: form.orgManager,
    };
    const result = await action.run(() => api.post<LinkAnswer>('/api/users/invitations', body));
    if (result) {
      setAnswer(result);
      setForm((f) => ({ ...f, email: '' }));
      onDone();
    }
  };
  return (
    <form className="form card" onSubmit={(e) => void submit(e)} noValidate aria-label={a.inviteTitle}>
      <h2>{a.inviteTitle}</h2>
      <ProblemNotice error={action.error} />
      {answer ? <OneTimeLink intro={a.inviteLinkShown} link={answer.link} note={answer.mailed ? a.inviteMailed : undefined} /> : null}
      <FormField label={a.email} type="email" value={form.email} error={action.errors.email} onChange={(e) => setForm({ ...form, email: e.target.value })} />
      {admin ? (
        <>
          <LabelledSelect
            label={a.role}
            value={form.role}
            choices={ROLES.map((r) => [r, t.roles[r]])}
            onChange={(role) => setForm({ ...form, role })}
            error={action.errors.role}
          />
          {form.role === 'member' ? (
            <>
              <LabelledSelect
                label={a.organisation}
                value={form.organisationId}
                choices={orgs.filter((o) => o.active).map((o) => [o.id, o.name])}
                onChange={(organisationId) => setForm({ ...form, organisationId })}
                error={action.errors.organisationId}
              />
              <label className="checkbox">
                <input type="checkbox" checked={form.orgManager} onChange={(e) => setForm({ ...form, orgManager: e.target.checked })} /> {a.orgManager}
              </label>
            </>
          ) : null}
        </>
      ) : null}
      <SubmitButton busy={action.busy}>{a.invite}</SubmitButton>
    </form>
  );
}

function UserRow({ me, user, orgs, onChange }: { me: User; user: UserItem; orgs: OrganisationItem[]; onChange: () => void }) {
  const a = useAdminT();
  const t = useT();
  const admin = me.role === 'admin';
  const [role, setRole] = useState<string>(user.role);
  const [orgId, setOrgId] = useState(user.organisationId ?? '');
  const [reset, setReset] = useState<LinkAnswer | null>(null);
  const action = useMutation();
  const patch = (body: object) => action.run(() => api.patch(apiPath('users', user.id), body)).then((r) => r && onChange());
  const orgName = orgs.find((o) => o.id === user.organisationId)?.name ?? '';
  return (
    <tr aria-label={user.email}>
      <td>
        {user.displayName}
        <br />
        {user.email}
      </td>
      <td>
        {t.roles[user.role]}
        {user.orgManager ? ` · ${a.orgManager}` : ''}
        {orgName ? ` · ${orgName}` : ''}
        {admin && user.id !== me.id ? (
          <div className="inline-form">
            <LabelledSelect label={a.role} value={role} choices={ROLES.map((r) => [r, t.roles[r]])} onChange={setRole} />
            {role === 'member' ? <LabelledSelect label={a.organisation} value={orgId} choices={orgs.map((o) => [o.id, o.name])} onChange={setOrgId} /> : null}
            <button type="button" className="button" onClick={() => void patch({ role, organisationId: role === 'member' ? orgId || null : null })}>
              {a.changeRole}
            </button>
          </div>
        ) : null}
      </td>
      <td>{user.active ? a.active : a.inactive}</td>
      <td>
        {user.id !== me.id ? (
          <>
            <button type="button" className="button button-ghost" onClick={() => void patch({ active: !user.active })}>
              {user.active ? a.deactivate : a.activate}
            </button>
            <button
              type="button"
              className="button button-ghost"
              onClick={() => void action.run(() => api.post<LinkAnswer>(apiPath('users', user.id, 'reset-link'))).then((r) => r && setReset(r))}
            >
              {a.resetLink}
            </button>
          </>
        ) : null}
        {reset ? <OneTimeLink intro={a.resetLinkShown} link={reset.link} /> : null}
        <ProblemNotice error={action.error} />
      </td>
    </tr>
  );
}

function Users({ me }: { me: User }) {
  const a = useAdminT();
  const [role, setRole] = useState('');
  const [orgId, setOrgId] = useState('');
  const [key, setKey] = useState(0);
  const query = new URLSearchParams({ ...(role ? { role } : {}), ...(orgId ? { organisationId: orgId } : {}) }).toString();
  const users = useApi<{ users: UserItem[] }>(`/api/users${query ? `?${query}` : ''}`, String(key));
  const orgs = useApi<{ organisations: OrganisationItem[] }>('/api/organisations', me.id);
  const orgList = orgs.status === 'ok' ? orgs.data.organisations : [];
  const refresh = () => setKey((k) => k + 1);
  const t = useT();
  return (
    <>
      <InviteForm user={me} orgs={orgList} onDone={refresh} />
      {me.role === 'admin' ? (
        <div className="filters inline-form">
          <LabelledSelect label={a.filterRole} value={role} choices={ROLES.map((r) => [r, t.roles[r]])} onChange={setRole} empty={a.all} />
          <LabelledSelect label={a.filterOrganisation} value={orgId} choices={orgList.map((o) => [o.id, o.name])} onChange={setOrgId} empty={a.all} />
        </div>
      ) : null}
      {users.status === 'loading' ? <Loading /> : null}
      {users.status === 'error' ? <ErrorView error={users.error} onRetry={users.retry} /> : null}
      {users.status === 'ok' ? (
        <table className="data-table">
          <TableHead columns={[a.displayName, a.role, a.status, '']} />
          <tbody>
            {users.data.users.map((u) => (
              <UserRow key={`${u.id}|${u.role}|${u.organisationId}|${u.active}`} me={me} user={u} orgs={orgList} onChange={refresh} />
            ))}
          </tbody>
        </table>
      ) : null}
    </>
  );
}

/** /users: admins manage everyone; an organisation manager invites and deactivates their own members. */
export function AdminUsersPage() {
  const a = useAdminT();
  return <SignedInSection title={a.usersTitle}>{(user) => <Users me={user} />}</SignedInSection>;
}
