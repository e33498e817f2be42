import { type FormEvent, useState } from 'react';
import { useMutation } from '../api/use-mutation';
import { useAdminT } from '../admin/use-admin-t';
import { api, apiPath } from '../api/client';
import type { User } from '../api/types';
import { useApi } from '../api/use-api';
import { CurrentPasswordField, FormField, NewPasswordField } from '../components/forms/form-field';
import { Notice, ProblemNotice } from '../components/status';
import { useLanguage } from '../i18n/i18n';
import { useSession } from '../session/session';
import { SubmitButton } from '../components/forms/submit-button';
import { SignedInSection } from '../components/page-section';

function Profile({ user }: { user: User }) {
  const a = useAdminT();
  const session = useSession();
  const { setLang } = useLanguage();
  const [name, setName] = useState(user.displayName);
  const [lang, setLangChoice] = useState<'ja' | 'en'>('ja');
  const action = useMutation();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (await action.run(() => api.patch('/api/account/profile', { displayName: name, language: lang }))) {
      setLang(lang);
      await session.reload();
    }
  };
  return (
    <form className="form card" onSubmit={(e) => void submit(e)} noValidate aria-label={a.profile}>
      <h2>{a.profile}</h2>
      <ProblemNotice error={action.error} />
      <FormField label={a.displayName} value={name} error={action.errors.displayName} onChange={(e) => setName(e.target.value)} />
      <label className="field">
        {a.preferredLanguage}
        <select value={lang} onChange={(e) => setLangChoice(e.target.value === 'en' ? 'en' : 'ja')}>
          <option value="ja">日本語</option>
          <option value="en">English</option>
        </select>
      </label>
      <SubmitButton busy={action.busy}>{a.save}</SubmitButton>
    </form>
  );
}

function Password() {
  const a = useAdminT();
  const [form, setForm] = useState({ currentPassword: '', newPassword: '' });
  const [done, setDone] = useState<number | null>(null);
  const action = useMutation();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const r = await action.run(() => api.put<{ endedSessions: number }>('/api/account/password', form));
    if (r) {
      setDone(r.endedSessions);
      setForm({ currentPassword: '', newPassword: '' });
    }
  };
  return (
    <form className="form card" onSubmit={(e) => void submit(e)} noValidate aria-label={a.changePassword}>
      <h2>{a.changePassword}</h2>
      {done !== null ? <Notice kind="success">{a.passwordChanged(done)}</Notice> : null}
      <ProblemNotice error={action.error} />
      <CurrentPasswordField
        label={a.currentPassword}
        value={form.currentPassword}
        error={action.errors.currentPassword}
        onChange={(value) => setForm({ ...form, currentPassword: value })}
      />
      <NewPasswordField
        label={a.newPassword}
        value={form.newPassword}
        error={action.errors.newPassword ?? action.errors.password}
        onChange={(value) => setForm({ ...form, newPassword: value })}
      />
      <SubmitButton busy={action.busy}>{a.changePassword}</SubmitButton>
    </form>
  );
}

function Sessions() {
  const a = useAdminT();
  const [key, setKey] = useState(0);
  const sessions = useApi<{ sessions: { id: string; createdAt: string; lastSeenAt: string; current: boolean }[] }>('/api/account/sessions', String(key));
  const action = useMutation();
  return (
    <section className="card" aria-label={a.sessions}>
      <h2>{a.sessions}</h2>
      {sessions.status === 'ok' ? (
        <ul>
          {sessions.data.sessions.map((s) => (
            <li key={s.id}>
              {a.lastSeen}: {new Date(s.lastSeenAt).toLocaleString()} {s.current ? `(${a.thisSession})` : null}
              {!s.current ? (
                <button
                  type="button"
                  className="button button-ghost"
                  onClick={() => void action.run(() => api.delete(apiPath('account', 'sessions', s.id))).then(() => setKey((k) => k + 1))}
                >
                  {a.endSession}
                </button>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}

function SecondFactor() {
  const a = useAdminT();
  const session = useSession();
  const [key, setKey] = useState(0);
  const state = useApi<{ enabled: boolean; recoveryCodesLeft: number }>('/api/account/totp', String(key));
  const [secret, setSecret] = useState<{ secret: string; uri: string } | null>(null);
  const [codes, setCodes] = useState<string[] | null>(null);
  const [code, setCode] = useState('');
  const [password, setPassword] = useState('');
  const action = useMutation();
  const refresh = async () => {
    setKey((k) => k + 1);
    await session.reload();
  };
  const confirm = async (event: FormEvent) => {
    event.preventDefault();
    const r = await action.run(() => api.post<{ recoveryCodes: string[] }>('/api/account/totp/confirm', { code }));
    if (r) {
      setCodes(r.recoveryCodes);
      setSecret(null);
      await refresh();
    }
  };
  const enabled = state.status === 'ok' && state.data.enabled;
  return (
    <section className="card" aria-label={a.secondFactor}>
      <h2>{a.secondFactor}</h2>
      {session.totpSetupRequired ? <Notice kind="info">{a.totpRequired}</Notice> : null}
      <ProblemNotice error={action.error} />
      {state.status === 'ok' ? <p>{enabled ? `${a.totpOn} ${a.recoveryLeft(state.data.recoveryCodesLeft)}` : a.totpOff}</p> : null}
      {codes ? (
        <div className="notice notice-success">
          <p>{a.recoveryCodes}</p>
          <pre className="recovery-codes">{codes.join('\n')}</pre>
        </div>
      ) : null}
      {!enabled && !secret ? (
        <button
          type="button"
          className="button button-primary"
          onClick={() => void action.run(() => api.post<{ secret: string; uri: string }>('/api/account/totp')).then((r) => r && setSecret(r))}
        >
          {a.totpStart}
        </button>
      ) : null}
      {secret ? (
        <form className="form" onSubmit={(e) => void confirm(e)} noValidate>
          <p>{a.totpSecret}</p>
          <p>
            <code className="totp-secret">{secret.secret}</code>
          </p>
          <p>
            <code className="one-time-link">{secret.uri}</code>
          </p>
          <FormField
            label={a.totpCode}
            inputMode="numeric"
            autoComplete="one-time-code"
            value={code}
            error={action.errors.code}
            onChange={(e) => setCode(e.target.value)}
          />
          <SubmitButton busy={action.busy}>{a.totpConfirm}</SubmitButton>
        </form>
      ) : null}
      {enabled ? (
        <form
          className="form inline-form"
          onSubmit={(e) => {
            e.preventDefault();
            void action.run(() => api.post('/api/account/totp/disable', { password })).then(refresh);
          }}
        >
          <FormField label={a.password} type="password" value={password} error={action.errors.password} onChange={(e) => setPassword(e.target.value)} />
          <button type="submit" className="button">
            {a.totpDisable}
          </button>
        </form>
      ) : null}
    </section>
  );
}

function MailPreferences() {
  const a = useAdminT();
  const [key, setKey] = useState(0);
  const prefs = useApi<{ mail: Record<string, boolean>; mailConfigured: boolean }>('/api/notifications/preferences', String(key));
  if (prefs.status !== 'ok') return null;
  return (
    <fieldset className="card">
      <legend>{a.mailPrefs}</legend>
      {!prefs.data.mailConfigured ? <p>{a.mailNotConfigured}</p> : null}
      {Object.entries(prefs.data.mail).map(([kind, on]) => (
        <label key={kind} className="checkbox">
          <input
            type="checkbox"
            checked={on}
            onChange={(e) => void api.put('/api/notifications/preferences', { kind, email: e.target.checked }).then(() => setKey((k) => k + 1))}
          />{' '}
          {a.kinds[kind] ?? kind}
        </label>
      ))}
    </fieldset>
  );
}

/** /account: own profile, password, sessions, second factor and mail choices. */
export function AccountPage() {
  const a = useAdminT();
  return (
    <SignedInSection title={a.accountTitle}>
      {(user) => (
        <>
          <SecondFactor />
          <Profile user={user} />
          <Password />
          <Sessions />
          <MailPreferences />
        </>
      )}
    </SignedInSection>
  );
}
