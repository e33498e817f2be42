import { useId, useState } from 'react';
import type { Verdict } from '../api/assessment.types';
import { api, apiPath } from '../api/client';
import { useMutation } from '../api/use-mutation';
import { VerdictBadge, VerdictSelect } from '../assessment/verdict';
import { Notice, ProblemNotice } from '../components/status';
import { useLocalize } from '../i18n/i18n';
import { assessmentPath, itemAnchor } from '../router/assessment-paths';
import { Link } from '../router/router';
import type { Suggestion } from './probe-runs.types';
import { useProbeMessages } from './use-probe-messages';

/** Override: the normal answer write, with the findings as evidence; the answer then no longer claims a run. */
function Override({ assessmentId, s, onDone }: { assessmentId: string; s: Suggestion; onDone: () => void }) {
  const m = useProbeMessages();
  const [verdict, setVerdict] = useState<Verdict>(s.answer.verdict === 'unassessed' ? 'needs-review' : s.answer.verdict);
  const { busy, error, run } = useMutation();
  const save = async () => {
    const evidence = s.basis.map((b) => `[${b.source} ${b.runId}] ${b.check} ${b.target}: ${b.verdict}`).join('\n');
    const saved = await run(() => api.put(apiPath('assessments', assessmentId, 'answers', s.requirementId), { verdict, evidence, comment: '' }));
    if (saved !== undefined) onDone();
  };
  return (
    <details>
      <summary>{m.suggestions.override}</summary>
      <VerdictSelect value={verdict} label={m.suggestions.overrideVerdict(s.no)} onChange={setVerdict} />
      <button type="button" className="button" disabled={busy} onClick={() => void save()}>
        {m.suggestions.overrideSave}
      </button>
      <ProblemNotice error={error} />
    </details>
  );
}

/** Suggested verdicts item by item, with the findings behind each; accept the chosen ones or answer differently. */
export function SuggestionsPanel(props: { assessmentId: string; suggestions: Suggestion[]; canAnswer: boolean; onChanged: () => void }) {
  const m = useProbeMessages();
  const localize = useLocalize();
  const id = useId();
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [overwrite, setOverwrite] = useState(false);
  const [accepted, setAccepted] = useState<number | null>(null);
  const { busy, error, run } = useMutation();

  const toggle = (requirementId: string) =>
    setChosen((set) => {
      const next = new Set(set);
      if (!next.delete(requirementId)) next.add(requirementId);
      return next;
    });

  const accept = async () => {
    setAccepted(null);
    const r = await run(() =>
      api.post<{ accepted: unknown[] }>(apiPath('assessments', props.assessmentId, 'suggestions', 'accept'), { requirementIds: [...chosen], overwrite }),
    );
    if (!r) return;
    setAccepted(r.accepted.length);
    setChosen(new Set());
    props.onChanged();
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
          <button type="button" className="button button-primary" disabled={busy || chosen.size === 0} onClick={() => void accept()}>
            {m.suggestions.acceptSelected}
          </button>
        </div>
      ) : null}
      {accepted !== null ? <Notice kind="success">{m.suggestions.accepted(accepted)}</Notice> : null}
      <ProblemNotice error={error} />
    </section>
  );
}
