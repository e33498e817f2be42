import { type DraftList, editorPaths } from '../components/editor/editor-api';
import { OpenDraftForm } from '../components/editor/open-draft-form';
import { useDraftResource } from '../components/editor/use-draft';
import { PageSection } from '../components/page-section';
import { ErrorView, Loading, Notice } from '../components/status';
import { useEdition } from '../edition/edition';
import { useLocalize, useT } from '../i18n/i18n';
import { Link } from '../router/router';
import '../components/editor/editor.css';

/** /editor: the open drafts, and opening a new one from the current edition. */
export function EditorHomePage() {
  const t = useT();
  const localize = useLocalize();
  const { current } = useEdition();
  const drafts = useDraftResource<DraftList>(['drafts']);

  let body = <Loading />;
  if (drafts.status === 'error') body = <ErrorView error={drafts.error} onRetry={drafts.reload} />;
  else if (drafts.status === 'ok') {
    body = (
      <>
        <section className="card" aria-labelledby="drafts-title">
          <h2 id="drafts-title">{t.editor.draftsTitle}</h2>
          {drafts.data.drafts.length === 0 ? (
            <p>{t.editor.noDrafts}</p>
          ) : (
            <ul className="editor-drafts">
              {drafts.data.drafts.map((d) => (
                <li key={d.id}>
                  <Link to={editorPaths.draft(d.id)}>{localize(d.title)}</Link> <span className="editor-draft-id">{d.id}</span>
                  <span className="editor-meta">
                    {d.baseEditionId ? t.editor.basedOn(d.baseEditionId) : null} · {t.editor.revision(d.revision)} · {t.editor.updatedAt}{' '}
                    <time dateTime={d.updatedAt}>{new Date(d.updatedAt).toLocaleString()}</time>
                  </span>
                </li>
              ))}
            </ul>
          )}
        </section>
        {current ? <OpenDraftForm current={current} /> : <Notice kind="info">{t.editor.noPublished}</Notice>}
      </>
    );
  }

  return (
    <PageSection title={t.editor.homeTitle} sub={t.editor.homeIntro} related={{ to: '/editor/keywords', label: t.keywords.title }} className="editor">
      {body}
    </PageSection>
  );
}
