import { useId, useState } from 'react';
import { apiPath } from '../../api/client';
import type { RequirementList, RequirementSummary } from '../../api/types';
import { useApi } from '../../api/use-api';
import { useEdition } from '../../edition/edition';
import { useLocalize, useT } from '../../i18n/i18n';
import { FormField } from '../forms/form-field';
import { containsEveryWord } from '../../search/every-word';
import { ErrorView, Loading, Notice } from '../status';
import { AcceptNote, noteReason } from './accept-note';
import { DecisionForm, missingUnless } from './decision-form';
import { type DecisionCallbacks, useDecision } from './use-decision';

const SHOWN = 20;

/** Items whose number, id or title (either language) contains every word of the query. */
function matching(items: RequirementSummary[], query: string): RequirementSummary[] {
  return items.filter((r) => containsEveryWord(`${r.number} ${r.id} ${r.title.ja} ${r.title.en}`, query));
}

/** Accept by linking an item of the current edition, found by number, id or title. */
export function AcceptExisting({ proposalId, callbacks }: { proposalId: string; callbacks: DecisionCallbacks }) {
  const t = useT();
  const localize = useLocalize();
  const { current } = useEdition();
  const items = useApi<RequirementList>(current ? apiPath('editions', current.id, 'requirements') : null);
  const [query, setQuery] = useState('');
  const [chosen, setChosen] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const decision = useDecision(proposalId, callbacks);
  const groupId = useId();

  if (!current) return <Notice kind="info">{t.noEdition}</Notice>;
  if (items.status === 'loading') return <Loading />;
  if (items.status === 'error') return <ErrorView error={items.error} onRetry={items.retry} />;
  const found = matching(items.data.items, query);

  const choiceError = decision.errors.requirementId;
  return (
    <DecisionForm
      decision={decision}
      action="accept"
      missing={() => missingUnless(chosen !== null, 'requirementId', t.proposals.chooseRequirement)}
      body={() => ({ requirementId: chosen, ...noteReason(note) })}
    >
      <FormField
        label={t.proposals.searchRequirement}
        hint={t.proposals.searchHint}
        type="search"
        name="requirement-search"
        value={query}
        onChange={(event) => setQuery(event.target.value)}
      />
      <fieldset
        className={choiceError ? 'field candidate-list field-invalid' : 'field candidate-list'}
        aria-describedby={choiceError ? `${groupId}-error` : undefined}
      >
        <legend>{t.proposals.candidates}</legend>
        {found.length === 0 ? <p className="proposal-muted">{t.proposals.noMatches}</p> : null}
        {found.slice(0, SHOWN).map((r) => (
          <label key={r.id} className="candidate">
            <input type="radio" name="requirementId" value={r.id} checked={chosen === r.id} onChange={() => setChosen(r.id)} />
            <span className="item-number">{r.number}</span> <span>{localize(r.title)}</span>
          </label>
        ))}
        {found.length > SHOWN ? <p className="field-hint">{t.proposals.moreMatches(found.length - SHOWN)}</p> : null}
        {choiceError ? (
          <p className="field-error" id={`${groupId}-error`}>
            {choiceError}
          </p>
        ) : null}
      </fieldset>
      <AcceptNote note={note} onChange={setNote} error={decision.errors.reason} busy={decision.busy} />
    </DecisionForm>
  );
}
