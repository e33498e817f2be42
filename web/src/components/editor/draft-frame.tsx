import type { ReactNode } from 'react';
import { useLocalize, useT } from '../../i18n/i18n';
import { useEditorReviewT } from '../../i18n/messages-review';
import { Link } from '../../router/router';
import { Breadcrumbs, type Crumb } from '../breadcrumbs';
import { type DraftSummary, editorPaths } from './editor-api';

export type DraftTab = 'requirements' | 'terms' | 'reviews' | 'diff' | 'publish';

/** The tabs of a draft: separate addresses, so each can be linked and reloaded. */
function DraftTabs({ draftId, active }: { draftId: string; active: DraftTab | null }) {
  const t = useT();
  const r = useEditorReviewT();
  const tabs: [DraftTab, string, string][] = [
    ['requirements', t.editor.tabRequirements, editorPaths.draft(draftId)],
    ['terms', t.editor.tabTerms, editorPaths.tab(draftId, 'terms')],
    ['reviews', r.queue.tab, editorPaths.tab(draftId, 'reviews')],
    ['diff', t.editor.tabDiff, editorPaths.tab(draftId, 'diff')],
    ['publish', t.editor.tabPublish, editorPaths.tab(draftId, 'publish')],
  ];
  return (
    <nav className="editor-tabs" aria-label={t.editor.tabs}>
      <ul>
        {tabs.map(([tab, label, to]) => (
          <li key={tab}>
            <Link to={to} aria-current={tab === active ? 'page' : undefined} className={tab === active ? 'is-active' : undefined}>
              {label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

interface DraftFrameProps {
  draft: DraftSummary;
  /** The tab shown, or null on an item page (then `heading` names the item). */
  tab: DraftTab | null;
  heading?: string;
  children: ReactNode;
}

/** Breadcrumbs, the draft's title with its id and origin, the tabs, then the page. */
export function DraftFrame({ draft, tab, heading, children }: DraftFrameProps) {
  const t = useT();
  const localize = useLocalize();
  const title = localize(draft.title);
  const trail: Crumb[] = [
    { label: t.editor.homeTitle, to: editorPaths.home() },
    { label: title, to: editorPaths.draft(draft.id) },
  ];
  if (heading) trail.push({ label: heading });
  return (
    <section aria-labelledby="editor-title" className="editor">
      <Breadcrumbs trail={trail} />
      <div className="page-head">
        <h1 id="editor-title">
          {heading ?? title} <span className="editor-badge">{t.editor.draftBadge}</span>
        </h1>
        <p className="page-sub">
          <span className="editor-draft-id">{draft.id}</span>
          {heading ? <span> · {title}</span> : null}
          {draft.baseEditionId ? <span> · {t.editor.basedOn(draft.baseEditionId)}</span> : null}
          <span> · {t.editor.revision(draft.revision)}</span>
        </p>
      </div>
      <DraftTabs draftId={draft.id} active={tab} />
      {children}
    </section>
  );
}
