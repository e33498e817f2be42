import type { StandardList, Taxonomy, ThreatCategoryNode } from '../api/browse.types';
import { apiPath } from '../api/client';
import type { EditionSummary, Localized, RequirementList } from '../api/types';
import { useApi } from '../api/use-api';
import { GuidebookItemTable } from '../components/tables/guidebook-item-table';
import { EditionGate } from '../components/guards/edition-gate';
import { RequirementFilterForm } from '../components/requirement-filters';
import { ErrorView, Loading, Notice } from '../components/status';
import { useLocalize, useT } from '../i18n/i18n';
import { filterQuery, readFilters, type RequirementFilters, requirementListPath } from '../router/browse-paths';
import { navigate, useLocation } from '../router/router';
import { useSession } from '../session/session';
import { PageSection } from '../components/page-section';
import '../styles/browse.css';

function categoryLabels(nodes: readonly ThreatCategoryNode[], into = new Map<string, Localized>()): Map<string, Localized> {
  for (const node of nodes) {
    into.set(node.id, node.label);
    categoryLabels(node.children ?? [], into);
  }
  return into;
}

function ItemTable({ edition, filters, taxonomy }: { edition: EditionSummary; filters: RequirementFilters; taxonomy: Taxonomy }) {
  const t = useT();
  const localize = useLocalize();
  const who = useSession().user?.id ?? 'anonymous';
  const items = useApi<RequirementList>(`${apiPath('editions', edition.id, 'requirements')}${filterQuery(filters)}`, who);
  const labels = categoryLabels(taxonomy.threatCategories);

  if (items.status === 'loading') return <Loading />;
  if (items.status === 'error') return <ErrorView error={items.error} onRetry={items.retry} />;
  if (items.data.items.length === 0) return <Notice kind="info">{t.browse.noMatchingItems}</Notice>;
  return (
    <>
      <p className="total" role="status">
        {t.itemCount(items.data.items.length)}
      </p>
      <GuidebookItemTable
        items={items.data.items}
        columns={[
          {
            header: t.threatCategory,
            className: 'col-category',
            cellClassName: 'col-category muted',
            cell: (item) => localize(labels.get(item.threatCategory)) || item.threatCategory,
          },
        ]}
      />
    </>
  );
}

function FilteredList({ edition }: { edition: EditionSummary }) {
  const who = useSession().user?.id ?? 'anonymous';
  const { search } = useLocation();
  const filters = readFilters(search);
  const taxonomy = useApi<Taxonomy>(apiPath('editions', edition.id, 'taxonomy'), who);
  const standards = useApi<StandardList>(apiPath('editions', edition.id, 'standards'), who);

  if (taxonomy.status === 'error') return <ErrorView error={taxonomy.error} onRetry={taxonomy.retry} />;
  if (standards.status === 'error') return <ErrorView error={standards.error} onRetry={standards.retry} />;
  if (taxonomy.status === 'loading' || standards.status === 'loading') return <Loading />;
  return (
    <>
      <RequirementFilterForm
        taxonomy={taxonomy.data}
        standards={standards.data.standards}
        filters={filters}
        onChange={(next) => navigate(requirementListPath(next), { replace: true })}
      />
      <ItemTable edition={edition} filters={filters} taxonomy={taxonomy.data} />
    </>
  );
}

/** Every item of the current edition, narrowed by filters kept in the URL query. */
export function RequirementsPage() {
  const t = useT();
  return (
    <PageSection title={t.browse.requirementListTitle} sub={t.browse.requirementListIntro}>
      <EditionGate>{(edition) => <FilteredList edition={edition} />}</EditionGate>
    </PageSection>
  );
}
