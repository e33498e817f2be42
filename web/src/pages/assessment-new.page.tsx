import { EditionGate } from '../components/guards/edition-gate';
import { type FormEvent, useState } from 'react';
import type { AssessmentView, Organisation, Product } from '../api/assessment.types';
import { api, apiPath } from '../api/client';
import type { User } from '../api/types';
import { useApi } from '../api/use-api';
import { useMutation } from '../api/use-mutation';
import { emptySpec, type SpecState, specBody } from '../assessment/checksheet-spec';
import { canAssess } from '../assessment/roles';
import { SpecForm } from '../assessment/spec-form';
import { usePreview } from '../assessment/use-preview';
import { FormField } from '../components/forms/form-field';
import { LabelledSelect } from '../components/forms/labelled-select';
import { RequireUser } from '../components/guards/require-user';
import { Notice, ProblemNotice } from '../components/status';
import { useLanguage, useT } from '../i18n/i18n';
import { ASSESSMENTS_PATH, assessmentPath } from '../router/assessment-paths';
import { Link, navigate } from '../router/router';
import { adminMessages } from '../i18n/messages-admin';
import { PageSection } from '../components/page-section';
import { SubmitButton } from '../components/forms/submit-button';
import '../assessment/assessment.css';
import '../components/forms/forms.css';
import '../styles/record-lists.css';

function NewAssessmentForm({ user, editionId }: { user: User; editionId: string }) {
  const t = useT();
  const { lang } = useLanguage();
  const [orgId, setOrgId] = useState('');
  const [productId, setProductId] = useState('');
  const [title, setTitle] = useState('');
  const [productVersion, setProductVersion] = useState('');
  const [spec, setSpec] = useState<SpecState>(() => emptySpec(editionId));
  const [missing, setMissing] = useState<Record<string, string>>({});
  const mutation = useMutation();
  const preview = usePreview(spec);
  const orgs = useApi<{ organisations: Organisation[] }>('/api/organisations', user.id);
  const products = useApi<{ products: Product[] }>(orgId ? apiPath('organisations', orgId, 'products') : null, `${user.id}|${orgId}`);
  const productChoices: [string, string][] =
    orgId && products.status === 'ok' ? products.data.products.map((p) => [p.id, p.model ? `${p.name} (${p.model})` : p.name]) : [];

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const missing: Record<string, string> = {};
    if (!productId) missing.productId = t.fieldRequired;
    if (!title.trim()) missing.title = t.fieldRequired;
    setMissing(missing);
    mutation.reset();
    if (Object.keys(missing).length > 0) return;
    const version = productVersion.trim();
    const body = { productId, title: title.trim(), ...(version ? { productVersion: version } : {}), editionId: spec.editionId, spec: specBody(spec) };
    const created = await mutation.run(() => api.post<AssessmentView>('/api/assessments', body));
    if (created) navigate(assessmentPath(created.id), { state: { notice: 'created' } });
  };
  const errors = { ...mutation.errors, ...missing };

  return (
    <form className="form card assessment-form" onSubmit={(event) => void submit(event)} noValidate>
      <ProblemNotice error={mutation.error} />
      <LabelledSelect
        required
        empty={t.assessments.chooseOne}
        label={t.assessments.organisation}
        value={orgId}
        choices={orgs.status === 'ok' ? orgs.data.organisations.map((o) => [o.id, o.name]) : []}
        onChange={(v) => {
          setOrgId(v);
          setProductId('');
        }}
      />
      <LabelledSelect
        required
        empty={t.assessments.chooseOne}
        label={t.assessments.product}
        value={productId}
        choices={productChoices}
        onChange={setProductId}
        error={errors.productId}
      />
      {orgId && products.status === 'ok' && productChoices.length === 0 ? <Notice kind="info">{t.assessments.noProducts}</Notice> : null}
      {orgId && (user.role === 'admin' || user.organisationId === orgId) ? (
        <Link to={`/organisations/${encodeURIComponent(orgId)}`}>{adminMessages[lang].addProductLink}</Link>
      ) : null}
      <FormField
        label={t.assessments.title}
        hint={t.assessments.titleHint}
        name="title"
        required
        maxLength={200}
        value={title}
        error={errors.title}
        onChange={(event) => setTitle(event.target.value)}
      />
      <FormField
        label={t.assessments.productVersion}
        name="productVersion"
        maxLength={100}
        value={productVersion}
        error={errors.productVersion}
        onChange={(event) => setProductVersion(event.target.value)}
      />
      <SpecForm spec={spec} onChange={setSpec} preview={preview} />
      <SubmitButton busy={mutation.busy} busyLabel={t.assessments.creating}>
        {t.assessments.create}
      </SubmitButton>
    </form>
  );
}

/** /assessments/new: product, edition and checksheet scope, with a live count of the items. */
export function AssessmentNewPage() {
  const t = useT();
  return (
    <PageSection title={t.assessments.newTitle} parents={[{ label: t.assessments.listTitle, to: ASSESSMENTS_PATH }]} lead={t.assessments.newIntro}>
      <RequireUser>
        {(user) =>
          !canAssess(user) ? (
            <Notice kind="info">{t.assessments.notAllowed}</Notice>
          ) : (
            <EditionGate>{(edition) => <NewAssessmentForm user={user} editionId={edition.id} />}</EditionGate>
          )
        }
      </RequireUser>
    </PageSection>
  );
}
