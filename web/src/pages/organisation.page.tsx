import { type FormEvent, useState } from 'react';
import type { OrganisationItem, ProductItem, VersionItem } from '../admin/admin.types';
import { useMutation } from '../api/use-mutation';
import { useAdminT } from '../admin/use-admin-t';
import { api, apiPath } from '../api/client';
import type { User } from '../api/types';
import { useApi } from '../api/use-api';
import { FormField } from '../components/forms/form-field';
import { usePageTitle } from '../components/page-title';
import { RequireUser } from '../components/guards/require-user';
import { ErrorView, Loading, Notice, problemText } from '../components/status';
import { useT } from '../i18n/i18n';
import { Link } from '../router/router';
import { type SelfAssessmentPermission, SelfAssessmentSwitch, SelfAssessStart } from '../assessment/self-assess-start';

/** Admins write any organisation's products; members their own (as the API decides). */
const canWrite = (user: User, orgId: string) => user.role === 'admin' || (user.role === 'member' && user.organisationId === orgId);

function VersionForm({ productId, onAdded }: { productId: string; onAdded: () => void }) {
  const a = useAdminT();
  const t = useT();
  const [form, setForm] = useState({ version: '', releaseDate: '', supportEnd: '' });
  const action = useMutation();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const body = { version: form.version, releaseDate: form.releaseDate || null, supportEnd: form.supportEnd || null };
    if (await action.run(() => api.post(apiPath('products', productId, 'versions'), body))) {
      setForm({ version: '', releaseDate: '', supportEnd: '' });
      onAdded();
    }
  };
  const field = (key: keyof typeof form) => (e: { target: { value: string } }) => setForm((f) => ({ ...f, [key]: e.target.value }));
  return (
    <form className="form inline-form" onSubmit={(e) => void submit(e)} noValidate aria-label={a.addVersion}>
      {action.error ? <Notice kind="error">{problemText(t, action.error)}</Notice> : null}
      <FormField label={a.version} value={form.version} error={action.errors.version} onChange={field('version')} />
      <FormField label={a.releaseDate} type="date" value={form.releaseDate} error={action.errors.releaseDate} onChange={field('releaseDate')} />
      <FormField label={a.supportEnd} type="date" value={form.supportEnd} error={action.errors.supportEnd} onChange={field('supportEnd')} />
      <button type="submit" className="button" disabled={action.busy}>
        {a.addVersion}
      </button>
    </form>
  );
}

function ProductCard({ product, writable, selfAssess }: { product: ProductItem; writable: boolean; selfAssess: User | null }) {
  const a = useAdminT();
  const [key, setKey] = useState(0);
  const versions = useApi<{ versions: VersionItem[] }>(apiPath('products', product.id, 'versions'), String(key));
  return (
    <article className="card" aria-label={product.name}>
      <h2>{product.model ? `${product.name} (${product.model})` : product.name}</h2>
      {product.description ? <p>{product.description}</p> : null}
      {selfAssess ? <SelfAssessStart user={selfAssess} productId={product.id} productName={product.name} /> : null}
      <h3>{a.versions}</h3>
      {versions.status === 'ok' ? (
        <ul className="version-list">
          {versions.data.versions.map((v) => (
            <li key={v.id}>
              <Link to={`/products/${encodeURIComponent(product.id)}/versions/${encodeURIComponent(v.version)}`}>{v.version}</Link>
              {v.releaseDate ? ` · ${a.releaseDate} ${v.releaseDate}` : ''}
              {v.supportEnd ? ` · ${a.supportEnd} ${v.supportEnd}` : ''}
            </li>
          ))}
        </ul>
      ) : null}
      {writable ? <VersionForm productId={product.id} onAdded={() => setKey((k) => k + 1)} /> : null}
    </article>
  );
}

function ProductForm({ orgId, onAdded }: { orgId: string; onAdded: () => void }) {
  const a = useAdminT();
  const t = useT();
  const [form, setForm] = useState({ name: '', model: '', description: '' });
  const action = useMutation();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const body = { name: form.name, model: form.model || null, description: form.description || null };
    if (await action.run(() => api.post(apiPath('organisations', orgId, 'products'), body))) {
      setForm({ name: '', model: '', description: '' });
      onAdded();
    }
  };
  const field = (key: keyof typeof form) => (e: { target: { value: string } }) => setForm((f) => ({ ...f, [key]: e.target.value }));
  return (
    <form className="form card" onSubmit={(e) => void submit(e)} noValidate aria-label={a.addProduct}>
      {action.error ? <Notice kind="error">{problemText(t, action.error)}</Notice> : null}
      <FormField label={a.productName} value={form.name} error={action.errors.name} onChange={field('name')} />
      <FormField label={a.productModel} value={form.model} error={action.errors.model} onChange={field('model')} />
      <FormField label={a.productDescription} value={form.description} error={action.errors.description} onChange={field('description')} />
      <button type="submit" className="button button-primary" disabled={action.busy}>
        {a.addProduct}
      </button>
    </form>
  );
}

function Products({ user, orgId }: { user: User; orgId: string }) {
  const a = useAdminT();
  const [key, setKey] = useState(0);
  const orgs = useApi<{ organisations: OrganisationItem[] }>('/api/organisations', user.id);
  const products = useApi<{ products: ProductItem[] }>(apiPath('organisations', orgId, 'products'), `${user.id}|${key}`);
  const [permissionKey, setPermissionKey] = useState(0);
  const permission = useApi<SelfAssessmentPermission>(apiPath('organisations', orgId, 'self-assessment'), `${user.id}|${permissionKey}`);
  const name = orgs.status === 'ok' ? (orgs.data.organisations.find((o) => o.id === orgId)?.name ?? '') : '';
  usePageTitle(a.productsTitle(name));
  if (products.status === 'loading') return <Loading />;
  if (products.status === 'error') return <ErrorView error={products.error} onRetry={products.retry} />;
  const writable = canWrite(user, orgId);
  // Only the organisation's own members self-assess, and only when its manager allows it.
  const selfAssess = permission.status === 'ok' && permission.data.allowed && user.role === 'member' && user.organisationId === orgId ? user : null;
  return (
    <>
      <h1>{a.productsTitle(name)}</h1>
      {permission.status === 'ok' ? <SelfAssessmentSwitch orgId={orgId} permission={permission.data} onChanged={() => setPermissionKey((k) => k + 1)} /> : null}
      {products.data.products.length === 0 ? <p>{a.noProductsYet}</p> : null}
      {products.data.products.map((p) => (
        <ProductCard key={p.id} product={p} writable={writable} selfAssess={selfAssess} />
      ))}
      {writable ? <ProductForm orgId={orgId} onAdded={() => setKey((k) => k + 1)} /> : null}
    </>
  );
}

/** /organisations/:id: the organisation's products and their versions. */
export function OrganisationPage({ id }: { id: string }) {
  return <section>{<RequireUser>{(user) => <Products user={user} orgId={id} />}</RequireUser>}</section>;
}
