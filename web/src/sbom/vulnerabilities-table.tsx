import { type FormEvent, useState } from 'react';
import { useMutation } from '../api/use-mutation';
import { api, apiPath } from '../api/client';
import { Link } from '../router/router';
import { ProblemNotice } from '../components/status';
import { useLanguage } from '../i18n/i18n';
import { sbomMessages } from '../i18n/messages-sbom';
import type { VulnerabilityItem } from './sbom.types';
import { Options } from '../components/forms/options';

const STATUSES = ['under_investigation', 'affected', 'not_affected', 'fixed'];
const JUSTIFICATIONS = [
  'component_not_present',
  'vulnerable_code_not_present',
  'vulnerable_code_not_in_execute_path',
  'vulnerable_code_cannot_be_controlled_by_adversary',
  'inline_mitigations_already_exist',
];

function TriageForm({ base, v, onSaved }: { base: string[]; v: VulnerabilityItem; onSaved: () => void }) {
  const m = sbomMessages[useLanguage().lang];
  const action = useMutation();
  const [form, setForm] = useState({ status: v.status ?? 'under_investigation', justification: '', actionStatement: '' });
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const body = {
      status: form.status,
      ...(form.justification ? { justification: form.justification } : {}),
      ...(form.actionStatement ? { actionStatement: form.actionStatement } : {}),
    };
    if (await action.run(() => api.put(apiPath(...base, 'vulnerabilities', v.id, 'triage'), body))) onSaved();
  };
  return (
    <form className="inline-form" onSubmit={(e) => void submit(e)} aria-label={`${m.saveTriage} ${v.id}`} noValidate>
      <ProblemNotice error={action.error} />
      <label>
        {m.status}{' '}
        <select value={form.status} onChange={(e) => setForm((f) => ({ ...f, status: e.target.value }))}>
          <Options of={STATUSES} label={(s) => m.statuses[s]} />
        </select>
      </label>
      <label>
        {m.justification}{' '}
        <select
          value={form.justification}
          onChange={(e) => setForm((f) => ({ ...f, justification: e.target.value }))}
          aria-invalid={action.errors.justification ? true : undefined}
        >
          <option value="">—</option>
          <Options of={JUSTIFICATIONS} label={(j) => j} />
        </select>
      </label>
      {action.errors.justification ? <p className="field-error">{action.errors.justification}</p> : null}
      <label>
        {m.actionStatement} <input value={form.actionStatement} onChange={(e) => setForm((f) => ({ ...f, actionStatement: e.target.value }))} />
      </label>
      {action.errors.actionStatement ? <p className="field-error">{action.errors.actionStatement}</p> : null}
      <button type="submit" className="button" disabled={action.busy}>
        {m.saveTriage}
      </button>
    </form>
  );
}

/** The CRA new-case form, opened on this match: the case is opened from the match (its version, id and aliases). */
function exploitedCaseLink(base: string[], vulnerabilityId: string): string {
  const [, productId = '', , version = ''] = base;
  return `/cra/new?${new URLSearchParams({ product: productId, version, vulnerability: vulnerabilityId })}`;
}

/** Matches of the version's SBOMs with their triage; writers triage each one and may mark one actively exploited. */
export function VulnerabilitiesTable({
  base,
  items,
  writable,
  onSaved,
}: {
  base: string[];
  items: VulnerabilityItem[];
  writable: boolean;
  onSaved: () => void;
}) {
  const m = sbomMessages[useLanguage().lang];
  if (items.length === 0) return <p>{m.noVulnerabilities}</p>;
  return (
    <ul className="vulnerability-list">
      {items.map((v) => (
        <li key={`${v.id}|${v.purl}`} aria-label={v.id}>
          <strong>{v.id}</strong> {v.aliases.join(', ')} · {m.severity}: {v.severity.level}
          {v.severity.score !== null ? ` ${v.severity.score}` : ''}
          {v.kev ? ' · KEV' : ''} · {v.purl} · {v.range} · {m.fixed}: {v.fixed ?? '—'} ·{' '}
          <span className="vulnerability-status">{v.status ? m.statuses[v.status] : m.untriaged}</span>
          {writable ? (
            <>
              {' '}
              <Link className="button" to={exploitedCaseLink(base, v.id)}>
                {m.markExploited}
              </Link>
              <TriageForm base={base} v={v} onSaved={onSaved} />
            </>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
