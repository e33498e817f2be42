import { Breadcrumbs } from '../components/breadcrumbs';
import { type DraftList, editorPaths } from '../components/editor/editor-api';
import { OpenDraftForm } from '../components/editor/open-draft-form';
import { useDraftResource } from '../components/editor/use-draft';
import { usePageTitle } from '../components/page-title';
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
  usePageTitle(t.editor.homeTitle);

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
    <section aria-labelledby="editor-home-title" className="editor">
      <Breadcrumbs trail={[{ label: t.editor.homeTitle }]} />
      <div className="page-head">
        <h1 id="editor-home-title">{t.editor.homeTitle}</h1>
        <p className="page-sub">{t.editor.homeIntro}</p>
        <p>
          <Link to="/editor/keywords">{t.keywords.title} →</Link>
        </p>
      </div>
      {body}
    </section>
  );
}
