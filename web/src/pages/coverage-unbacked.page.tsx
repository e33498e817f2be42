import { apiPath } from '../api/client';
import type { EditionSummary } from '../api/types';
import { useApi } from '../api/use-api';
import { GuidebookItemTable } from '../components/tables/guidebook-item-table';
import { coveragePath } from '../components/coverage/coverage-query';
import type { UnbackedItems } from '../components/coverage/coverage.types';
import { EditionGate } from '../components/guards/edition-gate';
import { ErrorView, Loading, Notice } from '../components/status';
import { useEdition } from '../edition/edition';
import { useLocalize, useT } from '../i18n/i18n';
import { useSession } from '../session/session';
import { PageSection } from '../components/page-section';
import '../styles/coverage.css';

function UnbackedList({ edition }: { edition: EditionSummary }) {
  const t = useT();
  const localize = useLocalize();
  const { layer, phase } = useEdition();
  const who = useSession().user?.id ?? 'anonymous';
  const result = useApi<UnbackedItems>(apiPath('editions', edition.id, 'unbacked'), who);
  if (result.status === 'loading') return <Loading />;
  if (result.status === 'error') return <ErrorView error={result.error} onRetry={result.retry} />;
  const { items } = result.data;
  if (items.length === 0) return <Notice kind="success">{t.coverage.unbackedNone}</Notice>;
  return (
    <>
      <p className="total">{t.itemCount(items.length)}</p>
      <GuidebookItemTable
        items={items}
        columns={[
          { header: t.layers, cell: (item) => item.layers.map((l) => localize(layer(l)?.label) || l).join(t.coverage.listSeparator) },
          { header: t.phases, cell: (item) => item.phases.map((p) => localize(phase(p)?.label) || p).join(t.coverage.listSeparator) },
        ]}
      />
    </>
  );
}

/** /coverage/unbacked: guidebook items backed by no standard (独自項目). */
export function CoverageUnbackedPage() {
  const t = useT();
  return (
    <PageSection
      title={t.coverage.unbackedTitle}
      parents={[{ label: t.coverage.title, to: coveragePath() }]}
      sub={t.coverage.unbackedIntro}
      className="cov-page"
      head="header"
    >
      <EditionGate>{(edition) => <UnbackedList edition={edition} />}</EditionGate>
    </PageSection>
  );
}
