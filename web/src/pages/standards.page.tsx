import type { StandardList } from '../api/browse.types';
import { apiPath } from '../api/client';
import type { EditionSummary } from '../api/types';
import { useApi } from '../api/use-api';
import { ConfidenceBadge } from '../components/confidence-badge';
import { EditionGate } from '../components/guards/edition-gate';
import { PageSection } from '../components/page-section';
import { ErrorView, Loading } from '../components/status';
import { useLocalize, useT } from '../i18n/i18n';
import { standardPath } from '../router/browse-paths';
import { Link } from '../router/router';
import { useSession } from '../session/session';
import { TableHead } from '../components/tables/table-head';
import { ScrollTable } from '../components/tables/scroll-table';
import '../styles/browse.css';
import '../styles/standards.css';

function StandardTable({ edition }: { edition: EditionSummary }) {
  const t = useT();
  const localize = useLocalize();
  const who = useSession().user?.id ?? 'anonymous';
  const list = useApi<StandardList>(apiPath('editions', edition.id, 'standards'), who);
  if (list.status === 'loading') return <Loading />;
  if (list.status === 'error') return <ErrorView error={list.error} onRetry={list.retry} />;
  return (
    <div className="card card-flush">
      <ScrollTable className="data-table standard-list">
        <TableHead
          columns={[
            t.standard,
            t.browse.version,
            t.browse.publisher,
            { label: t.browse.requirementCountHeading, className: 'col-count' },
            t.browse.confidenceLabel,
          ]}
        />
        <tbody>
          {list.data.standards.map((standard) => (
            <tr key={standard.id}>
              <td>
                <Link to={standardPath(standard.id)} className="standard-link">
                  {localize(standard.title)}
                </Link>
                <code className="standard-code">{standard.id}</code>
              </td>
              <td className="muted">{standard.version}</td>
              <td>{standard.publisher}</td>
              <td className="col-count">
                {t.browse.requirementCount(standard.counts.requirements)}
                {standard.counts.withdrawn > 0 ? <span className="muted count-note">{t.browse.withdrawnCount(standard.counts.withdrawn)}</span> : null}
              </td>
              <td>
                <ConfidenceBadge confidence={standard.confidence} />
              </td>
            </tr>
          ))}
        </tbody>
      </ScrollTable>
    </div>
  );
}

/** The standards the guidebook maps to, with how sure we are of their catalogs. */
export function StandardsPage() {
  const t = useT();
  return (
    <PageSection title={t.browse.standardsTitle} sub={t.browse.standardsIntro} related={{ to: '/landscape', label: t.landscape.title }}>
      <EditionGate>{(edition) => <StandardTable edition={edition} />}</EditionGate>
      <dl className="confidence-legend">
        {(['verified', 'names_verified', 'recall'] as const).map((level) => (
          <div key={level}>
            <dt>
              <ConfidenceBadge confidence={level} />
            </dt>
            <dd>{t.browse.confidenceNotes[level]}</dd>
          </div>
        ))}
      </dl>
    </PageSection>
  );
}
