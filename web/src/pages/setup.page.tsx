import { type FormEvent, type ReactNode, useEffect, useState } from 'react';
import { api } from '../api/client';
import { useMutation } from '../api/use-mutation';
import { FormField } from '../components/forms/form-field';
import { usePageTitle } from '../components/page-title';
import { Loading, Notice, problemText } from '../components/status';
import { useT } from '../i18n/i18n';
import { Link, navigate } from '../router/router';
import { useSession } from '../session/session';
import { SubmitButton } from '../components/forms/submit-button';

/** The one-time token rides in the URL fragment, which browsers never send to a server. */
function readTokenFromFragment(): string {
  return new URLSearchParams(window.location.hash.slice(1)).get('token') ?? '';
}

/** Keep the token out of the address bar, history and screenshots once read. */
function useDropFragment(): void {
  useEffect(() => {
    if (window.location.hash) {
      window.history.replaceState(window.history.state, '', window.location.pathname);
    }
  }, []);
}

interface SetupForm {
  email: string;
  displayName: string;
  password: string;
  passwordConfirm: string;
}

const EMPTY: SetupForm = { email: '', displayName: '', password: '', passwordConfirm: '' };

/** The form's fields in order; each field's label is the message of the same name. */
const SETUP_FIELDS: { name: keyof SetupForm; type?: string; autoComplete: string }[] = [
  { name: 'email', type: 'email', autoComplete: 'email' },
  { name: 'displayName', autoComplete: 'name' },
  { name: 'password', type: 'password', autoComplete: 'new-password' },
  { name: 'passwordConfirm', type: 'password', autoComplete: 'new-password' },
];

/** Creates the first administrator with the one-time setup link. */
export function SetupPage() {
  const t = useT();
  const session = useSession();
  const [token] = useState(readTokenFromFragment);
  const [form, setForm] = useState<SetupForm>(EMPTY);
  const [missing, setMissing] = useState<Record<string, string>>({});
  const mutation = useMutation();
  usePageTitle(t.setupTitle);
  useDropFragment();

  const update = (field: keyof SetupForm) => (value: string) => setForm((previous) => ({ ...previous, [field]: value }));

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    mutation.reset();
    const missing = Object.fromEntries(
      Object.entries(form)
        .filter(([, value]) => value.trim() === '')
        .map(([field]) => [field, t.fieldRequired]),
    );
    if (Object.keys(missing).length === 0 && form.password !== form.passwordConfirm) {
      missing.passwordConfirm = t.passwordMismatch;
    }
    setMissing(missing);
    if (Object.keys(missing).length > 0) return;
    const { passwordConfirm: _confirm, ...body } = form;
    const done = await mutation.run(async () => {
      await api.post('/api/setup', { token, ...body });
      await session.reload();
      return true;
    });
    if (done) navigate('/login', { replace: true, state: { notice: 'setupDone' } });
  };
  const errors = { ...mutation.errors, ...missing };
  // In the UI language at each render: the server's problem, or that the form has errors.
  let problem: string | null = null;
  if (mutation.error) problem = problemText(t, mutation.error);
  else if (Object.keys(missing).length > 0) problem = t.formHasErrors;

  let body: ReactNode;
  if (session.status === 'loading') body = <Loading />;
  else if (session.status === 'ready' && !session.setupRequired) {
    body = (
      <>
        <Notice kind="info">{t.setupAlreadyDone}</Notice>
        <Link className="button button-primary" to="/login">
          {t.login}
        </Link>
      </>
    );
  } else if (!token) body = <Notice kind="error">{t.setupTokenMissing}</Notice>;
  else {
    body = (
      <form className="form" onSubmit={submit} noValidate>
        {problem ? <Notice kind="error">{problem}</Notice> : null}
        {SETUP_FIELDS.map(({ name, type, autoComplete }) => (
          <FormField
            key={name}
            label={t[name]}
            type={type}
            name={name}
            autoComplete={autoComplete}
            required
            hint={name === 'password' ? t.passwordHint : undefined}
            value={form[name]}
            error={errors[name]}
            onChange={(event) => update(name)(event.target.value)}
          />
        ))}
        <SubmitButton busy={mutation.busy} busyLabel={t.creating}>
          {t.createAdmin}
        </SubmitButton>
      </form>
    );
  }

  return (
    <section className="card card-narrow" aria-labelledby="setup-title">
      <h1 id="setup-title">{t.setupTitle}</h1>
      <p className="lead">{t.setupIntro}</p>
      {body}
    </section>
  );
}
