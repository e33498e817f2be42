import { type FormEvent, useState } from 'react';
import type { OrganisationItem, ProductItem, VersionItem } from '../admin/admin.types';
import { useMutation } from '../api/use-mutation';
import { api, apiPath } from '../api/client';
import type { User } from '../api/types';
import { useApi } from '../api/use-api';
import { FormField } from '../components/forms/form-field';
import { ProblemNotice } from '../components/status';
import type { CriteriaView } from '../cra/cra.types';
import { MemberStatesField } from '../cra/member-states-field';
import { useCraT } from '../cra/cra-ui';
import { useLanguage } from '../i18n/i18n';
import { navigate, useSearchParam } from '../router/router';
import { SubmitButton } from '../components/forms/submit-button';
import { SignedInSection } from '../components/page-section';
import '../cra/cra.css';
import { toggled } from '../components/forms/toggled';

function Criteria({ criteria, checked, onToggle }: { criteria: CriteriaView | null; checked: number[]; onToggle: (i: number) => void }) {
  const c = useCraT();
  const { lang } = useLanguage();
  if (!criteria) return <p>{c.noCriteria}</p>;
  return (
    <fieldset>
      <legend>
        {c.criteria} ({c.criteriaVersion(criteria.version)})
      </legend>
      <ul className="cra-checklist">
        {criteria.items.map((item, i) => (
          <li key={`${item.ja}|${item.en}`}>
            <label>
              <input type="checkbox" checked={checked.includes(i)} onChange={() => onToggle(i)} /> {item[lang]}
            </label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}

function NewCase({ user }: { user: User }) {
  const c = useCraT();
  const action = useMutation();
  const orgs = useApi<{ organisations: OrganisationItem[] }>('/api/organisations', user.id);
  const orgId = user.organisationId ?? (orgs.status === 'ok' ? (orgs.data.organisations[0]?.id ?? null) : null);
  const products = useApi<{ products: ProductItem[] }>(orgId ? apiPath('organisations', orgId, 'products') : null, user.id);
  // Opened from an SBOM match (/cra/new?product=…&version=…&vulnerability=…): the case is opened from that match.
  const match = useMatchParams();
  const [form, setForm] = useState({
    productId: match?.product ?? '',
    kind: 'vulnerability',
    drill: false,
    title: '',
    vulnerabilityId: match?.vulnerability ?? '',
    aliases: '',
    awareAt: '',
    note: '',
  });
  const [versionIds, setVersionIds] = useState<string[]>([]);
  const [states, setStates] = useState<string[]>([]);
  const [checked, setChecked] = useState<number[]>([]);
  const versions = useApi<{ versions: VersionItem[] }>(form.productId ? apiPath('products', form.productId, 'versions') : null, form.productId);
  const criteria = useApi<Record<string, CriteriaView | null>>(orgId ? apiPath('organisations', orgId, 'cra', 'criteria') : null, user.id);
  const kindCriteria = criteria.status === 'ok' ? (criteria.data[form.kind === 'vulnerability' ? 'exploited' : 'severe-incident'] ?? null) : null;
  const set = (key: keyof typeof form) => (e: { target: { value: string } }) => setForm((f) => ({ ...f, [key]: e.target.value }));
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const body = {
      productId: form.productId,
      kind: form.kind,
      drill: form.drill,
      title: form.title,
      vulnerabilityId: form.kind === 'vulnerability' ? form.vulnerabilityId || null : null,
      aliases: form.aliases
        .split(',')
        .map((a) => a.trim())
        .filter(Boolean),
      versionIds,
      memberStates: states,
      awareAt: form.awareAt ? new Date(form.awareAt).toISOString() : null,
      decision: { checked, note: form.note },
    };
    const created = await action.run(() =>
      match
        ? api.post<{ id: string }>(apiPath('products', match.product, 'versions', match.version, 'vulnerabilities', match.vulnerability, 'cra-case'), {
            ...(form.title ? { title: form.title } : {}),
            memberStates: body.memberStates,
            awareAt: body.awareAt,
            decision: body.decision,
            drill: body.drill,
          })
        : api.post<{ id: string }>('/api/cra/cases', body),
    );
    if (created) navigate(`/cra/cases/${encodeURIComponent(created.id)}`);
  };
  return (
    <form className="form" onSubmit={(e) => void submit(e)} noValidate aria-label={c.newCase}>
      <ProblemNotice error={action.error} />
      <div className={action.errors.productId ? 'field field-invalid' : 'field'} hidden={Boolean(match)}>
        <label htmlFor="cra-product">{c.product}</label>
        <select id="cra-product" value={form.productId} onChange={set('productId')}>
          <option value="">{c.select}</option>
          {products.status === 'ok'
            ? products.data.products.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))
            : null}
        </select>
        {action.errors.productId ? <p className="field-error">{action.errors.productId}</p> : null}
      </div>
      {match ? <p className="cra-from-match">{c.fromMatch(match.vulnerability, match.version)}</p> : null}
      <div className="field" hidden={Boolean(match)}>
        <label htmlFor="cra-kind">{c.kind}</label>
        <select id="cra-kind" value={form.kind} onChange={set('kind')}>
          <option value="vulnerability">{c.kinds.vulnerability}</option>
          <option value="incident">{c.kinds.incident}</option>
        </select>
      </div>
      <label>
        <input type="checkbox" checked={form.drill} onChange={(e) => setForm((f) => ({ ...f, drill: e.target.checked }))} /> {c.drillToggle}
      </label>
      <FormField label={c.title} value={form.title} error={action.errors.title} onChange={set('title')} />
      {form.kind === 'vulnerability' && !match ? (
        <>
          <FormField label={c.vulnerabilityId} value={form.vulnerabilityId} error={action.errors.vulnerabilityId} onChange={set('vulnerabilityId')} />
          <FormField label={c.aliases} value={form.aliases} onChange={set('aliases')} />
        </>
      ) : null}
      <fieldset hidden={Boolean(match)}>
        <legend>{c.versions}</legend>
        {versions.status === 'ok'
          ? versions.data.versions.map((v) => (
              <label key={v.id}>
                <input type="checkbox" checked={versionIds.includes(v.id)} onChange={() => setVersionIds((l) => toggled(l, v.id))} /> {v.version}{' '}
              </label>
            ))
          : null}
        {action.errors.versionIds ? <p className="field-error">{action.errors.versionIds}</p> : null}
      </fieldset>
      <MemberStatesField states={states} onChange={setStates} error={action.errors.memberStates} />
      <FormField label={c.awareAt} hint={c.awareNow} type="datetime-local" value={form.awareAt} error={action.errors.awareAt} onChange={set('awareAt')} />
      <Criteria criteria={kindCriteria} checked={checked} onToggle={(i) => setChecked((l) => toggled(l, i))} />
      <FormField label={c.decisionNote} value={form.note} onChange={set('note')} />
      <SubmitButton busy={action.busy}>{form.kind === 'vulnerability' ? c.markExploited : c.open}</SubmitButton>
    </form>
  );
}

function useMatchParams(): { product: string; version: string; vulnerability: string } | null {
  const product = useSearchParam('product');
  const version = useSearchParam('version');
  const vulnerability = useSearchParam('vulnerability');
  return product && version && vulnerability ? { product, version, vulnerability } : null;
}

/** /cra/new: open a case, with the organisation's criteria shown and recorded with the decision. */
export function CraNewPage() {
  const c = useCraT();
  return <SignedInSection title={c.newCase}>{(user) => <NewCase user={user} />}</SignedInSection>;
}
