import type { AssessmentView } from '../api/assessment.types';
import { useDateTime } from '../i18n/date-time';
import { useTaxonomyChoices } from '../components/taxonomy-choices';
import { useLocalize, useT } from '../i18n/i18n';
import { assessmentPath, comparePath } from '../router/assessment-paths';
import { Link } from '../router/router';
import { targetOf } from './checksheet-spec';
import { Fact } from '../components/fact';

/** 表紙: who, what, which edition, which scope. */
export function AssessmentCover({ view }: { view: AssessmentView }) {
  const t = useT();
  const localize = useLocalize();
  const dateTime = useDateTime();
  const { layerLabel, phaseLabel } = useTaxonomyChoices();
  const sep = t.coverage.listSeparator;
  const scope = [
    view.spec.layers.length > 0 ? view.spec.layers.map(layerLabel).join(sep) : `${t.layers}: ${t.checksheets.any}`,
    view.spec.phases.length > 0 ? view.spec.phases.map(phaseLabel).join(sep) : `${t.phases}: ${t.checksheets.any}`,
    view.spec.profile ? `${t.checksheets.profile}: ${view.spec.profile.join(sep) || '—'}` : null,
    targetOf(view.spec),
  ].filter(Boolean);
  const facts: [string, string | null][] = [
    [t.assessments.organisation, view.organisation.name],
    [t.assessments.product, [view.product.name, view.product.model, view.productVersion].filter(Boolean).join(' ')],
    [t.assessments.edition, `${view.edition.id} ${localize(view.edition.title)}`],
    [t.assessments.assessor, view.assessor?.displayName ?? null],
    [t.assessments.createdAt, dateTime(view.createdAt)],
    [t.assessments.updatedAt, dateTime(view.updatedAt)],
    [t.assessments.finalisedAt, view.finalisedAt ? dateTime(view.finalisedAt) : null],
    [t.assessments.scope, scope.join(' / ')],
  ];
  return (
    <section className="card" aria-labelledby="cover-title">
      <h2 id="cover-title">{t.assessments.cover}</h2>
      <dl className="proposal-facts assessment-facts">
        {facts
          .filter(([, value]) => value)
          .map(([label, value]) => (
            <Fact key={label} label={label}>
              {value}
            </Fact>
          ))}
        {view.carriedFrom ? (
          <Fact label={t.assessments.carriedFrom}>
            <Link to={assessmentPath(view.carriedFrom)}>{view.carriedFrom}</Link>{' '}
            <Link to={comparePath(view.carriedFrom, view.id)}>{t.assessments.compare}</Link>
          </Fact>
        ) : null}
        {view.contentHash ? (
          <Fact className="wide" label={t.assessments.contentHash}>
            <code className="hash">{view.contentHash}</code>
          </Fact>
        ) : null}
      </dl>
    </section>
  );
}
