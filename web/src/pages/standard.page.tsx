import type { StandardDetail } from '../api/browse.types';
import { Breadcrumbs } from '../components/breadcrumbs';
import { ConfidenceBadge } from '../components/confidence-badge';
import { EditionResource } from '../components/guards/edition-gate';
import { usePageTitle } from '../components/page-title';
import { PublisherTextSection } from '../components/attached-text/publisher-text-section';
import { answerCounts, StandardRows } from '../components/standard-rows';
import { useLocalize, useT } from '../i18n/i18n';
import { standardsPath } from '../router/browse-paths';
import { useFragmentTarget } from '../router/use-fragment-target';
import '../styles/browse.css';
import '../styles/standards.css';

function StandardView({ detail }: { detail: StandardDetail }) {
  const t = useT();
  const localize = useLocalize();
  const { standard } = detail;
  const title = localize(standard.title);
  usePageTitle(title);
  const target = useFragmentTarget();
  const counts = answerCounts(detail.requirements);
  const conditions = Object.entries(standard.conditions ?? {});
  const answerBadges: [badge: string, label: string, count: number][] = [
    ['badge-mapped', t.browse.mapped, counts.mapped],
    ['badge-out', t.browse.outOfScope, counts.outOfScope],
    ['badge-pending', t.browse.pendingVerification, counts.pending],
    ['badge-gap', t.browse.gap, counts.gap],
  ];

  return (
    <article aria-labelledby="standard-title" className="standard-page">
      <Breadcrumbs trail={[{ label: t.browse.standardsTitle, to: standardsPath() }, { label: title }]} />
      <header className="page-head">
        <h1 id="standard-title">{title}</h1>
        <p className="page-sub">
          {standard.publisher} · {standard.version} <ConfidenceBadge confidence={standard.confidence} />
        </p>
      </header>
      {standard.confidence === 'verified' ? null : (
        <div className="notice notice-warning" role="note">
          <p>{t.browse.confidenceWarning(t.browse.confidenceNotes[standard.confidence])}</p>
        </div>
      )}
      <section className="card licence-box" aria-labelledby="licence-title">
        <h2 id="licence-title">{t.browse.licence}</h2>
        <p>{localize(standard.licence)}</p>
      </section>
      <ul className="answer-summary" aria-label={t.browse.answerSummary}>
        {answerBadges.map(([badge, label, count]) => (
          <li key={badge}>
            <span className={`badge ${badge}`}>{label}</span> {count}
          </li>
        ))}
      </ul>
      {conditions.length > 0 ? (
        <section className="card" aria-labelledby="conditions-title">
          <h2 id="conditions-title">{t.browse.conditionsTitle}</h2>
          <dl className="condition-list">
            {conditions.map(([id, label]) => (
              <div key={id}>
                <dt>{id}</dt>
                <dd>{localize(label)}</dd>
              </div>
            ))}
          </dl>
        </section>
      ) : null}
      <StandardRows detail={detail} targetId={target} />
      <PublisherTextSection detail={detail} />
      <section className="card source-box" aria-labelledby="source-title">
        <h2 id="source-title">{t.browse.source}</h2>
        <p lang="en">{standard.source}</p>
      </section>
    </article>
  );
}

/** One standard: every requirement in tree order with what the guidebook says about it. */
export function StandardPage({ id }: { id: string }) {
  const t = useT();
  usePageTitle(t.browse.standardsTitle);
  return <EditionResource<StandardDetail> under={['standards', id]}>{(detail) => <StandardView detail={detail} />}</EditionResource>;
}
