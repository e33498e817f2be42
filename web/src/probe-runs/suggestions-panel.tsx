import { useId, useState } from 'react';
import type { Verdict } from '../api/assessment.types';
import { api, apiPath, asApiError } from '../api/client';
import { VerdictBadge, VerdictSelect } from '../assessment/verdict';
import { Notice, problemText } from '../components/status';
import { useLocalize, useT } from '../i18n/i18n';
import { assessmentPath, itemAnchor } from '../router/assessment-paths';
import { Link } from '../router/router';
import type { Suggestion } from './probe-runs.types';
import { useProbeMessages } from './use-probe-messages';

/** Override: the normal answer write, with the findings as evidence; the answer then no longer claims a run. */
function Override({ assessmentId, s, onDone }: { assessmentId: string; s: Suggestion; onDone: () => void }) {
  const m = useProbeMessages();
  const [verdict, setVerdict] = useState<Verdict>(s.answer.verdict === 'unassessed' ? 'needs-review' : s.answer.verdict);
  const [error, setError] = useState<string | null>(null);
  const t = useT();
  const save = async () => {
    const evidence = s.basis.map((b) => `[${b.source} ${b.runId}] ${b.check} ${b.target}: ${b.verdict}`).join('\n');
    try {
      await api.put(apiPath('assessments', assessmentId, 'answers', s.requirementId), { verdict, evidence, comment: '' });
      setError(null);
      onDone();
    } catch (err) {
      setError(problemText(t, asApiError(err)));
    }
  };
  return (
    <details>
      <summary>{m.suggestions.override}</summary>
      <VerdictSelect value={verdict} label={m.suggestions.overrideVerdict(s.no)} onChange={setVerdict} />
      <button type="button" className="button" onClick={() => void save()}>
        {m.suggestions.overrideSave}
      </button>
      {error ? (
        <p className="field-error" role="alert">
          {error}
        </p>
      ) : null}
    </details>
  );
}

/** Suggested verdicts item by item, with the findings behind each; accept the chosen ones or answer differently. */
export function SuggestionsPanel(props: { assessmentId: string; suggestions: Suggestion[]; canAnswer: boolean; onChanged: () => void }) {
  const m = useProbeMessages();
  const t = useT();
  const localize = useLocalize();
  const id = useId();
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [overwrite, setOverwrite] = useState(false);
  const [message, setMessage] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);

  const toggle = (requirementId: string) =>
    setChosen((set) => {
      const next = new Set(set);
      if (!next.delete(requirementId)) next.add(requirementId);
      return next;
    });

  const accept = async () => {
    try {
      const r = await api.post<{ accepted: unknown[] }>(apiPath('assessments', props.assessmentId, 'suggestions', 'accept'), {
        requirementIds: [...chosen],
        overwrite,
      });
      setMessage({ kind: 'success', text: m.suggestions.accepted(r.accepted.length) });
      setChosen(new Set());
      props.onChanged();
    } catch (err) {
      setMessage({ kind: 'error', text: problemText(t, asApiError(err)) });
    }
  };

  return (
    <section className="card" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{m.suggestions.heading}</h2>
      {props.suggestions.length === 0 ? <p>{m.suggestions.none}</p> : null}
      <ul className="plain suggestions">
        {props.suggestions.map((s) => (
          <li key={s.requirementId} className="suggestion" data-requirement={s.requirementId}>
            <h3>
              {props.canAnswer ? (
                <input type="checkbox" aria-label={m.suggestions.select(s.no)} checked={chosen.has(s.requirementId)} onChange={() => toggle(s.requirementId)} />
              ) : null}{' '}
              <Link to={`${assessmentPath(props.assessmentId)}#${itemAnchor(s.requirementId)}`}>
                {s.no} {localize(s.title)}
              </Link>
            </h3>
            <p>
              {m.suggestions.suggested}: <strong className={`suggested suggested-${s.verdict}`}>{m.suggestions.verdicts[s.verdict]}</strong> ·{' '}
              {m.suggestions.reason}: {m.suggestions.reasons[s.reason] ?? s.reason}
            </p>
            <p>
              {m.suggestions.answer}: <VerdictBadge verdict={s.answer.verdict} />
              {s.answer.source ? <span className="muted"> ({m.suggestions.fromSuggestion})</span> : null}
            </p>
            <details>
              <summary>{m.suggestions.basis}</summary>
              <ul>
                {s.basis.map((b) => (
                  <li key={`${b.runId}|${b.check}|${b.target}|${b.at}`}>
                    {b.check} {b.target}: {b.verdict} ({b.coverage}) — {localize(b.summary)}
                  </li>
                ))}
              </ul>
            </details>
            {props.canAnswer ? <Override assessmentId={props.assessmentId} s={s} onDone={props.onChanged} /> : null}
          </li>
        ))}
      </ul>
      {props.canAnswer && props.suggestions.length > 0 ? (
        <div className="actions">
          <label>
            <input type="checkbox" checked={overwrite} onChange={(e) => setOverwrite(e.target.checked)} /> {m.suggestions.overwrite}
          </label>{' '}
          <button type="button" className="button button-primary" disabled={chosen.size === 0} onClick={() => void accept()}>
            {m.suggestions.acceptSelected}
          </button>
        </div>
      ) : null}
      {message ? <Notice kind={message.kind}>{message.text}</Notice> : null}
    </section>
  );
}
