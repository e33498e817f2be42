import { type FormEvent, useState } from 'react';
import { useMutation } from '../api/use-mutation';
import { useAdminT } from '../admin/use-admin-t';
import { api } from '../api/client';
import type { Role } from '../api/types';
import { FormField } from '../components/forms/form-field';
import { Notice, ProblemNotice } from '../components/status';
import { useT } from '../i18n/i18n';
import { useApi } from '../api/use-api';
import { TableHead } from '../components/tables/table-head';
import { AdminSection } from '../components/page-section';
import type { AuditEntryContent } from '../../../src/core/audit-entry.types.js';

/** An audit entry as GET /api/admin/audit lists it: its details parsed from their JSON text. */
type Entry = Omit<AuditEntryContent, 'detail'> & { detail: unknown };
type Verdict = { ok: true; checked: number } | { ok: false; checked: number; seq: number; reason: string };

const EMPTY = { actor: '', action: '', targetType: '', targetId: '', from: '', to: '' };

function AuditLog() {
  const a = useAdminT();
  const [filter, setFilter] = useState(EMPTY);
  const [entries, setEntries] = useState<Entry[] | null>(null);
  const [verdict, setVerdict] = useState<Verdict | null>(null);
  const action = useMutation();
  const load = async (before?: number) => {
    const q = new URLSearchParams(Object.entries(filter).filter(([, v]) => v !== ''));
    q.set('limit', '50');
    if (before !== undefined) q.set('before', String(before));
    const r = await action.run(() => api.get<{ entries: Entry[] }>(`/api/admin/audit?${q}`));
    if (r) setEntries((old) => (before !== undefined && old ? [...old, ...r.entries] : r.entries));
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void load();
  };
  const field = (key: keyof typeof EMPTY) => (e: { target: { value: string } }) => setFilter((f) => ({ ...f, [key]: e.target.value }));
  const last = entries?.[entries.length - 1];
  return (
    <>
      <button
        type="button"
        className="button"
        onClick={() => void action.run(() => api.post<Verdict>('/api/admin/audit/verify')).then((v) => v && setVerdict(v))}
      >
        {a.verifyChain}
      </button>
      {verdict ? (
        <Notice kind={verdict.ok ? 'success' : 'error'}>{verdict.ok ? a.chainOk(verdict.checked) : a.chainBroken(verdict.seq, verdict.reason)}</Notice>
      ) : null}
      <form className="form inline-form" onSubmit={submit} noValidate>
        <FormField label={a.auditActor} value={filter.actor} onChange={field('actor')} />
        <FormField label={a.auditAction} value={filter.action} onChange={field('action')} />
        <FormField label={a.auditTargetType} value={filter.targetType} onChange={field('targetType')} />
        <FormField label={a.auditTargetId} value={filter.targetId} onChange={field('targetId')} />
        <FormField label={a.auditFrom} type="date" value={filter.from} error={action.errors.from} onChange={field('from')} />
        <FormField label={a.auditTo} type="date" value={filter.to} error={action.errors.to} onChange={field('to')} />
        <button type="submit" className="button button-primary">
          {a.filter}
        </button>
      </form>
      <ProblemNotice error={action.error} />
      {entries ? (
        <table className="data-table audit-table">
          <TableHead columns={['#', a.at, a.auditActor, a.action, a.target, a.detail]} />
          <tbody>
            {entries.map((e) => (
              <tr key={e.seq}>
                <td>{e.seq}</td>
                <td>{e.at}</td>
                <td>{e.actorId ?? '—'}</td>
                <td>{e.action}</td>
                <td>
                  {e.targetType} {e.targetId ?? ''}
                </td>
                <td>
                  <code>{JSON.stringify(e.detail)}</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {last && entries && entries.length % 50 === 0 ? (
        <button type="button" className="button" onClick={() => void load(last.seq)}>
          {a.older}
        </button>
      ) : null}
    </>
  );
}

/** /admin/audit: the audit log with filters and paging, and the chain check. */
export function AdminAuditPage() {
  const a = useAdminT();
  return (
    <AdminSection title={a.auditTitle}>
      <AuditLog />
    </AdminSection>
  );
}

interface Settings {
  anonymousRead: boolean;
  totpRequiredRoles: Role[];
  policy: {
    passwordMinLength: number;
    loginMaxAttempts: number;
    lockoutMinutes: number;
    sessionIdleMinutes: number;
    sessionMaxHours: number;
    mailConfigured: boolean;
    singleSignOn: boolean;
  };
}

function SettingsForm() {
  const a = useAdminT();
  const t = useT();
  const [key, setKey] = useState(0);
  const settings = useApi<Settings>('/api/admin/settings', String(key));
  const action = useMutation();
  if (settings.status !== 'ok') return null;
  const s = settings.data;
  const put = (body: object) => void action.run(() => api.put('/api/admin/settings', body)).then(() => setKey((k) => k + 1));
  const roles: Role[] = ['admin', 'editor', 'assessor', 'member'];
  return (
    <>
      <ProblemNotice error={action.error} />
      <label className="checkbox card">
        <input type="checkbox" checked={s.anonymousRead} onChange={(e) => put({ anonymousRead: e.target.checked })} /> {a.anonymousRead}
      </label>
      <fieldset className="card">
        <legend>{a.totpRequiredRoles}</legend>
        {roles.map((r) => (
          <label key={r} className="checkbox">
            <input
              type="checkbox"
              checked={s.totpRequiredRoles.includes(r)}
              onChange={(e) => put({ totpRequiredRoles: e.target.checked ? [...s.totpRequiredRoles, r] : s.totpRequiredRoles.filter((x) => x !== r) })}
            />{' '}
            {t.roles[r]}
          </label>
        ))}
      </fieldset>
      <section className="card">
        <h2>{a.policy}</h2>
        <ul>
          <li>{a.policyPasswordMin(s.policy.passwordMinLength)}</li>
          <li>{a.policyLockout(s.policy.loginMaxAttempts, s.policy.lockoutMinutes)}</li>
          <li>{a.policySession(s.policy.sessionIdleMinutes, s.policy.sessionMaxHours)}</li>
          <li>{a.policyMail(s.policy.mailConfigured)}</li>
          <li>{a.policySso(s.policy.singleSignOn)}</li>
        </ul>
      </section>
    </>
  );
}

/** /admin/settings: anonymous reading, second factor per role, the policies in force. */
export function AdminSettingsPage() {
  const a = useAdminT();
  return (
    <AdminSection title={a.settingsTitle}>
      <SettingsForm />
    </AdminSection>
  );
}
