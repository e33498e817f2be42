import { type ChangeEvent, useCallback, useEffect, useId, useState } from 'react';
import {
  ACTIVE_STATES,
  acceptFirmwareSuggestion,
  cancelFirmware,
  type FirmwareAnalysisSummary,
  type FirmwareAnalysisView,
  type FirmwareSuggestion,
  firmwareSbomUrl,
  firmwareSuggestions,
  listFirmware,
  readFirmware,
  uploadFirmware,
} from '../api/firmware';
import { useMutation } from '../api/use-mutation';
import { sendChosenFile } from '../components/forms/chosen-file';
import { Notice, ProblemNotice } from '../components/status';
import { useLanguage } from '../i18n/i18n';
import { firmwareMessages } from '../i18n/messages-firmware';
import { TableHead } from '../components/tables/table-head';
import './firmware.css';

/** How often a queued or running analysis is asked for its progress. */
const POLL_MS = 1000;

function useFirmwareMessages() {
  return firmwareMessages[useLanguage().lang];
}

function Results({
  assessmentId,
  analysis,
  editable,
  onAccepted,
}: {
  assessmentId: string;
  analysis: FirmwareAnalysisView;
  editable: boolean;
  onAccepted: () => void;
}) {
  const m = useFirmwareMessages();
  const { lang } = useLanguage();
  const [suggestions, setSuggestions] = useState<FirmwareSuggestion[]>([]);
  useEffect(() => {
    firmwareSuggestions(assessmentId, analysis.id).then(
      (r) => setSuggestions(r.suggestions),
      () => setSuggestions([]),
    );
  }, [assessmentId, analysis.id]);
  const accept = async (requirementId: string) => {
    const updated = await acceptFirmwareSuggestion(assessmentId, analysis.id, requirementId);
    setSuggestions((list) => list.map((s) => (s.requirementId === requirementId ? updated : s)));
    onAccepted();
  };
  const flag = (value: boolean) => (value ? m.yes : m.no);
  return (
    <div className="firmware-results">
      {analysis.hasSbom ? (
        <p>
          <a className="button" href={firmwareSbomUrl(assessmentId, analysis.id)} download>
            {m.sbom}
          </a>
        </p>
      ) : null}
      <h3>{m.findings}</h3>
      <table className="firmware-table" aria-label={m.findings}>
        <TableHead columns={[m.check, m.path, m.verdict, m.summary]} />
        <tbody>
          {analysis.findings.map((f) => (
            <tr key={`${f.check}|${f.target}`} className={`verdict-${f.verdict}`}>
              <td>
                <code>{f.check}</code>
              </td>
              <td>
                <code>{f.target}</code>
              </td>
              <td>{m.verdicts[f.verdict] ?? f.verdict}</td>
              <td>{f.summary[lang]}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3>{m.binaries}</h3>
      <table className="firmware-table" aria-label={m.binaries}>
        <TableHead columns={[m.path, m.arch, 'NX', 'PIE', 'RELRO', 'Canary', 'FORTIFY']} />
        <tbody>
          {analysis.binaries.map((b) => (
            <tr key={b.path}>
              <td>
                <code>{b.path}</code>
              </td>
              <td>{b.arch}</td>
              <td>{flag(b.nx)}</td>
              <td>{flag(b.pie)}</td>
              <td>{b.relro}</td>
              <td>{flag(b.canary)}</td>
              <td>{flag(b.fortify)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3>{m.suggestions}</h3>
      <p className="field-hint">{m.suggestionsIntro}</p>
      <table className="firmware-table" aria-label={m.suggestions}>
        <TableHead columns={[m.item, m.suggested, '']} />
        <tbody>
          {suggestions.map((s) => (
            <tr key={s.requirementId}>
              <td>{s.no}</td>
              <td>{m.suggestedVerdicts[s.verdict] ?? s.verdict}</td>
              <td>
                {s.accepted ? (
                  m.accepted
                ) : editable ? (
                  <button type="button" onClick={() => void accept(s.requirementId)}>
                    {m.accept}
                  </button>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function AnalysisRow({
  assessmentId,
  analysis,
  editable,
  onChanged,
  onShow,
}: {
  assessmentId: string;
  analysis: FirmwareAnalysisSummary;
  editable: boolean;
  onChanged: () => void;
  onShow: () => void;
}) {
  const m = useFirmwareMessages();
  const active = ACTIVE_STATES.has(analysis.state);
  return (
    <li className="firmware-analysis">
      <strong>{analysis.image.name}</strong> <span className={`firmware-state state-${analysis.state}`}>{m.states[analysis.state] ?? analysis.state}</span>
      {analysis.files !== null ? <span className="muted"> {m.files(analysis.files)}</span> : null}
      {active && analysis.progress ? (
        <span role="status">
          {' '}
          <progress max={analysis.progress.total} value={analysis.progress.done} />{' '}
          {m.progress(analysis.progress.done, analysis.progress.total, analysis.progress.message)}
        </span>
      ) : null}
      {analysis.error ? <Notice kind="error">{m.error(analysis.error)}</Notice> : null}
      {active && editable ? (
        <button type="button" onClick={() => void cancelFirmware(assessmentId, analysis.id).then(onChanged, onChanged)}>
          {m.cancel}
        </button>
      ) : null}
      {analysis.state === 'completed' ? (
        <button type="button" onClick={onShow}>
          {m.show}
        </button>
      ) : null}
    </li>
  );
}

/** Upload a firmware image to the assessment, follow the analysis, browse its findings and binaries, download its SBOM. */
export function FirmwarePanel({ assessmentId, editable, onAccepted }: { assessmentId: string; editable: boolean; onAccepted: () => void }) {
  const m = useFirmwareMessages();
  const inputId = useId();
  const [analyses, setAnalyses] = useState<FirmwareAnalysisSummary[]>([]);
  const [shown, setShown] = useState<FirmwareAnalysisView | null>(null);
  const action = useMutation();
  const refresh = useCallback(() => {
    listFirmware(assessmentId).then(
      (r) => setAnalyses(r.analyses),
      () => undefined,
    );
  }, [assessmentId]);
  useEffect(refresh, [refresh]);
  const anyActive = analyses.some((a) => ACTIVE_STATES.has(a.state));
  useEffect(() => {
    if (!anyActive) return;
    const timer = setInterval(refresh, POLL_MS);
    return () => clearInterval(timer);
  }, [anyActive, refresh]);

  const upload = (event: ChangeEvent<HTMLInputElement>) =>
    sendChosenFile(event, async (file) => {
      if (await action.run(() => uploadFirmware(assessmentId, file))) refresh();
    });

  return (
    <section className="card firmware-panel" aria-labelledby={`${inputId}-title`}>
      <h2 id={`${inputId}-title`}>{m.title}</h2>
      <p className="field-hint">{m.intro}</p>
      {editable ? (
        <div className="field">
          <label htmlFor={inputId}>{m.upload}</label>
          <input id={inputId} type="file" disabled={action.busy} onChange={(event) => void upload(event)} />
          {action.busy ? (
            <p className="status" role="status">
              {m.uploading}
            </p>
          ) : null}
        </div>
      ) : null}
      <ProblemNotice error={action.error} />
      {analyses.length === 0 ? <p className="muted">{m.none}</p> : null}
      <ul className="firmware-analyses">
        {analyses.map((a) => (
          <AnalysisRow
            key={a.id}
            assessmentId={assessmentId}
            analysis={a}
            editable={editable}
            onChanged={refresh}
            onShow={() => void readFirmware(assessmentId, a.id).then(setShown, () => undefined)}
          />
        ))}
      </ul>
      {shown ? <Results key={shown.id} assessmentId={assessmentId} analysis={shown} editable={editable} onAccepted={onAccepted} /> : null}
    </section>
  );
}
