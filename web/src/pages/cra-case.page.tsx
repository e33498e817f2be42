import { type FormEvent, useEffect, useState } from 'react';
import { useMutation } from '../api/use-mutation';
import { api, apiPath } from '../api/client';
import type { User } from '../api/types';
import { useApi } from '../api/use-api';
import { FormField } from '../components/forms/form-field';
import { usePageTitle } from '../components/page-title';
import { RequireUser } from '../components/guards/require-user';
import { ErrorView, Loading, ProblemNotice } from '../components/status';
import type { CraCaseView } from '../cra/cra.types';
import { MemberStatesField } from '../cra/member-states-field';
import { ClockRow, useCraT, utc } from '../cra/cra-ui';
import { ReportForm } from '../cra/report-form';
import { useLanguage } from '../i18n/i18n';
import '../cra/cra.css';

/** A one-or-two-field form posting to one case action; the answer replaces the view. */
function ActionForm({
  view,
  path,
  label,
  fields,
  onChange,
}: {
  view: CraCaseView;
  path: string;
  label: string;
  fields: { name: string; label: string; type?: string }[];
  onChange: (v: CraCaseView) => void;
}) {
  const action = useMutation();
  const [values, setValues] = useState<Record<string, string>>({});
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const body = Object.fromEntries(
      fields.map((f) => [
        f.name,
        f.type === 'datetime-local' ? (values[f.name] ? new Date(values[f.name] ?? '').toISOString() : null) : (values[f.name] ?? ''),
      ]),
    );
    const v = await action.run(() => api.post<CraCaseView>(apiPath('cra', 'cases', view.id, path), body));
    if (v) {
      setValues({});
      onChange(v);
    }
  };
  return (
    <form className="form card" onSubmit={(e) => void submit(e)} noValidate aria-label={label}>
      <h3>{label}</h3>
      <ProblemNotice error={action.error} />
      {fields.map((f) => (
        <FormField
          key={f.name}
          label={f.label}
          type={f.type ?? 'text'}
          value={values[f.name] ?? ''}
          error={action.errors[f.name]}
          onChange={(e) => setValues((v) => ({ ...v, [f.name]: e.target.value }))}
        />
      ))}
      <button type="submit" className="button" disabled={action.busy}>
        {label}
      </button>
    </form>
  );
}

function ConfirmForm({ view, onChange }: { view: CraCaseView; onChange: (v: CraCaseView) => void }) {
  const c = useCraT();
  const action = useMutation();
  const [states, setStates] = useState<string[]>([]);
  const confirm = async () => {
    const v = await action.run(() => api.post<CraCaseView>(apiPath('cra', 'cases', view.id, 'confirm'), { memberStates: states }));
    if (v) onChange(v);
  };
  return (
    <div className="card">
      <ProblemNotice error={action.error} />
      <MemberStatesField states={states} onChange={setStates} />
      <button type="button" className="button button-primary" disabled={action.busy} onClick={() => void confirm()}>
        {c.confirm}
      </button>
    </div>
  );
}

function Steps({ view }: { view: CraCaseView }) {
  const c = useCraT();
  return (
    <section aria-label={c.steps}>
      <h2>{c.steps}</h2>
      <ul>
        {view.steps.map((s) => (
          <li key={s.step} data-step={s.step}>
            {c.stepNames[s.step] ?? s.step}: {s.ms === null ? '—' : `${Math.floor(s.ms / 3_600_000)} h ${Math.floor((s.ms % 3_600_000) / 60_000)} min`}
          </li>
        ))}
      </ul>
    </section>
  );
}

function CaseBody({ initial }: { initial: CraCaseView }) {
  const c = useCraT();
  const { lang } = useLanguage();
  const [view, setView] = useState(initial);
  useEffect(() => setView(initial), [initial]);
  const open = view.status === 'open';
  return (
    <>
      <h1>
        {view.drill ? <span className="cra-drill-badge">{c.drillBadge}</span> : null}
        {view.title}
      </h1>
      <p>
        {c.kinds[view.kind]} · {view.productName} · {view.versions.map((v) => v.version).join(', ')} · {view.memberStates.join(', ')} · {c.status[view.status]}
      </p>
      {view.vulnerabilityId ? (
        <p className="cra-vulnerability">
          {c.vulnerabilityId}: <strong>{view.vulnerabilityId}</strong>
          {view.aliases.length > 0 ? ` (${view.aliases.join(', ')})` : ''}
        </p>
      ) : null}
      <p>
        {c.awareAt}: <time dateTime={view.awareAt}>{utc(view.awareAt)}</time>
        {view.correctiveAt ? (
          <>
            {' · '}
            {c.corrective}:{' '}
            <time dateTime={view.correctiveAt} data-corrective-at={view.correctiveAt}>
              {utc(view.correctiveAt)}
            </time>{' '}
            ({view.correctiveText})
          </>
        ) : null}
      </p>
      {view.clocks.length > 0 ? (
        <table className="cra-clocks" aria-label={c.due}>
          <tbody>
            {view.clocks.map((k) => (
              <ClockRow key={k.stage} clock={k} />
            ))}
          </tbody>
        </table>
      ) : null}
      <section aria-label={c.contacts}>
        <h2>{c.contacts}</h2>
        <ul>
          {view.contacts.map((p) => (
            <li key={p.userId} data-contact={p.role}>
              {p.role === 'owner' ? c.owner : c.deputy}: {p.displayName} — {p.notifiedAt ? c.notified(utc(p.notifiedAt)) : c.notNotified}
            </li>
          ))}
        </ul>
      </section>
      {view.criteria ? (
        <section aria-label={c.criteria}>
          <h2>
            {c.criteria} ({c.criteriaVersion(view.criteria.version)})
          </h2>
          <ul className="cra-checklist">
            {view.criteria.items.map((item, i) => (
              <li key={`${item.ja}|${item.en}`}>
                {view.decision.checked.includes(i) ? '☑' : '☐'} {item[lang]}
              </li>
            ))}
          </ul>
          {view.decision.note ? <p>{view.decision.note}</p> : null}
        </section>
      ) : null}
      {view.status === 'proposed' ? <ConfirmForm view={view} onChange={setView} /> : null}
      {view.status === 'proposed' ? (
        <ActionForm view={view} path="close" label={c.dismiss} fields={[{ name: 'reason', label: c.closeReason }]} onChange={setView} />
      ) : null}
      {view.status !== 'proposed' ? (
        <section aria-label={c.reports}>
          <h2>{c.reports}</h2>
          <p>{c.notTransmitted}</p>
          {(['early-warning', 'notification', 'final'] as const).map((s) => (
            <ReportForm key={`${s}-${view.reports.find((r) => r.stage === s)?.sentAt ?? ''}`} view={view} stage={s} onChange={setView} />
          ))}
        </section>
      ) : null}
      {open && view.kind === 'vulnerability' ? (
        <ActionForm view={view} path="corrective" label={c.corrective} fields={[{ name: 'text', label: c.correctiveText }]} onChange={setView} />
      ) : null}
      {open ? (
        <ActionForm
          view={view}
          path="awareness"
          label={c.awareness}
          fields={[
            { name: 'awareAt', label: c.awareAt, type: 'datetime-local' },
            { name: 'reason', label: c.awarenessReason },
          ]}
          onChange={setView}
        />
      ) : null}
      {open ? <ActionForm view={view} path="close" label={c.close} fields={[{ name: 'reason', label: c.closeReason }]} onChange={setView} /> : null}
      {view.drill || view.status === 'closed' ? <Steps view={view} /> : null}
      {view.escalations.length > 0 ? (
        <section aria-label={c.escalations}>
          <h2>{c.escalations}</h2>
          <ul>
            {view.escalations.map((e) => (
              <li key={`${e.stage}-${e.threshold}-${e.dueAt}`}>
                {utc(e.at)}: {c.stage[e.stage]} — {c.threshold[e.threshold]}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {view.kind === 'vulnerability' ? (
        <p>
          {c.csaf}:{' '}
          <a href={`${apiPath('cra', 'cases', view.id, 'csaf')}?profile=csaf_security_advisory`} download>
            {c.csafAdvisory}
          </a>{' '}
          <a href={`${apiPath('cra', 'cases', view.id, 'csaf')}?profile=csaf_vex`} download>
            {c.csafVex}
          </a>
        </p>
      ) : null}
    </>
  );
}

function Case({ user, id }: { user: User; id: string }) {
  const view = useApi<CraCaseView>(apiPath('cra', 'cases', id), user.id);
  if (view.status === 'loading') return <Loading />;
  if (view.status === 'error') return <ErrorView error={view.error} onRetry={view.retry} />;
  return <CaseBody initial={view.data} />;
}

/** /cra/cases/:id: a case's clocks, contacts, criteria, report drafts and actions. */
export function CraCasePage({ id }: { id: string }) {
  const c = useCraT();
  usePageTitle(c.dashboardTitle);
  return (
    <section>
      <RequireUser>{(user) => <Case user={user} id={id} />}</RequireUser>
    </section>
  );
}
