import { type FormEvent, useEffect, useState } from 'react';
import { useMutation } from '../api/use-mutation';
import { CurrentPasswordField, FormField } from '../components/forms/form-field';
import { usePageTitle } from '../components/page-title';
import { Notice, problemText } from '../components/status';
import { useT } from '../i18n/i18n';
import type { Messages } from '../i18n/messages';
import { navigate, safeLocalPath, useLocation, useSearchParam } from '../router/router';
import { useSession } from '../session/session';
import { SecondFactorForm } from '../admin/second-factor-form';
import { useAdminT } from '../admin/use-admin-t';
import type { AdminMessages } from '../i18n/messages-admin';
import { SubmitButton } from '../components/forms/submit-button';

type NoticeKey = 'setupDone' | 'loggedOut' | 'accountCreated' | 'passwordReset';

function noticeFrom(state: unknown): NoticeKey | null {
  if (state && typeof state === 'object' && 'notice' in state) {
    const notice = (state as { notice: unknown }).notice;
    if (notice === 'setupDone' || notice === 'loggedOut' || notice === 'accountCreated' || notice === 'passwordReset') return notice;
  }
  return null;
}

function noticeText(t: Messages, a: AdminMessages, notice: NoticeKey): string {
  if (notice === 'accountCreated') return a.accountCreated;
  if (notice === 'passwordReset') return a.passwordReset;
  return notice === 'setupDone' ? t.setupSuccess : t.loggedOut;
}

/** Email and password; afterwards back to where the user came from. */
export function LoginPage() {
  const t = useT();
  const session = useSession();
  const location = useLocation();
  const next = safeLocalPath(useSearchParam('next'));
  const notice = noticeFrom(location.state);
  const ssoFailed = useSearchParam('sso') === 'failed';
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [missing, setMissing] = useState<Record<string, string>>({});
  const { busy, error: problem, errors: rejected, run, reset } = useMutation();
  const [pending, setPending] = useState<string | null>(null);
  const a = useAdminT();
  usePageTitle(t.loginTitle);

  // Someone already logged in has nothing to do here.
  useEffect(() => {
    if (session.user && !busy) navigate(next, { replace: true });
  }, [session.user, busy, next]);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const missing: Record<string, string> = {};
    if (!email.trim()) missing.email = t.fieldRequired;
    if (!password) missing.password = t.fieldRequired;
    setMissing(missing);
    reset();
    if (Object.keys(missing).length > 0) return;

    const result = await run(() => session.login(email.trim(), password));
    if (!result) return;
    if ('secondFactor' in result) setPending(result.secondFactor);
    else navigate(next, { replace: true });
  };
  const errors = { ...rejected, ...missing };

  if (pending) return <SecondFactorForm token={pending} onDone={() => navigate(next, { replace: true })} />;
  return (
    <section className="card card-narrow" aria-labelledby="login-title">
      <h1 id="login-title">{t.loginTitle}</h1>
      {notice && !problem ? <Notice kind="success">{noticeText(t, a, notice)}</Notice> : null}
      {session.setupRequired ? <Notice kind="info">{t.setupRequiredNotice}</Notice> : null}
      {ssoFailed ? <Notice kind="error">{a.ssoFailed}</Notice> : null}
      <p className="lead">{t.loginIntro}</p>
      <form className="form" onSubmit={submit} noValidate>
        {problem ? <Notice kind="error">{problemText(t, problem)}</Notice> : null}
        <FormField
          label={t.email}
          type="email"
          name="email"
          autoComplete="username"
          required
          value={email}
          error={errors.email}
          onChange={(event) => setEmail(event.target.value)}
        />
        <CurrentPasswordField label={t.password} name="password" required value={password} error={errors.password} onChange={setPassword} />
        <SubmitButton busy={busy} busyLabel={t.loggingIn}>
          {t.login}
        </SubmitButton>
      </form>
      {session.singleSignOn ? (
        // A full-page navigation: the server redirects to the OpenID provider and back.
        <p>
          <a className="button" href="/api/auth/oidc/start">
            {a.ssoLogin}
          </a>
        </p>
      ) : null}
    </section>
  );
}
