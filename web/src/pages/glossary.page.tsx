import type { GlossaryEntry, GlossaryList } from '../api/browse.types';
import { apiPath } from '../api/client';
import type { EditionSummary } from '../api/types';
import { useApi } from '../api/use-api';
import { Breadcrumbs } from '../components/breadcrumbs';
import { EditionGate } from '../components/guards/edition-gate';
import { usePageTitle } from '../components/page-title';
import { ErrorView, Loading } from '../components/status';
import { alphaSectionKey, groupSections, KANA_ROW_LATIN, kanaSectionKey } from '../glossary/sections';
import { useLanguage, useT } from '../i18n/i18n';
import type { Messages } from '../i18n/messages';
import { type GlossaryOrder, glossaryPath, glossaryTermPath } from '../router/browse-paths';
import { Link, useSearchParam } from '../router/router';
import { useFragmentTarget } from '../router/use-fragment-target';
import { useSession } from '../session/session';
import '../styles/browse.css';
import '../styles/glossary.css';

function sectionLabel(t: Messages, order: GlossaryOrder, key: string): string {
  if (key === 'latin') return t.browse.sectionLatin;
  if (key === 'other') return t.browse.sectionOther;
  return order === 'kana' ? t.browse.kanaRow(key, KANA_ROW_LATIN[key] ?? '') : key;
}

function OrderSwitch({ order }: { order: GlossaryOrder }) {
  const t = useT();
  return (
    <nav className="order-switch" aria-label={t.browse.glossaryOrder}>
      {(['kana', 'alpha'] as const).map((option) => (
        <Link
          key={option}
          to={glossaryPath(option)}
          aria-current={order === option ? 'true' : undefined}
          className={order === option ? 'order-option is-active' : 'order-option'}
        >
          {option === 'kana' ? t.browse.orderKana : t.browse.orderAlpha}
        </Link>
      ))}
    </nav>
  );
}

function Entry({ entry, order }: { entry: GlossaryEntry; order: GlossaryOrder }) {
  const { lang } = useLanguage();
  // The language the list is ordered by leads, so the eye can follow the order.
  const lead = order === 'alpha' ? 'en' : 'ja';
  const other = lead === 'ja' ? 'en' : 'ja';
  return (
    <li className="tile glossary-entry">
      <p className="glossary-entry-head">
        <Link to={glossaryTermPath(entry.id)} className="glossary-term" lang={lead}>
          {entry.term[lead]}
        </Link>
        {entry.term[other] === entry.term[lead] ? null : (
          <span className="glossary-other" lang={other}>
            {entry.term[other]}
          </span>
        )}
        {entry.reading && entry.reading !== entry.term.ja ? (
          <span className="glossary-reading" lang="ja">
            {entry.reading}
          </span>
        ) : null}
      </p>
      <p className="glossary-definition" lang={lang}>
        {entry.definition[lang]}
      </p>
    </li>
  );
}

function GlossaryBody({ edition, order }: { edition: EditionSummary; order: GlossaryOrder }) {
  const who = useSession().user?.id ?? 'anonymous';
  const list = useApi<GlossaryList>(`${apiPath('editions', edition.id, 'glossary')}?order=${order}`, who);
  if (list.status === 'loading') return <Loading />;
  if (list.status === 'error') return <ErrorView error={list.error} onRetry={list.retry} />;
  return <GlossarySections terms={list.data.terms} order={order} />;
}

function GlossarySections({ terms, order }: { terms: GlossaryEntry[]; order: GlossaryOrder }) {
  const t = useT();
  useFragmentTarget();
  const sections = groupSections(terms, (entry) => (order === 'kana' ? kanaSectionKey(entry.reading ?? entry.term.ja) : alphaSectionKey(entry.term.en)));
  return (
    <>
      <p className="total">{t.browse.termCount(terms.length)}</p>
      <nav className="section-index" aria-label={t.browse.sectionIndex}>
        <ul>
          {sections.map((section) => (
            <li key={section.key}>
              <a href={`#terms-${section.key}`}>{sectionLabel(t, order, section.key)}</a>
            </li>
          ))}
        </ul>
      </nav>
      {sections.map((section) => (
        <section key={section.key} className="glossary-section" aria-labelledby={`terms-${section.key}`}>
          <h2 id={`terms-${section.key}`} className="glossary-section-title">
            {sectionLabel(t, order, section.key)}
          </h2>
          <ul className="tile-list glossary-list">
            {section.items.map((entry) => (
              <Entry key={entry.id} entry={entry} order={order} />
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}

/** The glossary in あいうえお or ABC order, with a heading per kana row or letter. */
export function GlossaryPage() {
  const t = useT();
  const order: GlossaryOrder = useSearchParam('order') === 'alpha' ? 'alpha' : 'kana';
  usePageTitle(t.browse.glossaryTitle);
  return (
    <section aria-labelledby="glossary-title">
      <Breadcrumbs trail={[{ label: t.browse.glossaryTitle }]} />
      <div className="page-head page-head-row">
        <div>
          <h1 id="glossary-title">{t.browse.glossaryTitle}</h1>
          <p className="page-sub">{t.browse.glossaryIntro}</p>
        </div>
        <OrderSwitch order={order} />
      </div>
      <EditionGate>{(edition) => <GlossaryBody edition={edition} order={order} />}</EditionGate>
    </section>
  );
}
