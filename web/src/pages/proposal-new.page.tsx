import { type FormEvent, useState } from 'react';
import { api } from '../api/client';
import { useMutation } from '../api/use-mutation';
import { FormField } from '../components/forms/form-field';
import { TextAreaField } from '../components/forms/form-field';
import { PROPOSALS_PATH, proposalPath } from '../components/proposals/proposal-paths';
import { PROPOSAL_LIMITS, type ProposalResult } from '../components/proposals/proposal-types';
import { LayerPhaseFields } from '../components/proposals/layer-phase-fields';
import { RequireUser } from '../components/guards/require-user';
import { Notice, problemText } from '../components/status';
import { useT } from '../i18n/i18n';
import { navigate } from '../router/router';
import { PageSection } from '../components/page-section';
import { SubmitButton } from '../components/forms/submit-button';
import '../components/forms/forms.css';
import '../styles/record-lists.css';
import '../components/proposals/proposals.css';

interface Draft {
  title: string;
  text: string;
  layers: string[];
  phases: string[];
  industry: string;
}

const EMPTY: Draft = { title: '', text: '', layers: [], phases: [], industry: '' };

function ProposalForm() {
  const t = useT();
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [missing, setMissing] = useState<Record<string, string>>({});
  const mutation = useMutation({ fieldsBelow: 'body.' });
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const missing: Record<string, string> = {};
    if (!draft.title.trim()) missing.title = t.fieldRequired;
    if (!draft.text.trim()) missing.text = t.fieldRequired;
    setMissing(missing);
    mutation.reset();
    if (Object.keys(missing).length > 0) return;
    const body = { ...draft, industry: draft.industry.trim() || null };
    const result = await mutation.run(() => api.post<ProposalResult>('/api/proposals', body));
    if (result) navigate(proposalPath(result.proposal.id), { state: { notice: 'submitted' } });
  };

  const errors = { ...mutation.errors, ...missing };
  return (
    <form className="form card proposal-form" onSubmit={submit} noValidate>
      {mutation.error ? <Notice kind="error">{problemText(t, mutation.error)}</Notice> : null}
      <FormField
        label={t.proposals.fieldTitle}
        name="title"
        required
        maxLength={PROPOSAL_LIMITS.title}
        value={draft.title}
        error={errors.title}
        onChange={(event) => set('title', event.target.value)}
      />
      <TextAreaField
        label={t.proposals.fieldText}
        hint={t.proposals.fieldTextHint(PROPOSAL_LIMITS.text)}
        name="text"
        required
        rows={8}
        maxLength={PROPOSAL_LIMITS.text}
        value={draft.text}
        error={errors.text}
        onChange={(event) => set('text', event.target.value)}
      />
      <LayerPhaseFields value={draft} legends={{ layers: t.proposals.fieldLayers, phases: t.proposals.fieldPhases }} errors={errors} onChange={set} />
      <FormField
        label={t.proposals.fieldIndustry}
        hint={t.proposals.fieldIndustryHint}
        name="industry"
        maxLength={PROPOSAL_LIMITS.industry}
        value={draft.industry}
        error={errors.industry}
        onChange={(event) => set('industry', event.target.value)}
      />
      <SubmitButton busy={mutation.busy} busyLabel={t.proposals.submitting}>
        {t.proposals.submit}
      </SubmitButton>
    </form>
  );
}

/** /proposals/new: a member, assessor or editor files a security concern. */
export function ProposalNewPage() {
  const t = useT();
  return (
    <PageSection title={t.proposals.newTitle} parents={[{ label: t.proposals.listTitle, to: PROPOSALS_PATH }]} lead={t.proposals.newIntro}>
      <RequireUser>{() => <ProposalForm />}</RequireUser>
    </PageSection>
  );
}
