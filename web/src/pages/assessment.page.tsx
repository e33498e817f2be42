import { useEffect, useRef, useState } from 'react';
import { type Answer, type AssessmentView, type CarryOverSummary, type ChecksheetItem, DECIDED_VERDICTS, isEditableStatus } from '../api/assessment.types';
import { api, apiPath } from '../api/client';
import type { User } from '../api/types';
import { useApi } from '../api/use-api';
import { AnswerRow } from '../assessment/answer-row';
import { AssessmentCover } from '../assessment/assessment-cover';
import { FirmwarePanel } from '../assessment/firmware-panel';
import { MoveEdition } from '../assessment/move-edition';
import { ReportLinks } from '../assessment/report-links';
import { canAssess } from '../assessment/roles';
import { StatusBar } from '../assessment/status-bar';
import { WorkbookPanel } from '../assessment/workbook-panel';
import { Breadcrumbs } from '../components/breadcrumbs';
import { usePageTitle } from '../components/page-title';
import { useTaxonomyChoices } from '../components/proposals/taxonomy-choices';
import { RequireUser } from '../components/proposals/require-user';
import { ErrorView, Loading, Notice } from '../components/status';
import { useT } from '../i18n/i18n';
import { useProbeMessages } from '../probe-runs/use-probe-messages';
import { ASSESSMENTS_PATH, assessmentResultsPath, assessmentRunsPath } from '../router/assessment-paths';
import { Link, useLocation } from '../router/router';
import { useFragmentTarget } from '../router/use-fragment-target';
import { PHASES } from '../../../src/core/taxonomy.js';
import '../assessment/assessment.css';
import '../components/proposals/proposals.css';

/**
 * Items grouped by their first phase inside the assessment's phase filter (the
 * phase the checksheet ordered them by), keeping the checksheet's order.
 */
function byPhase(items: ChecksheetItem[], chosen: readonly string[]): [string, ChecksheetItem[]][] {
  const groups = new Map<string, ChecksheetItem[]>();
  for (const item of items) {
    const inFilter = item.phases.filter((p) => chosen.length === 0 || chosen.includes(p));
    const phase = PHASES.find((p) => inFilter.includes(p)) ?? item.phases[0] ?? '';
    groups.set(phase, [...(groups.get(phase) ?? []), item]);
  }
  return [...groups.entries()];
}

function Items({ view, editable, onSaved }: { view: AssessmentView; editable: boolean; onSaved: (answer: Answer) => void }) {
  const t = useT();
  const { phaseLabel } = useTaxonomyChoices();
  useFragmentTarget();
  const answers = new Map(view.answers.map((a) => [a.requirementId, a]));
  const decided = view.answers.filter((a) => DECIDED_VERDICTS.has(a.verdict)).length;
  return (
    <section aria-labelledby="items-title">
      <div className="section-head">
        <h2 id="items-title">{t.assessments.itemsTitle}</h2>
        <p className="muted">{t.assessments.itemsCount(decided, view.items.length)}</p>
      </div>
      {byPhase(view.items, view.spec.phases).map(([phase, items]) => (
        <section key={phase} className="phase-group" aria-label={phaseLabel(phase)}>
          <h2 className="phase-title">{t.assessments.phaseGroup(phaseLabel(phase), items.length)}</h2>
          {items.map((item) => {
            const answer = answers.get(item.requirementId);
            if (!answer) return null;
            return <AnswerRow key={item.requirementId} assessmentId={view.id} item={item} answer={answer} editable={editable} onSaved={onSaved} />;
          })}
        </section>
      ))}
    </section>
  );
}

function CarryOverNotice() {
  const t = useT();
  const location = useLocation();
  const state = location.state as { carryOver?: CarryOverSummary | null; notice?: string } | null;
  if (state?.notice === 'created') return <Notice kind="success">{t.assessments.created}</Notice>;
  const c = state?.carryOver;
  if (!c) return null;
  return <Notice kind="success">{t.assessments.movedNotice(c.unchanged.length, c.changed.length, c.added.length, c.removed.length)}</Notice>;
}

function AssessmentDetail({ user, id }: { user: User; id: string }) {
  const t = useT();
  const probeMessages = useProbeMessages();
  const result = useApi<AssessmentView>(apiPath('assessments', id), user.id);
  const [view, setView] = useState<AssessmentView | null>(null);
  const [generation, setGeneration] = useState(0);
  const latest = useRef(0);
  const loaded = result.status === 'ok' ? result.data : null;
  useEffect(() => {
    if (!loaded) return;
    setView(loaded);
    setGeneration((n) => n + 1);
  }, [loaded]);
  usePageTitle(view ? view.title : t.assessments.listTitle);

  if (!view) {
    if (result.status === 'error') return <ErrorView error={result.error} onRetry={result.retry} />;
    return <Loading />;
  }
  const canEdit = canAssess(user);
  const editable = canEdit && isEditableStatus(view.status);
  // A full reload: answers too (after a workbook import or a conflict); the item forms start afresh.
  const reload = result.retry;
  // Every answer moves the assessment to a new version (and a draft to in progress):
  // fetch status and version, keeping the answers the page holds; only the newest fetch counts.
  const refreshMeta = () => {
    const ticket = ++latest.current;
    api.get<AssessmentView>(apiPath('assessments', id)).then(
      (fresh) => {
        if (ticket !== latest.current) return;
        setView((v) => (v ? { ...v, status: fresh.status, version: fresh.version, updatedAt: fresh.updatedAt } : v));
      },
      () => undefined,
    );
  };
  const onSaved = (answer: Answer) => {
    setView((v) => (v ? { ...v, answers: v.answers.map((a) => (a.requirementId === answer.requirementId ? answer : a)) } : v));
    refreshMeta();
  };

  return (
    <article aria-labelledby="assessment-title" className="assessment">
      <Breadcrumbs trail={[{ label: t.assessments.listTitle, to: ASSESSMENTS_PATH }, { label: view.title }]} />
      <CarryOverNotice />
      <header className="page-head">
        <h1 id="assessment-title">{view.title}</h1>
        <Link className="button" to={assessmentResultsPath(view.id)}>
          {t.assessments.results}
        </Link>
        <Link className="button" to={assessmentRunsPath(view.id)}>
          {probeMessages.link}
        </Link>
      </header>
      {view.status === 'final' ? <Notice kind="info">{t.assessments.readOnlyFinal}</Notice> : null}
      {!canEdit ? <Notice kind="info">{t.assessments.readOnlyMember}</Notice> : null}
      <AssessmentCover view={view} />
      <StatusBar view={view} canEdit={canEdit} onChanged={setView} onStale={reload} />
      <ReportLinks assessmentId={view.id} />
      <WorkbookPanel assessmentId={view.id} editable={editable} onImported={reload} />
      <FirmwarePanel assessmentId={view.id} editable={editable} onAccepted={reload} />
      <Items key={generation} view={view} editable={editable} onSaved={onSaved} />
      {canEdit ? <MoveEdition view={view} /> : null}
    </article>
  );
}

/** /assessments/:id: the cover, the status, and every check item with its answer. */
export function AssessmentPage({ id }: { id: string }) {
  return <RequireUser>{(user) => <AssessmentDetail user={user} id={id} />}</RequireUser>;
}
