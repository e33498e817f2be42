import { apiPath } from '../api/client';
import type { EditionSummary, RequirementList } from '../api/types';
import { useApi } from '../api/use-api';
import { GuidebookItemTable } from '../components/tables/guidebook-item-table';
import { EditionGate } from '../components/guards/edition-gate';
import { ErrorView, Loading, Notice } from '../components/status';
import { useEdition } from '../edition/edition';
import { useLocalize, useT } from '../i18n/i18n';
import { useSession } from '../session/session';
import { PageSection } from '../components/page-section';

interface CellParams {
  layer: string;
  phase: string;
}

function CellItems({ edition, layer, phase }: CellParams & { edition: EditionSummary }) {
  const t = useT();
  const who = useSession().user?.id ?? 'anonymous';
  const query = new URLSearchParams({ layer, phase }).toString();
  const items = useApi<RequirementList>(`${apiPath('editions', edition.id, 'requirements')}?${query}`, who);

  if (items.status === 'loading') return <Loading />;
  if (items.status === 'error') return <ErrorView error={items.error} onRetry={items.retry} />;
  if (items.data.items.length === 0) return <Notice kind="info">{t.noItems}</Notice>;

  return (
    <>
      <p className="total">{t.itemCount(items.data.items.length)}</p>
      <GuidebookItemTable items={items.data.items} />
    </>
  );
}

/** The items of one matrix cell: number and title, each linking to its detail. */
export function CellPage({ layer, phase }: CellParams) {
  const t = useT();
  const localize = useLocalize();
  const edition = useEdition();
  const layerLabel = localize(edition.layer(layer)?.label) || layer;
  const phaseLabel = localize(edition.phase(phase)?.label) || phase;
  const title = t.cellTitle(layerLabel, phaseLabel);

  return (
    <PageSection title={title}>
      <EditionGate>{(current) => <CellItems edition={current} layer={layer} phase={phase} />}</EditionGate>
    </PageSection>
  );
}
