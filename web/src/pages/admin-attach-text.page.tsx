import { type FormEvent, useState } from 'react';
import { useMutation } from '../api/use-mutation';
import type { StandardList } from '../api/browse.types';
import { api, apiPath } from '../api/client';
import type { EditionSummary } from '../api/types';
import { useApi } from '../api/use-api';
import { EditionGate } from '../components/guards/edition-gate';
import { RequireAdmin } from '../components/guards/require-user';
import { ServerProblemList } from '../components/server-problem-list';
import { Notice, problemText } from '../components/status';
import { useLanguage, useLocalize, useT } from '../i18n/i18n';
import { attachedTextMessages } from '../i18n/messages-attached-text';
import { standardPath } from '../router/browse-paths';
import { Link, useSearchParam } from '../router/router';
import { SubmitButton } from '../components/forms/submit-button';
import { TitledSection } from '../components/page-section';
import { LabelledSelect } from '../components/forms/labelled-select';

interface AttachOutcome {
  standardId: string;
  status: string;
  statements: number;
  withdrawn: number;
  citation: string;
}

/** The same attach as `bin/tebiki import oscal FILE --attach-to STANDARD_ID`: one catalog file, one standard; refusals and id mismatches listed. */
function AttachForm({ edition }: { edition: EditionSummary }) {
  const t = useT();
  const localize = useLocalize();
  const m = attachedTextMessages[useLanguage().lang];
  const action = useMutation();
  const list = useApi<StandardList>(apiPath('editions', edition.id, 'standards'), edition.id);
  const [standardId, setStandardId] = useState(useSearchParam('standard') ?? '');
  const [file, setFile] = useState<File | null>(null);
  const [outcome, setOutcome] = useState<AttachOutcome | null>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setOutcome(null);
    const text = file ? await file.text() : '';
    const done = await action.run(() =>
      api.post<AttachOutcome>(apiPath('admin', 'standards', standardId, 'attached-text'), { editionId: edition.id, fileName: file?.name ?? '', text }),
    );
    if (done) setOutcome(done);
  };
  const problems = action.error?.problem.errors ?? [];
  return (
    <form className="form card" onSubmit={(e) => void submit(e)} aria-label={m.attachTitle} noValidate>
      {action.error ? (
        <div>
          <Notice kind="error">{action.error.problem.code === 'forbidden' ? m.attachNotAllowed : problemText(t, action.error)}</Notice>
          {problems.length > 0 ? <ServerProblemList className="attach-problems" problems={problems.slice(0, 200)} /> : null}
        </div>
      ) : null}
      {outcome ? (
        <div className="notice notice-success" role="status">
          <p>
            {m.attached(outcome.statements)} <cite lang="en">{outcome.citation}</cite> · <Link to={standardPath(outcome.standardId)}>{outcome.standardId}</Link>
          </p>
        </div>
      ) : null}
      <LabelledSelect
        label={t.standard}
        value={standardId}
        choices={list.status === 'ok' ? list.data.standards.map((s) => [s.id, `${localize(s.title)} (${s.id})`] as const) : []}
        onChange={setStandardId}
      />
      <div className="field">
        <label htmlFor="attach-file">{m.attachFile}</label>
        <input
          id="attach-file"
          type="file"
          accept=".json,.xml,application/json,application/xml,text/xml"
          onChange={(e) => setFile(e.target.files?.[0] ?? null)}
        />
      </div>
      <SubmitButton busy={action.busy} disabled={!standardId || !file}>
        {m.attachSubmit}
      </SubmitButton>
    </form>
  );
}

/** /admin/standards/attach: an admin attaches a publisher's catalog (NIST SP 800-171) to a standard that allows it. */
export function AdminAttachTextPage() {
  const m = attachedTextMessages[useLanguage().lang];
  return (
    <TitledSection title={m.attachTitle}>
      <p className="muted">{m.sectionNote}</p>
      <RequireAdmin>
        <EditionGate>{(edition) => <AttachForm edition={edition} />}</EditionGate>
      </RequireAdmin>
    </TitledSection>
  );
}
