import { type FormEvent, useState } from 'react';
import { FormField } from '../components/forms/form-field';
import { usePageTitle } from '../components/page-title';
import { Notice, problemText } from '../components/status';
import { useT } from '../i18n/i18n';
import { useSession } from '../session/session';
import { useMutation } from '../api/use-mutation';
import { useAdminT } from './use-admin-t';
import { SubmitButton } from '../components/forms/submit-button';

/** The second login step: a TOTP code, or one of the recovery codes. */
export function SecondFactorForm({ token, onDone }: { token: string; onDone: () => void }) {
  const a = useAdminT();
  const t = useT();
  const session = useSession();
  const [recovery, setRecovery] = useState(false);
  const [code, setCode] = useState('');
  const action = useMutation();
  usePageTitle(a.secondFactorTitle);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const body = recovery ? { token, recoveryCode: code } : { token, code };
    if (await action.run(() => session.secondFactor(body))) onDone();
  };
  return (
    <section className="card card-narrow" aria-labelledby="second-factor-title">
      <h1 id="second-factor-title">{a.secondFactorTitle}</h1>
      <form className="form" onSubmit={(e) => void submit(e)} noValidate>
        {action.error ? <Notice kind="error">{action.error.status === 404 ? a.linkInvalid : problemText(t, action.error)}</Notice> : null}
        <FormField
          label={recovery ? a.recoveryCode : a.totpCode}
          autoComplete="one-time-code"
          inputMode={recovery ? 'text' : 'numeric'}
          value={code}
          onChange={(e) => setCode(e.target.value)}
        />
        <SubmitButton busy={action.busy}>{a.verify}</SubmitButton>
        <button type="button" className="button button-ghost" onClick={() => setRecovery((r) => !r)}>
          {recovery ? a.totpCode : a.useRecovery}
        </button>
      </form>
    </section>
  );
}
