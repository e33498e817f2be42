import { useState } from 'react';
import { apiPath } from '../../api/client';
import type { Localized, RequirementSummary } from '../../api/types';
import { useApi } from '../../api/use-api';
import { useLocalize, useT } from '../../i18n/i18n';
import { FormField, SelectField } from '../forms/form-field';
import { Options } from '../forms/options';
import { BilingualFields } from '../forms/bilingual-fields';
import { ErrorView, Loading, Notice } from '../status';
import { AcceptNote, noteReason } from './accept-note';
import { DecisionForm } from './decision-form';
import type { Proposal } from './proposal-types';
import { LayerPhaseFields } from './layer-phase-fields';
import { type DecisionCallbacks, useDecision } from './use-decision';

/** The parts of GET /api/drafts and /api/drafts/:id/options this form uses. */
interface DraftList {
  drafts: { id: string; title: Localized }[];
}
interface DraftOptions {
  threatCategories: { id: string; label: Localized; depth: number }[];
}

/** The new item's fields, and the draft it goes into ('' for the latest). */
type NewItem = RequirementSummary & { draftId: string };

/** Client-side completeness check; the server checks everything again. */
function missingFields(item: NewItem, required: string): Record<string, string> {
  const missing: Record<string, string> = {};
  const text: [string, string][] = [
    ['id', item.id],
    ['number', item.number],
    ['title.ja', item.title.ja],
    ['title.en', item.title.en],
    ['threatCategory', item.threatCategory],
  ];
  for (const [field, value] of text) if (!value.trim()) missing[field] = required;
  if (item.layers.length === 0) missing.layers = required;
  if (item.phases.length === 0) missing.phases = required;
  return missing;
}

/** Loads the open drafts; the form needs at least one. */
export function AcceptNew({ proposal, callbacks }: { proposal: Proposal; callbacks: DecisionCallbacks }) {
  const t = useT();
  const drafts = useApi<DraftList>('/api/drafts');
  if (drafts.status === 'loading') return <Loading />;
  if (drafts.status === 'error') return <ErrorView error={drafts.error} onRetry={drafts.retry} />;
  if (drafts.data.drafts.length === 0) return <Notice kind="info">{t.proposals.noDraft}</Notice>;
  return <NewItemForm proposal={proposal} callbacks={callbacks} drafts={drafts.data.drafts} />;
}

/**
 * Accept by adding a new item to a draft edition. The server fills criteria,
 * interpretation and verification with marked placeholders quoting the
 * proposal; the notice tells the editor to complete them.
 */
function NewItemForm({ proposal, callbacks, drafts }: { proposal: Proposal; callbacks: DecisionCallbacks; drafts: DraftList['drafts'] }) {
  const t = useT();
  const localize = useLocalize();
  const [item, setItem] = useState<NewItem>({
    draftId: '',
    id: '',
    number: '',
    title: { ja: '', en: '' },
    layers: proposal.layers,
    phases: proposal.phases,
    threatCategory: '',
  });
  const [note, setNote] = useState('');
  // Categories come from the draft the item goes into: a draft may have added some.
  const target = item.draftId || drafts[0]?.id || '';
  const options = useApi<DraftOptions>(apiPath('drafts', target, 'options'));
  const categories = options.status === 'ok' ? options.data.threatCategories : [];
  const decision = useDecision(proposal.id, callbacks, 'body.newRequirement.');
  const set = <K extends keyof NewItem>(key: K, value: NewItem[K]) => setItem((i) => ({ ...i, [key]: value }));
  const errors = decision.errors;

  const newRequirement = () => ({
    ...(item.draftId ? { draftId: item.draftId } : {}),
    id: item.id.trim(),
    number: item.number.trim(),
    title: item.title,
    layers: item.layers,
    phases: item.phases,
    threatCategory: item.threatCategory,
  });

  return (
    <DecisionForm
      decision={decision}
      action="accept"
      missing={() => missingFields(item, t.fieldRequired)}
      body={() => ({ newRequirement: newRequirement(), ...noteReason(note) })}
      intro={<Notice kind="info">{t.proposals.placeholderNotice}</Notice>}
    >
      <SelectField label={t.proposals.draftTarget} name="draftId" value={item.draftId} error={errors.draftId} onChange={(e) => set('draftId', e.target.value)}>
        <option value="">{t.proposals.latestDraft}</option>
        <Options of={drafts} value={(d) => d.id} label={(d) => `${d.id} — ${localize(d.title)}`} />
      </SelectField>
      <div className="field-row">
        <FormField label={t.proposals.newNumber} name="number" value={item.number} error={errors.number} onChange={(e) => set('number', e.target.value)} />
        <FormField
          label={t.proposals.newId}
          hint={t.proposals.newIdHint}
          name="id"
          value={item.id}
          error={errors.id}
          onChange={(e) => set('id', e.target.value)}
        />
      </div>
      <BilingualFields
        field="title"
        labels={{ ja: t.proposals.newTitleJa, en: t.proposals.newTitleEn }}
        value={item.title}
        onChange={(v) => set('title', v)}
        errors={errors}
      />
      <LayerPhaseFields value={item} legends={{ layers: t.layers, phases: t.phases }} errors={errors} onChange={set} />
      <SelectField
        label={t.proposals.newThreatCategory}
        name="threatCategory"
        value={item.threatCategory}
        error={errors.threatCategory}
        onChange={(e) => set('threatCategory', e.target.value)}
      >
        <option value="">{t.proposals.chooseThreatCategory}</option>
        <Options of={categories} value={(c) => c.id} label={(c) => `${'\u3000'.repeat(c.depth)}${localize(c.label)}`} />
      </SelectField>
      <AcceptNote note={note} onChange={setNote} busy={decision.busy} />
    </DecisionForm>
  );
}
