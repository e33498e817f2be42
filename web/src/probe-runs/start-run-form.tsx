import { type ChangeEvent, type FormEvent, useId, useState } from 'react';
import { api, apiPath } from '../api/client';
import { useMutation } from '../api/use-mutation';
import { problemText } from '../components/status';
import { useT } from '../i18n/i18n';
import type { ProbeRun } from './probe-runs.types';
import { type ScopeFields, scopeYaml } from './scope-form';
import { useProbeMessages } from './use-probe-messages';
import { SubmitButton } from '../components/forms/submit-button';

const EMPTY: ScopeFields = { name: '', authorisedBy: '', from: '', to: '', targets: '', protectedPaths: '' };

/** Start a run: upload a scope file or write one in the form; the text sent is shown and can be edited. */
export function StartRunForm({ assessmentId, onStarted }: { assessmentId: string; onStarted: (run: ProbeRun) => void }) {
  const m = useProbeMessages();
  const t = useT();
  const id = useId();
  const [fields, setFields] = useState<ScopeFields>(EMPTY);
  const [scope, setScope] = useState('');
  const [fileName, setFileName] = useState('scope.yaml');
  const mutation = useMutation();
  const { busy } = mutation;
  const error = mutation.error ? problemText(t, mutation.error) : null;

  const field = (key: keyof ScopeFields) => ({
    id: `${id}-${key}`,
    value: fields[key],
    onChange: (event: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => setFields((f) => ({ ...f, [key]: event.target.value })),
  });

  const upload = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    if (!file) return;
    setFileName(file.name);
    setScope(await file.text());
  };

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const run = await mutation.run(() => api.post<ProbeRun>(apiPath('assessments', assessmentId, 'probe-runs'), { scope, fileName }));
    if (run) onStarted(run);
  };

  return (
    <section className="card" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{m.start.heading}</h2>
      <div className="field">
        <label htmlFor={`${id}-file`}>{m.start.upload}</label>
        <input id={`${id}-file`} type="file" accept=".yaml,.yml,.json,text/yaml,application/json" onChange={(e) => void upload(e)} />
      </div>
      <details>
        <summary>{m.start.orWrite}</summary>
        <div className="form-grid">
          <div className="field">
            <label htmlFor={`${id}-name`}>{m.start.name}</label>
            <input {...field('name')} />
          </div>
          <div className="field">
            <label htmlFor={`${id}-authorisedBy`}>{m.start.authorisedBy}</label>
            <input {...field('authorisedBy')} />
          </div>
          <div className="field">
            <label htmlFor={`${id}-from`}>{m.start.from}</label>
            <input {...field('from')} placeholder="2026-12-01T00:00:00Z" />
          </div>
          <div className="field">
            <label htmlFor={`${id}-to`}>{m.start.to}</label>
            <input {...field('to')} placeholder="2027-01-31T00:00:00Z" />
          </div>
          <div className="field">
            <label htmlFor={`${id}-targets`}>{m.start.targets}</label>
            <textarea {...field('targets')} rows={3} />
          </div>
          <div className="field">
            <label htmlFor={`${id}-protectedPaths`}>{m.start.protectedPaths}</label>
            <input {...field('protectedPaths')} />
          </div>
        </div>
        <button type="button" className="button" onClick={() => setScope(scopeYaml(fields))}>
          {m.start.build}
        </button>
      </details>
      <form onSubmit={(e) => void submit(e)}>
        <div className="field">
          <label htmlFor={`${id}-scope`}>{m.start.scopeText}</label>
          <textarea id={`${id}-scope`} className="code" rows={10} value={scope} onChange={(e) => setScope(e.target.value)} />
        </div>
        {error ? (
          <p className="field-error" role="alert">
            {error}
          </p>
        ) : null}
        <SubmitButton busy={busy} disabled={!scope.trim()}>
          {m.start.submit}
        </SubmitButton>
      </form>
    </section>
  );
}
