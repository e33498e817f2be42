import { useEffect, useState } from 'react';
import type { OrganisationItem, ProductItem, UserItem } from '../admin/admin.types';
import { useMutation } from '../api/use-mutation';
import { api, apiPath } from '../api/client';
import type { User } from '../api/types';
import { useApi } from '../api/use-api';
import { ErrorView, Loading, Notice, ProblemNotice } from '../components/status';
import type { CriteriaView } from '../cra/cra.types';
import { useCraT } from '../cra/cra-ui';
import { Options } from '../components/forms/options';
import { SignedInSection } from '../components/page-section';
import { toggled } from '../components/forms/toggled';

interface Contact {
  userId: string;
  role: 'owner' | 'deputy';
}

function ProductContacts({ product, members }: { product: ProductItem; members: UserItem[] }) {
  const c = useCraT();
  const action = useMutation();
  const current = useApi<{ contacts: Contact[] }>(apiPath('products', product.id, 'cra', 'contacts'), product.id);
  const [owner, setOwner] = useState('');
  const [deputies, setDeputies] = useState<string[]>([]);
  const [saved, setSaved] = useState(false);
  // The loaded answer (stable between renders), not the result wrapper (new each render).
  const loaded = current.status === 'ok' ? current.data : null;
  useEffect(() => {
    if (!loaded) return;
    setOwner(loaded.contacts.find((x) => x.role === 'owner')?.userId ?? '');
    setDeputies(loaded.contacts.filter((x) => x.role === 'deputy').map((x) => x.userId));
  }, [loaded]);
  const save = async () => {
    setSaved(false);
    if (await action.run(() => api.put(apiPath('products', product.id, 'cra', 'contacts'), { ownerId: owner, deputyIds: deputies }))) setSaved(true);
  };
  return (
    <article className="card" aria-label={product.name}>
      <h3>{product.name}</h3>
      <ProblemNotice error={action.error} />
      {saved ? <Notice kind="success">{c.saveContacts}</Notice> : null}
      <div className="field">
        <label htmlFor={`owner-${product.id}`}>{c.chooseOwner}</label>
        <select id={`owner-${product.id}`} value={owner} onChange={(e) => setOwner(e.target.value)}>
          <option value="">{c.noOwner}</option>
          <Options of={members} value={(m) => m.id} label={(m) => m.displayName} />
        </select>
      </div>
      <fieldset>
        <legend>{c.chooseDeputies}</legend>
        {members
          .filter((m) => m.id !== owner)
          .map((m) => (
            <label key={m.id}>
              <input type="checkbox" checked={deputies.includes(m.id)} onChange={() => setDeputies((l) => toggled(l, m.id))} /> {m.displayName}{' '}
            </label>
          ))}
      </fieldset>
      <button type="button" className="button" disabled={action.busy} onClick={() => void save()}>
        {c.saveContacts}
      </button>
    </article>
  );
}

function CriteriaEditor({
  orgId,
  kind,
  current,
  onSaved,
}: {
  orgId: string;
  kind: 'exploited' | 'severe-incident';
  current: CriteriaView | null;
  onSaved: () => void;
}) {
  const c = useCraT();
  const action = useMutation();
  const [text, setText] = useState((current?.items ?? []).map((i) => `${i.ja} | ${i.en}`).join('\n'));
  const save = async () => {
    const items = text
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean)
      .map((l) => {
        const [ja = '', en = ''] = l.split('|').map((x) => x.trim());
        return { ja, en: en || ja };
      });
    if (await action.run(() => api.post(apiPath('organisations', orgId, 'cra', 'criteria'), { kind, items }))) onSaved();
  };
  const id = `criteria-${kind}`;
  return (
    <div className="card">
      <h3>
        {c.criteriaKinds[kind]} {current ? `(${c.criteriaVersion(current.version)})` : ''}
      </h3>
      <ProblemNotice error={action.error} />
      <label htmlFor={id}>{c.criteriaLines}</label>
      <textarea id={id} rows={5} value={text} onChange={(e) => setText(e.target.value)} />
      <button type="button" className="button" disabled={action.busy} onClick={() => void save()}>
        {c.saveCriteria}
      </button>
    </div>
  );
}

function Settings({ user }: { user: User }) {
  const c = useCraT();
  const [key, setKey] = useState(0);
  const orgs = useApi<{ organisations: OrganisationItem[] }>('/api/organisations', user.id);
  const orgId = user.organisationId ?? (orgs.status === 'ok' ? (orgs.data.organisations[0]?.id ?? null) : null);
  const products = useApi<{ products: ProductItem[] }>(orgId ? apiPath('organisations', orgId, 'products') : null, user.id);
  const users = useApi<{ users: UserItem[] }>('/api/users', user.id);
  const criteria = useApi<Record<'exploited' | 'severe-incident', CriteriaView | null>>(
    orgId ? apiPath('organisations', orgId, 'cra', 'criteria') : null,
    `${user.id}|${key}`,
  );
  if (products.status === 'error') return <ErrorView error={products.error} onRetry={products.retry} />;
  if (products.status !== 'ok' || !orgId) return <Loading />;
  const members = users.status === 'ok' ? users.data.users.filter((u) => u.role === 'member' && u.organisationId === orgId && u.active) : [];
  return (
    <>
      <h2>{c.ownerTitle}</h2>
      {products.data.products.map((p) => (
        <ProductContacts key={p.id} product={p} members={members} />
      ))}
      <h2>{c.criteriaTitle}</h2>
      {criteria.status === 'ok'
        ? (['exploited', 'severe-incident'] as const).map((k) => (
            <CriteriaEditor
              key={`${k}-${criteria.data[k]?.version ?? 0}`}
              orgId={orgId}
              kind={k}
              current={criteria.data[k]}
              onSaved={() => setKey((n) => n + 1)}
            />
          ))
        : null}
    </>
  );
}

/** /cra/settings: reporting owner and deputies per product, and the triage criteria (organisation managers). */
export function CraSettingsPage() {
  const c = useCraT();
  return <SignedInSection title={c.settings}>{(user) => <Settings user={user} />}</SignedInSection>;
}
