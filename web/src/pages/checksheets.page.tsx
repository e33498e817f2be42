import { EditionGate } from '../components/guards/edition-gate';
import { useState } from 'react';
import { exportChecksheet, saveFile } from '../api/assessments';
import { useMutation } from '../api/use-mutation';
import { emptySpec, type SpecState, specRequest } from '../assessment/checksheet-spec';
import { SpecForm } from '../assessment/spec-form';
import { usePreview } from '../assessment/use-preview';
import { Breadcrumbs } from '../components/breadcrumbs';
import { usePageTitle } from '../components/page-title';
import { RequireUser } from '../components/guards/require-user';
import { ProblemNotice } from '../components/status';
import { useLanguage, useT } from '../i18n/i18n';
import '../assessment/assessment.css';
import '../components/forms/forms.css';
import '../styles/record-lists.css';

const FORMATS = [
  ['xlsx', 'Excel'],
  ['csv', 'CSV'],
  ['json', 'JSON'],
] as const;

function ChecksheetForm({ editionId }: { editionId: string }) {
  const t = useT();
  const { lang } = useLanguage();
  const [spec, setSpec] = useState<SpecState>(() => emptySpec(editionId));
  const preview = usePreview(spec);
  const { busy, error, run } = useMutation();

  const download = async (format: (typeof FORMATS)[number][0]) => {
    const file = await run(() => exportChecksheet(format, specRequest(spec), lang));
    if (file) saveFile(file.blob, file.filename ?? `checksheet-${spec.editionId}.${format}`);
  };

  return (
    <div className="form card">
      <SpecForm spec={spec} onChange={setSpec} preview={preview} />
      <ul className="link-row">
        {FORMATS.map(([format, label]) => (
          <li key={format}>
            <button type="button" className="button" disabled={busy || (preview.status === 'ok' && preview.count === 0)} onClick={() => void download(format)}>
              {busy ? t.checksheets.downloading : t.checksheets.download(label)}
            </button>
          </li>
        ))}
      </ul>
      <ProblemNotice error={error} />
    </div>
  );
}

/** /checksheets: build and download a checksheet without starting an assessment. */
export function ChecksheetsPage() {
  const t = useT();
  usePageTitle(t.checksheets.title);
  return (
    <section aria-labelledby="checksheets-title">
      <Breadcrumbs trail={[{ label: t.checksheets.title }]} />
      <h1 id="checksheets-title">{t.checksheets.title}</h1>
      <p className="lead">{t.checksheets.intro}</p>
      <RequireUser>{() => <EditionGate>{(edition) => <ChecksheetForm editionId={edition.id} />}</EditionGate>}</RequireUser>
    </section>
  );
}
