import type { GlossaryTermDetail } from '../api/browse.types';
import type { Lang } from '../api/types';
import { Breadcrumbs } from '../components/breadcrumbs';
import { EditionResource } from '../components/guards/edition-gate';
import { NumberedTitle } from '../components/numbered-title';
import { usePageTitle } from '../components/page-title';
import { ListSection, Section } from '../components/requirement-sections';
import { useLanguage, useLocalize, useT } from '../i18n/i18n';
import { glossaryPath, glossaryTermPath } from '../router/browse-paths';
import { requirementPath } from '../router/paths';
import { Link } from '../router/router';
import { Fact } from '../components/fact';
import '../styles/browse.css';
import '../styles/glossary.css';

function TermView({ detail }: { detail: GlossaryTermDetail }) {
  const t = useT();
  const localize = useLocalize();
  const { lang } = useLanguage();
  const { term, usedBy, related } = detail;
  const other: Lang = lang === 'ja' ? 'en' : 'ja';
  const title = term.term[lang];
  usePageTitle(title);

  return (
    <article aria-labelledby="term-title" className="term-page">
      <Breadcrumbs trail={[{ label: t.browse.glossaryTitle, to: glossaryPath() }, { label: title }]} />
      <header className="page-head">
        <h1 id="term-title">{title}</h1>
        <p className="page-sub">
          {term.term[other] === title ? null : <span lang={other}>{term.term[other]}</span>}
          {term.reading && term.reading !== term.term.ja ? (
            <span className="glossary-reading" lang="ja">
              <span className="visually-hidden">{t.browse.reading}: </span>
              {term.reading}
            </span>
          ) : null}
        </p>
      </header>
      <Section id="definition" title={t.browse.definition}>
        <dl className="definition-pair">
          {[lang, other].map((code) => (
            <div key={code}>
              <dt>{t.browse.languageNames[code]}</dt>
              <dd lang={code}>{term.definition[code]}</dd>
            </div>
          ))}
        </dl>
      </Section>
      {term.industryUsage.length > 0 ? (
        <Section id="industry-usage" title={t.browse.industryUsage}>
          <p className="muted">{t.browse.industryUsageIntro}</p>
          <dl className="usage-list">
            {term.industryUsage.map((usage) => (
              <Fact key={usage.industry.ja} label={localize(usage.industry)}>
                {localize(usage.usage)}
              </Fact>
            ))}
          </dl>
        </Section>
      ) : null}
      <ListSection id="related-terms" title={t.browse.relatedTerms} items={related} none={t.browse.noRelatedTerms}>
        <ul className="chips">
          {related.map((entry) => (
            <li key={entry.id}>
              <Link className="chip chip-link" to={glossaryTermPath(entry.id)}>
                {localize(entry.term)}
              </Link>
            </li>
          ))}
        </ul>
      </ListSection>
      <ListSection id="used-by" title={t.browse.usedBy} items={usedBy} none={t.browse.notUsed}>
        <ul className="used-by-list">
          {usedBy.map((item) => (
            <li key={item.requirementId}>
              <Link to={requirementPath(item.requirementId)}>
                <NumberedTitle number={item.number} title={localize(item.title)} />
              </Link>
            </li>
          ))}
        </ul>
      </ListSection>
    </article>
  );
}

/** One glossary term: definition in both languages, usage in other industries, related terms, where used. */
export function GlossaryTermPage({ id }: { id: string }) {
  const t = useT();
  usePageTitle(t.browse.glossaryTitle);
  return <EditionResource<GlossaryTermDetail> under={['glossary', id]}>{(detail) => <TermView detail={detail} />}</EditionResource>;
}
