import { type ChangeEvent, useId, useState } from 'react';
import type { WorkbookImport } from '../api/assessment.types';
import { uploadWorkbook, workbookUrl, XLSX_TYPE } from '../api/assessments';
import { useMutation } from '../api/use-mutation';
import { sendChosenFile } from '../components/forms/chosen-file';
import { ServerProblemList, type ListedProblem } from '../components/server-problem-list';
import { Notice, problemText } from '../components/status';
import { useT } from '../i18n/i18n';
import { LANGS } from '../i18n/messages';

function ProblemList({ title, problems, kind }: { title: string; problems: ListedProblem[]; kind: 'error' | 'info' }) {
  return (
    <div className={`notice notice-${kind} workbook-problems`} role={kind === 'error' ? 'alert' : 'status'}>
      <p>{title}</p>
      <ServerProblemList problems={problems} />
    </div>
  );
}

/** Download the filled workbook; upload one back, with every bad cell named when it is refused. */
export function WorkbookPanel({ assessmentId, editable, onImported }: { assessmentId: string; editable: boolean; onImported: () => void }) {
  const t = useT();
  const inputId = useId();
  const action = useMutation();
  const { busy, error } = action;
  const [result, setResult] = useState<WorkbookImport | null>(null);

  const upload = (event: ChangeEvent<HTMLInputElement>) =>
    sendChosenFile(event, async (file) => {
      setResult(null);
      const imported = await action.run(() => uploadWorkbook(assessmentId, file));
      if (!imported) return;
      setResult(imported);
      onImported();
    });

  const cellErrors = error?.problem.errors ?? [];
  return (
    <section className="card workbook-panel" aria-labelledby={`${inputId}-title`}>
      <h2 id={`${inputId}-title`}>{t.assessments.workbook}</h2>
      <p className="field-hint">{t.assessments.workbookIntro}</p>
      <ul className="link-row">
        {LANGS.map((lang) => (
          <li key={lang}>
            <a className="button" href={workbookUrl(assessmentId, lang)} download>
              {t.assessments.workbookDownload(t.assessments.langNames[lang])}
            </a>
          </li>
        ))}
      </ul>
      {editable ? (
        <div className="field file-pick">
          {/* The native chooser stays hidden (its words follow the browser, not the page); the label is the button. */}
          <input id={inputId} className="visually-hidden" type="file" accept={`.xlsx,${XLSX_TYPE}`} disabled={busy} onChange={(event) => void upload(event)} />
          <label htmlFor={inputId} className="button">
            {t.assessments.workbookUpload}
          </label>
          {busy ? (
            <p className="status" role="status">
              {t.assessments.workbookUploading}
            </p>
          ) : null}
        </div>
      ) : null}
      {result ? <Notice kind="success">{t.assessments.workbookUpdated(result.updated)}</Notice> : null}
      {result && result.warnings.length > 0 ? <ProblemList title={t.assessments.workbookWarnings} problems={result.warnings} kind="info" /> : null}
      {error && cellErrors.length > 0 ? <ProblemList title={t.assessments.workbookErrors} problems={cellErrors} kind="error" /> : null}
      {error && cellErrors.length === 0 ? <Notice kind="error">{problemText(t, error)}</Notice> : null}
    </section>
  );
}
