import { type FormEvent, useRef, useState } from 'react';
import type { ProductItem } from '../admin/admin.types';
import { useMutation } from '../api/use-mutation';
import { apiPath, sendBytes } from '../api/client';
import type { User } from '../api/types';
import { useApi } from '../api/use-api';
import { usePageTitle } from '../components/page-title';
import { RequireUser } from '../components/guards/require-user';
import { ServerProblemList } from '../components/server-problem-list';
import { ErrorView, Loading, Notice, ProblemNotice } from '../components/status';
import { useLanguage } from '../i18n/i18n';
import { sbomMessages } from '../i18n/messages-sbom';
import { ComponentsTable } from '../sbom/components-table';
import type { SbomOverview, VulnerabilityItem } from '../sbom/sbom.types';
import { VulnerabilitiesTable } from '../sbom/vulnerabilities-table';
import { SubmitButton } from '../components/forms/submit-button';

function UploadForm({ base, onUploaded }: { base: string[]; onUploaded: (n: number, matches: number) => void }) {
  const m = sbomMessages[useLanguage().lang];
  const action = useMutation();
  const input = useRef<HTMLInputElement>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const file = input.current?.files?.[0];
    if (!file) return;
    const r = await action.run(() =>
      sendBytes<{ components: number; newMatches: number }>('POST', apiPath(...base, 'sboms'), file, {
        'content-type': 'application/octet-stream',
        'x-filename': encodeURIComponent(file.name),
      }),
    );
    if (r) onUploaded(r.components, r.newMatches);
  };
  const problems = action.error?.problem.errors ?? [];
  return (
    <form className="form card" onSubmit={(e) => void submit(e)} aria-label={m.upload} noValidate>
      <ProblemNotice error={action.error} />
      {problems.length > 0 ? <ServerProblemList className="field-error sbom-problems" problems={problems} /> : null}
      <label>
        {m.file} <input ref={input} type="file" name="sbom" />
      </label>
      <SubmitButton busy={action.busy}>{m.upload}</SubmitButton>
    </form>
  );
}

function VersionView({ user, productId, version }: { user: User; productId: string; version: string }) {
  const m = sbomMessages[useLanguage().lang];
  const [key, setKey] = useState(0);
  const [message, setMessage] = useState('');
  const base = ['products', productId, 'versions', version];
  const product = useApi<ProductItem>(apiPath('products', productId), user.id);
  const overview = useApi<SbomOverview>(apiPath(...base, 'sboms'), `${user.id}|${key}`);
  const vulns = useApi<{ vulnerabilities: VulnerabilityItem[] }>(apiPath(...base, 'vulnerabilities'), `${user.id}|${key}`);
  const name = product.status === 'ok' ? product.data.name : '';
  usePageTitle(m.title(name, version));
  if (overview.status === 'loading') return <Loading />;
  if (overview.status === 'error') return <ErrorView error={overview.error} onRetry={overview.retry} />;
  const orgId = product.status === 'ok' ? product.data.organisationId : '';
  const writable = user.role === 'admin' || (user.role === 'member' && user.organisationId === orgId);
  const quality = overview.data.quality;
  const documentMissing = quality?.entries[0]?.missing.join(', ') ?? '';
  return (
    <>
      <h1>{m.title(name, version)}</h1>
      {message ? <Notice kind="success">{message}</Notice> : null}
      {writable ? (
        <UploadForm
          base={base}
          onUploaded={(n, matches) => {
            setMessage(m.uploaded(n, matches));
            setKey((k) => k + 1);
          }}
        />
      ) : null}
      {overview.data.sboms.length === 0 ? <p>{m.noSbom}</p> : null}
      {quality ? <p className="sbom-quality">{m.quality(quality.incomplete, quality.judged, documentMissing)}</p> : null}
      <h2>{m.vulnerabilities}</h2>
      {vulns.status === 'ok' ? (
        <VulnerabilitiesTable base={base} items={vulns.data.vulnerabilities} writable={writable} onSaved={() => setKey((k) => k + 1)} />
      ) : null}
      {vulns.status === 'ok' && vulns.data.vulnerabilities.length > 0 ? (
        <p>
          {m.exports}: <a href={`${apiPath(...base, 'vex')}?format=openvex`}>{m.exportOpenVex}</a> ·{' '}
          <a href={`${apiPath(...base, 'vex')}?format=cyclonedx`}>{m.exportCycloneDx}</a> ·{' '}
          <a href={`${apiPath(...base, 'csaf')}?profile=csaf_vex`}>{m.exportCsaf}</a>
        </p>
      ) : null}
      {overview.data.components.length > 0 ? <ComponentsTable components={overview.data.components} /> : null}
    </>
  );
}

/** /products/:productId/versions/:version: the version's SBOMs, components, vulnerabilities, triage and VEX exports. */
export function ProductVersionPage({ productId, version }: { productId: string; version: string }) {
  return <section>{<RequireUser>{(user) => <VersionView user={user} productId={productId} version={version} />}</RequireUser>}</section>;
}
