import type { ReactNode } from 'react';
import type { Localized, Mapping, MappingReview, Reference, RequirementDetail } from '../api/types';
import { labelFor, useLocalize, useT } from '../i18n/i18n';
import { useReviewT } from '../i18n/messages-review';
import { standardPath, standardRequirementPath } from '../router/browse-paths';
import { Link } from '../router/router';
import { TermText } from './glossary-terms';
import { TableHead } from './tables/table-head';
import { ScrollTable } from './tables/scroll-table';
import { Chips } from './chips';
import { CardSection, type CardSectionProps } from './card-section';

/** The parts of a requirement's detail page, one section each. */

export function Section(props: CardSectionProps) {
  return <CardSection {...props} className="detail-section" />;
}

/** A list of content texts in the reader's language, glossary terms linked; numbered when `ordered`. */
function TermTextList({ texts, className, ordered = false }: { texts: readonly Localized[]; className: string; ordered?: boolean }) {
  const localize = useLocalize();
  const List = ordered ? 'ol' : 'ul';
  return (
    <List className={className}>
      {texts.map((text, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: content lists are static and never reordered; texts may repeat.
        <li key={`${index}-${text.ja}`}>
          <TermText text={localize(text)} />
        </li>
      ))}
    </List>
  );
}

/** A section of a list: the list (its children), or a muted note saying there is none. */
export function ListSection({ id, title, items, none, children }: { id: string; title: string; items: readonly unknown[]; none: string; children: ReactNode }) {
  return (
    <Section id={id} title={title}>
      {items.length === 0 ? <p className="muted">{none}</p> : children}
    </Section>
  );
}

export function CriteriaSection({ requirement }: { requirement: RequirementDetail }) {
  const t = useT();
  return (
    <Section id="criteria" title={t.criteria}>
      <TermTextList texts={requirement.criteria} className="criteria-list" />
    </Section>
  );
}

export function InterpretationSection({ requirement }: { requirement: RequirementDetail }) {
  const t = useT();
  const localize = useLocalize();
  return (
    <Section id="interpretation" title={t.interpretation}>
      <ol className="attack-list">
        {requirement.interpretation.map((pattern, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: content lists are static and never reordered; texts may repeat.
          <li key={`${index}-${pattern.attack.ja}`} className="attack">
            <p className="attack-label">{t.attack}</p>
            <p className="attack-text">
              <TermText text={localize(pattern.attack)} />
            </p>
            <p className="attack-label">{t.countermeasures}</p>
            <TermTextList texts={pattern.countermeasures} className="countermeasure-list" />
          </li>
        ))}
      </ol>
    </Section>
  );
}

export function VerificationSection({ requirement }: { requirement: RequirementDetail }) {
  const t = useT();
  const { methods, steps } = requirement.verification;
  return (
    <Section id="verification" title={t.verification}>
      <h3>{t.verificationMethods}</h3>
      <Chips items={methods} label={(method) => labelFor(t.methods, method)} />
      <h3>{t.verificationSteps}</h3>
      <TermTextList texts={steps} className="step-list" ordered />
    </Section>
  );
}

function ReviewCell({ review }: { review: MappingReview | undefined }) {
  const r = useReviewT();
  const state = review?.state ?? 'unreviewed';
  return (
    <td>
      <span className={`badge review-${state}`}>{r.review.states[state] ?? state}</span>
      {review?.by && review.date ? <small className="review-by"> {r.review.by(review.by, review.date)}</small> : null}
      {review?.note ? <p className="review-note">{review.note}</p> : null}
    </td>
  );
}

function MappingRow({ mapping, review }: { mapping: Mapping; review: MappingReview | undefined }) {
  const t = useT();
  const localize = useLocalize();
  return (
    <tr>
      <td>
        <Link to={standardPath(mapping.standard)}>
          <code className="standard-id">{mapping.standard}</code>
        </Link>
      </td>
      <td>
        <Link to={standardRequirementPath(mapping.standard, mapping.requirement)}>
          <code>{mapping.requirement}</code>
        </Link>
      </td>
      <td>
        <span className={`relationship relationship-${mapping.relationship}`}>{labelFor(t.relationships, mapping.relationship)}</span>
      </td>
      <td>
        <TermText text={localize(mapping.rationale)} />
      </td>
      <ReviewCell review={review} />
    </tr>
  );
}

export function MappingsSection({ requirement }: { requirement: RequirementDetail }) {
  const t = useT();
  const r = useReviewT();
  return (
    <ListSection id="mappings" title={t.mappings} items={requirement.mappings} none={t.noMappings}>
      <ScrollTable className="data-table mapping-table">
        <TableHead columns={[t.standard, t.standardRequirement, t.relationship, t.rationale, r.review.column]} />
        <tbody>
          {requirement.mappings.map((mapping, i) => (
            <MappingRow key={`${mapping.standard}|${mapping.requirement}`} mapping={mapping} review={requirement.mappingReviews?.[i]} />
          ))}
        </tbody>
      </ScrollTable>
    </ListSection>
  );
}

const REFERENCE_PREFIX: Record<string, string> = {
  cwe: 'CWE-',
  capec: 'CAPEC-',
  'cert-c': 'CERT C ',
  owasp: 'OWASP ',
  rfc: 'RFC ',
};

/** "CWE-798" whether the content wrote "798" or "CWE-798". */
function referenceName(reference: Reference): string {
  const prefix = REFERENCE_PREFIX[reference.type] ?? '';
  const bare = prefix.trim().replace(/[- ]$/, '');
  if (!prefix || reference.id.toUpperCase().startsWith(bare.toUpperCase())) return reference.id;
  return `${prefix}${reference.id}`;
}

export function ReferencesSection({ requirement }: { requirement: RequirementDetail }) {
  const t = useT();
  const localize = useLocalize();
  return (
    <ListSection id="references" title={t.references} items={requirement.references} none={t.noReferences}>
      <ul className="reference-list">
        {requirement.references.map((reference) => (
          <li key={`${reference.type}|${reference.id}`}>
            <span className="reference-id">{referenceName(reference)}</span>
            {reference.note ? <span className="reference-note">{localize(reference.note)}</span> : null}
          </li>
        ))}
      </ul>
    </ListSection>
  );
}
