import { useState } from 'react';
import { useMutation } from '../api/use-mutation';
import { api, apiPath } from '../api/client';
import { Notice, problemText } from '../components/status';
import { useLanguage, useT } from '../i18n/i18n';
import type { CraCaseView, CraStage } from './cra.types';
import { useCraT, utc } from './cra-ui';
import { BLANK_REPORT_FIELDS } from '../../../src/core/cra/report-fields.js';

const TEXT_FIELDS = {
  'early-warning': ['nature'],
  notification: ['nature', 'measures', 'userMeasures'],
  final: ['nature', 'severity', 'measures', 'userMeasures', 'maliciousActor', 'rootCause'],
} as const;

type TextField = (typeof TEXT_FIELDS)['final'][number];

/** The draft of one stage: the regulation's fields, save, export, and "mark sent" by a person. */
export function ReportForm({ view, stage, onChange }: { view: CraCaseView; stage: CraStage; onChange: (v: CraCaseView) => void }) {
  const c = useCraT();
  const t = useT();
  const { lang } = useLanguage();
  const action = useMutation();
  const report = view.reports.find((r) => r.stage === stage);
  const [fields, setFields] = useState<Record<string, unknown>>(report?.fields ?? {});
  const [saved, setSaved] = useState(false);
  const sent = report?.sentAt ?? null;
  const names = TEXT_FIELDS[stage].filter((f) => f !== 'rootCause' || view.kind === 'incident');
  const body = () => ({ ...BLANK_REPORT_FIELDS, ...fields });
  const path = apiPath('cra', 'cases', view.id, 'reports', stage);
  const save = async () => {
    setSaved(false);
    const v = await action.run(() => api.put<CraCaseView>(path, body()));
    if (v) {
      setSaved(true);
      onChange(v);
    }
  };
  const markSent = async () => {
    const draft = await action.run(() => api.put<CraCaseView>(path, body()));
    if (!draft) return;
    const v = await action.run(() => api.post<CraCaseView>(`${path}/sent`, { sentAt: null }));
    if (v) onChange(v);
  };
  /** A yes/no field of the report as a checkbox, fixed once the report is sent. */
  const flagBox = (name: 'suspectedMalicious' | 'sensitive') => (
    <label>
      <input
        type="checkbox"
        disabled={sent !== null}
        checked={fields[name] === true}
        onChange={(e) => setFields((f) => ({ ...f, [name]: e.target.checked }))}
      />{' '}
      {c[name]}
    </label>
  );
  return (
    <section className="card" aria-label={c.stage[stage]} data-report={stage}>
      <h3>{c.stage[stage]}</h3>
      {action.error ? (
        // A reason about the whole stage (an earlier report unsent, no corrective measure yet) belongs to no field: it is said here.
        <Notice kind="error">{[problemText(t, action.error), action.errors.stage].filter(Boolean).join(' ')}</Notice>
      ) : null}
      {saved ? <Notice kind="success">{c.draftSaved}</Notice> : null}
      {sent ? <p className="cra-sent">{c.sentAt(utc(sent))}</p> : null}
      {names.map((name: TextField) => (
        <div key={name} className={action.errors[name] ? 'field field-invalid' : 'field'}>
          <label htmlFor={`${stage}-${name}`}>{c[name]}</label>
          <textarea
            id={`${stage}-${name}`}
            rows={3}
            disabled={sent !== null}
            value={String(fields[name] ?? '')}
            aria-invalid={action.errors[name] ? true : undefined}
            aria-describedby={action.errors[name] ? `${stage}-${name}-error` : undefined}
            onChange={(e) => setFields((f) => ({ ...f, [name]: e.target.value }))}
          />
          {action.errors[name] ? (
            <p className="field-error" id={`${stage}-${name}-error`}>
              {action.errors[name]}
            </p>
          ) : null}
        </div>
      ))}
      {view.kind === 'incident' && stage === 'early-warning' ? flagBox('suspectedMalicious') : null}
      {flagBox('sensitive')}
      <p>
        {sent ? null : (
          <>
            <button type="button" className="button" disabled={action.busy || view.status !== 'open'} onClick={() => void save()}>
              {c.saveDraft}
            </button>{' '}
            <button type="button" className="button button-primary" disabled={action.busy || view.status !== 'open'} onClick={() => void markSent()}>
              {c.markSent}
            </button>{' '}
          </>
        )}
        <a href={`${path}/export?format=json&lang=${lang}`} download>
          {c.exportJson}
        </a>{' '}
        <a href={`${path}/export?format=pdf&lang=${lang}`} download>
          {c.exportPdf}
        </a>
      </p>
    </section>
  );
}
