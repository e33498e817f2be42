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
import { ErrorView, Loading, ProblemNotice } from '../components/status';
import { Link } from '../router/router';
import { type SelfAssessmentPermission, SelfAssessmentSwitch, SelfAssessStart } from '../assessment/self-assess-start';

/** Admins write any organisation's products; members their own (as the API decides). */
const canWrite = (user: User, orgId: string) => user.role === 'admin' || (user.role === 'member' && user.organisationId === orgId);

type AdminMessages = ReturnType<typeof useAdminT>;
type KeysOfType<T, V> = { [K in keyof T]: T[K] extends V ? K : never }[keyof T];

interface AddField {
  key: string;
  label: KeysOfType<AdminMessages, string>;
  type?: 'date';
  /** Sent as null when left empty. */
  optional?: boolean;
}

const VERSION_FIELDS: AddField[] = [
  { key: 'version', label: 'version' },
  { key: 'releaseDate', label: 'releaseDate', type: 'date', optional: true },
  { key: 'supportEnd', label: 'supportEnd', type: 'date', optional: true },
];

const PRODUCT_FIELDS: AddField[] = [
  { key: 'name', label: 'productName' },
  { key: 'model', label: 'productModel', optional: true },
  { key: 'description', label: 'productDescription', optional: true },
];

/**
 * A small form that adds one record (a product, a version) with a few text
 * fields, then empties itself. `wide`: a card of its own (a product); else a
 * line inside its card (a version). Labels are admin message keys.
 */
function AddForm({
  label: labelKey,
  path,
  fields,
  wide,
  onAdded,
}: {
  label: KeysOfType<AdminMessages, string>;
  path: string;
  fields: AddField[];
  wide: boolean;
  onAdded: () => void;
}) {
  const a = useAdminT();
  const label = a[labelKey];
  const empty = () => Object.fromEntries(fields.map((f) => [f.key, ''])) as Record<string, string>;
  const [form, setForm] = useState(empty);
  const action = useMutation();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const body = Object.fromEntries(fields.map((f) => [f.key, f.optional ? form[f.key] || null : form[f.key]]));
    if (await action.run(() => api.post(path, body))) {
      setForm(empty());
      onAdded();
    }
  };
  return (
    <form className={wide ? 'form card' : 'form inline-form'} onSubmit={(e) => void submit(e)} noValidate aria-label={label}>
      <ProblemNotice error={action.error} />
      {fields.map((f) => (
        <FormField
          key={f.key}
          label={a[f.label]}
          type={f.type}
          value={form[f.key]}
          error={action.errors[f.key]}
          onChange={(e) => setForm((previous) => ({ ...previous, [f.key]: e.target.value }))}
        />
      ))}
      <button type="submit" className={wide ? 'button button-primary' : 'button'} disabled={action.busy}>
        {label}
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
      {writable ? (
        <AddForm
          label="addVersion"
          path={apiPath('products', product.id, 'versions')}
          fields={VERSION_FIELDS}
          wide={false}
          onAdded={() => setKey((k) => k + 1)}
        />
      ) : null}
    </article>
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
      {writable ? (
        <AddForm label="addProduct" path={apiPath('organisations', orgId, 'products')} fields={PRODUCT_FIELDS} wide onAdded={() => setKey((k) => k + 1)} />
      ) : null}
    </>
  );
}

/** /organisations/:id: the organisation's products and their versions. */
export function OrganisationPage({ id }: { id: string }) {
  return <section>{<RequireUser>{(user) => <Products user={user} orgId={id} />}</RequireUser>}</section>;
}
