import { apiPath } from '../api/client';
import type { EditionSummary, RequirementDetail, Term } from '../api/types';
import { useApi } from '../api/use-api';
import type { GlossaryIndexEntry } from '../api/browse.types';
import { MappingHints } from '../components/attached-text/mapping-hints';
import { Breadcrumbs } from '../components/breadcrumbs';
import { EditionGate } from '../components/guards/edition-gate';
import { GlossaryTermsProvider, GlossaryTermsSection } from '../components/glossary-terms';
import { usePageTitle } from '../components/page-title';
import { CriteriaSection, InterpretationSection, MappingsSection, ReferencesSection, VerificationSection } from '../components/requirement-sections';
import { ErrorView, Loading } from '../components/status';
import { useEdition } from '../edition/edition';
import { useLocalize, useT } from '../i18n/i18n';
import { useSession } from '../session/session';
import { Chips } from '../components/chips';
import { Fact } from '../components/fact';

function TermChips({ ids, lookup }: { ids: string[]; lookup: (id: string) => Term | undefined }) {
  const localize = useLocalize();
  return <Chips items={ids} label={(id) => localize(lookup(id)?.label) || id} />;
}

function RequirementView({ requirement }: { requirement: RequirementDetail }) {
  const t = useT();
  const localize = useLocalize();
  const edition = useEdition();
  const title = localize(requirement.title);
  usePageTitle(`${requirement.number} ${title}`);

  return (
    <article aria-labelledby="requirement-title" className="requirement">
      <Breadcrumbs trail={[{ label: `${requirement.number} ${title}` }]} />
      <header className="page-head">
        <h1 id="requirement-title">
          <span className="item-number">{requirement.number}</span> <span>{title}</span>
        </h1>
      </header>
      <dl className="facts card">
        <Fact label={t.layers}>
          <TermChips ids={requirement.layers} lookup={edition.layer} />
        </Fact>
        <Fact label={t.phases}>
          <TermChips ids={requirement.phases} lookup={edition.phase} />
        </Fact>
        <Fact label={t.threatCategory}>{localize(requirement.threatCategoryLabel) || requirement.threatCategory}</Fact>
      </dl>
      <CriteriaSection requirement={requirement} />
      <InterpretationSection requirement={requirement} />
      <VerificationSection requirement={requirement} />
      <MappingsSection requirement={requirement} />
      <MappingHints requirementId={requirement.id} />
      <ReferencesSection requirement={requirement} />
      <GlossaryTermsSection />
    </article>
  );
}

function RequirementLoader({ edition, id }: { edition: EditionSummary; id: string }) {
  const who = useSession().user?.id ?? 'anonymous';
  const result = useApi<RequirementDetail & { glossaryIndex?: GlossaryIndexEntry[] }>(apiPath('editions', edition.id, 'requirements', id), who);
  if (result.status === 'loading') return <Loading />;
  if (result.status === 'error') return <ErrorView error={result.error} onRetry={result.retry} />;
  return (
    <GlossaryTermsProvider index={result.data.glossaryIndex}>
      <RequirementView requirement={result.data} />
    </GlossaryTermsProvider>
  );
}

/** One requirement of the current edition in full. */
export function RequirementPage({ id }: { id: string }) {
  const t = useT();
  usePageTitle(t.requirement);
  return <EditionGate>{(edition) => <RequirementLoader edition={edition} id={id} />}</EditionGate>;
}
