import { useState } from 'react';
import { useT } from '../../i18n/i18n';
import { AcceptExisting } from './accept-existing';
import { AcceptNew } from './accept-new';
import { DecisionForm, missingUnless } from './decision-form';
import { TextAreaField } from '../forms/form-field';
import { PROPOSAL_LIMITS, type Proposal } from './proposal-types';
import { type DecisionCallbacks, useDecision } from './use-decision';

type Choice = 'existing' | 'new' | 'reject';
const CHOICES: Choice[] = ['existing', 'new', 'reject'];

function RejectForm({ proposalId, callbacks }: { proposalId: string; callbacks: DecisionCallbacks }) {
  const t = useT();
  const [reason, setReason] = useState('');
  const decision = useDecision(proposalId, callbacks);

  return (
    <DecisionForm decision={decision} action="reject" missing={() => missingUnless(reason.trim() !== '', 'reason', t.fieldRequired)} body={() => ({ reason })}>
      <TextAreaField
        label={t.proposals.rejectReason}
        hint={t.proposals.rejectReasonHint}
        name="reason"
        required
        rows={4}
        maxLength={PROPOSAL_LIMITS.reason}
        value={reason}
        error={decision.errors.reason}
        onChange={(event) => setReason(event.target.value)}
      />
      <button type="submit" className="button button-danger" disabled={decision.busy}>
        {decision.busy ? t.proposals.deciding : t.proposals.reject}
      </button>
    </DecisionForm>
  );
}

/** For editors on a submitted proposal: accept into an existing or a new item, or reject. */
export function DecisionPanel({ proposal, callbacks }: { proposal: Proposal; callbacks: DecisionCallbacks }) {
  const t = useT();
  const [choice, setChoice] = useState<Choice>('existing');
  const labels: Record<Choice, string> = {
    existing: t.proposals.choiceExisting,
    new: t.proposals.choiceNew,
    reject: t.proposals.choiceReject,
  };

  return (
    <section className="card decision-panel" aria-labelledby="decision-title">
      <h2 id="decision-title">{t.proposals.decide}</h2>
      <p className="field-hint">{t.proposals.decideIntro}</p>
      <fieldset className="decision-choices">
        <legend className="visually-hidden">{t.proposals.decide}</legend>
        {CHOICES.map((c) => (
          <label key={c} className={choice === c ? 'decision-choice is-active' : 'decision-choice'}>
            <input type="radio" name="decision" value={c} checked={choice === c} onChange={() => setChoice(c)} />
            <span>{labels[c]}</span>
          </label>
        ))}
      </fieldset>
      {choice === 'existing' ? <AcceptExisting proposalId={proposal.id} callbacks={callbacks} /> : null}
      {choice === 'new' ? <AcceptNew proposal={proposal} callbacks={callbacks} /> : null}
      {choice === 'reject' ? <RejectForm proposalId={proposal.id} callbacks={callbacks} /> : null}
    </section>
  );
}
