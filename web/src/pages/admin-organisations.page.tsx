import { type FormEvent, useState } from 'react';
import type { OrganisationItem } from '../admin/admin.types';
import { useMutation } from '../api/use-mutation';
import { useAdminT } from '../admin/use-admin-t';
import { api, apiPath } from '../api/client';
import { useApi } from '../api/use-api';
import { FormField } from '../components/forms/form-field';
import { ErrorView, Loading, Notice, problemText, ProblemNotice } from '../components/status';
import { useT } from '../i18n/i18n';
import { Link } from '../router/router';
import { SubmitButton } from '../components/forms/submit-button';
import { TableHead } from '../components/tables/table-head';
import { AdminSection } from '../components/page-section';

function OrganisationRow({ org, onChange }: { org: OrganisationItem; onChange: () => void }) {
  const a = useAdminT();
  const t = useT();
  const [name, setName] = useState(org.name);
  const action = useMutation();
  const patch = (body: object) => action.run(() => api.patch(apiPath('organisations', org.id), body)).then(onChange);
  return (
    <tr>
      <td>
        <form
          className="inline-form"
          onSubmit={(event: FormEvent) => {
            event.preventDefault();
            void patch({ name });
          }}
        >
          <FormField label={a.organisationName} value={name} error={action.errors.name} onChange={(e) => setName(e.target.value)} />
          <button type="submit" className="button" disabled={action.busy || name === org.name}>
            {a.rename}
          </button>
        </form>
        {action.error && !action.errors.name ? <Notice kind="error">{problemText(t, action.error)}</Notice> : null}
      </td>
      <td>{org.active ? a.active : a.inactive}</td>
      <td>
        <Link to={`/organisations/${encodeURIComponent(org.id)}`}>{a.openProducts}</Link>{' '}
        <button
          type="button"
          className="button button-ghost"
          title={org.active ? a.deactivateOrgConfirm : undefined}
          onClick={() => void patch({ active: !org.active })}
        >
          {org.active ? a.deactivate : a.activate}
        </button>
      </td>
    </tr>
  );
}

function CreateOrganisation({ onCreated }: { onCreated: () => void }) {
  const a = useAdminT();
  const [name, setName] = useState('');
  const action = useMutation();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (await action.run(() => api.post(apiPath('organisations'), { name }))) {
      setName('');
      onCreated();
    }
  };
  return (
    <form className="form card" onSubmit={(e) => void submit(e)} noValidate>
      <ProblemNotice error={action.error} />
      <FormField label={a.organisationName} name="organisationName" value={name} error={action.errors.name} onChange={(e) => setName(e.target.value)} />
      <SubmitButton busy={action.busy}>{a.createOrganisation}</SubmitButton>
    </form>
  );
}

/** /admin/organisations: create, rename and (de)activate member organisations. */
export function AdminOrganisationsPage() {
  const a = useAdminT();
  const [key, setKey] = useState(0);
  const orgs = useApi<{ organisations: OrganisationItem[] }>('/api/organisations', String(key));
  const refresh = () => setKey((k) => k + 1);
  return (
    <AdminSection title={a.organisationsTitle}>
      <CreateOrganisation onCreated={refresh} />
      {orgs.status === 'loading' ? <Loading /> : null}
      {orgs.status === 'error' ? <ErrorView error={orgs.error} onRetry={orgs.retry} /> : null}
      {orgs.status === 'ok' ? (
        <table className="data-table">
          <TableHead columns={[a.organisationName, a.status, '']} />
          <tbody>
            {orgs.data.organisations.map((org) => (
              <OrganisationRow key={`${org.id}|${org.name}|${org.active}`} org={org} onChange={refresh} />
            ))}
          </tbody>
        </table>
      ) : null}
    </AdminSection>
  );
}
