import { type FormEvent, useEffect, useState } from 'react';
import { useMutation } from '../api/use-mutation';
import { useAdminT } from '../admin/use-admin-t';
import { api } from '../api/client';
import { FormField, NewPasswordField } from '../components/forms/form-field';
import { usePageTitle } from '../components/page-title';
import { Loading, Notice, problemText, ProblemNotice } from '../components/status';
import { useT } from '../i18n/i18n';
import { navigate } from '../router/router';
import { useSession } from '../session/session';
import { SubmitButton } from '../components/forms/submit-button';

/** Reads the one-time token from the fragment once, then drops it from the address bar and history. */
function useFragmentToken(): string {
  const [token] = useState(() => new URLSearchParams(window.location.hash.slice(1)).get('token') ?? '');
  useEffect(() => {
    if (window.location.hash) window.history.replaceState(window.history.state, '', window.location.pathname);
  }, []);
  return token;
}

/** /invite#token=…: create the invited account. */
export function InvitePage() {
  const a = useAdminT();
  const t = useT();
  usePageTitle(a.acceptTitle);
  const token = useFragmentToken();
  const [info, setInfo] = useState<{ email: string; role: 'admin' | 'editor' | 'assessor' | 'member'; organisation: string | null } | 'invalid' | null>(null);
  const [form, setForm] = useState({ displayName: '', password: '' });
  const action = useMutation();
  // POSTs carry the CSRF token that /api/session hands out: wait for it.
  const ready = useSession().status === 'ready';
  useEffect(() => {
    if (!ready) return;
    if (!token) {
      setInfo('invalid');
      return;
    }
    api
      .post<{ email: string; role: 'admin' | 'editor' | 'assessor' | 'member'; organisation: string | null }>('/api/invitations/lookup', { token })
      .then(setInfo, () => setInfo('invalid'));
  }, [token, ready]);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (await action.run(() => api.post('/api/invitations/accept', { token, ...form })))
      navigate('/login', { replace: true, state: { notice: 'accountCreated' } });
  };
  return (
    <section className="card card-narrow" aria-labelledby="invite-title">
      <h1 id="invite-title">{a.acceptTitle}</h1>
      {info === null ? <Loading /> : null}
      {info === 'invalid' ? <Notice kind="error">{a.linkInvalid}</Notice> : null}
      {info && info !== 'invalid' ? (
        <form className="form" onSubmit={(e) => void submit(e)} noValidate>
          <p className="lead">{a.acceptIntro(info.email, t.roles[info.role], info.organisation)}</p>
          <ProblemNotice error={action.error} />
          <FormField
            label={a.displayName}
            autoComplete="name"
            value={form.displayName}
            error={action.errors.displayName}
            onChange={(e) => setForm({ ...form, displayName: e.target.value })}
          />
          <NewPasswordField
            label={a.password}
            value={form.password}
            error={action.errors.password}
            onChange={(value) => setForm({ ...form, password: value })}
          />
          <SubmitButton busy={action.busy}>{a.createAccount}</SubmitButton>
        </form>
      ) : null}
    </section>
  );
}

/** /reset#token=…: set a new password with a reset link. */
export function ResetPage() {
  const a = useAdminT();
  const t = useT();
  usePageTitle(a.resetTitle);
  const token = useFragmentToken();
  const [password, setPassword] = useState('');
  const action = useMutation();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const done = await action.run(async () => {
      await api.post('/api/password-reset', { token, password });
      return true;
    });
    if (done) navigate('/login', { replace: true, state: { notice: 'passwordReset' } });
  };
  return (
    <section className="card card-narrow" aria-labelledby="reset-title">
      <h1 id="reset-title">{a.resetTitle}</h1>
      {!token ? <Notice kind="error">{a.linkInvalid}</Notice> : null}
      <form className="form" onSubmit={(e) => void submit(e)} noValidate>
        {action.error ? <Notice kind="error">{action.error.status === 404 ? a.linkInvalid : problemText(t, action.error)}</Notice> : null}
        <NewPasswordField label={a.newPassword} value={password} error={action.errors.password} onChange={(value) => setPassword(value)} />
        <SubmitButton busy={action.busy} disabled={!token}>
          {a.setPassword}
        </SubmitButton>
      </form>
    </section>
  );
}
