import { createContext, type ReactNode, use, useMemo } from 'react';
import type { GlossaryIndexEntry } from '../api/browse.types';
import { markTerms, type TermForm, termForms } from '../glossary/term-marks';
import { useLanguage, useT } from '../i18n/i18n';
import { glossaryTermPath } from '../router/browse-paths';
import { Link } from '../router/router';
import { CardSection } from './card-section';

/**
 * Glossary terms of one item: the page provides its glossary index, and every
 * text inside marks and links the terms it contains.
 */

interface GlossaryState {
  index: GlossaryIndexEntry[];
  forms: TermForm[];
}

const GlossaryContext = createContext<GlossaryState>({ index: [], forms: [] });

export function GlossaryTermsProvider({ index, children }: { index: GlossaryIndexEntry[] | undefined; children: ReactNode }) {
  const value = useMemo(() => ({ index: index ?? [], forms: termForms(index ?? []) }), [index]);
  return <GlossaryContext value={value}>{children}</GlossaryContext>;
}

/** A content text with the item's glossary terms linked to their glossary pages (plain text without a provider). */
export function TermText({ text }: { text: string }) {
  const t = useT();
  const { index, forms } = use(GlossaryContext);
  const { lang } = useLanguage();
  const segments = useMemo(() => markTerms(text, forms), [text, forms]);
  if (segments.length === 1 && !segments[0]?.termId) return <>{text}</>;
  return (
    <>
      {segments.map((segment, position) => {
        const key = `${position}-${segment.text}`;
        if (!segment.termId) return <span key={key}>{segment.text}</span>;
        const entry = index.find((candidate) => candidate.id === segment.termId);
        return (
          <Link key={key} to={glossaryTermPath(segment.termId)} className="term-link" title={t.browse.termLinkTitle(entry?.[lang] ?? segment.text)}>
            {segment.text}
          </Link>
        );
      })}
    </>
  );
}

/** The item's glossary terms as links, including those its text never spells out. */
export function GlossaryTermsSection() {
  const t = useT();
  const { lang } = useLanguage();
  const { index } = use(GlossaryContext);
  return (
    <CardSection id="glossary-terms" title={t.browse.glossaryTerms} className="detail-section">
      {index.length === 0 ? (
        <p className="muted">{t.browse.noGlossaryTerms}</p>
      ) : (
        <>
          <p className="muted">{t.browse.glossaryTermsIntro}</p>
          <ul className="chips">
            {index.map((entry) => (
              <li key={entry.id}>
                <Link className="chip chip-link" to={glossaryTermPath(entry.id)}>
                  {entry[lang]}
                </Link>
              </li>
            ))}
          </ul>
        </>
      )}
    </CardSection>
  );
}
