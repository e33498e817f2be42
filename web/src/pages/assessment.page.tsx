import { useEffect, useRef, useState } from 'react';
import { type AssessmentView, type CarryOverSummary, isEditableStatus } from '../api/assessment.types';
import { api, apiPath } from '../api/client';
import type { User } from '../api/types';
import { useApi } from '../api/use-api';
import { AssessmentCover } from '../assessment/assessment-cover';
import { FirmwarePanel } from '../assessment/firmware-panel';
import { MoveEdition } from '../assessment/move-edition';
import { PackPanel } from '../assessment/pack-panel';
import { ReportLinks } from '../assessment/report-links';
import { SelfAssessmentPanel, type SelfAssessmentView } from '../assessment/self-assessment-panel';
import { canAssess } from '../assessment/roles';
import { StatusBar } from '../assessment/status-bar';
import { WorkbookPanel } from '../assessment/workbook-panel';
import { Breadcrumbs } from '../components/breadcrumbs';
import { usePageTitle } from '../components/page-title';
import { RequireUser } from '../components/guards/require-user';
import { ErrorView, Loading, Notice } from '../components/status';
import { useT } from '../i18n/i18n';
import { useProbeMessages } from '../probe-runs/use-probe-messages';
import { ASSESSMENTS_PATH, assessmentResultsPath, assessmentRunsPath } from '../router/assessment-paths';
import { Link, useLocation } from '../router/router';
import { Workspace } from '../workspace/workspace';
import '../assessment/assessment.css';
import '../components/forms/forms.css';
import '../styles/record-lists.css';

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
  // A self-assessment answers 200 here; any other assessment 404 (it has none).
  const [self, setSelf] = useState<SelfAssessmentView | null | undefined>(undefined);
  useEffect(() => {
    let live = true;
    api.get<SelfAssessmentView>(apiPath('assessments', id, 'self-assessment')).then(
      (v) => live && setSelf(v),
      () => live && setSelf(null),
    );
    return () => {
      live = false;
    };
  }, [id]);

  if (!view || self === undefined) {
    if (result.status === 'error') return <ErrorView error={result.error} onRetry={result.retry} />;
    return <Loading />;
  }
  // A self-assessment is its organisation's to answer while draft or sent back; assessors review it.
  const canEdit = self ? self.can.answer : canAssess(user);
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
      {!canEdit && !self ? <Notice kind="info">{t.assessments.readOnlyMember}</Notice> : null}
      {self ? (
        <SelfAssessmentPanel
          view={self}
          onChanged={(next) => {
            // Submitting, sending back and accepting change who may answer: the workspace starts afresh.
            if (next.state !== self.state) reload();
            setSelf(next);
          }}
        />
      ) : (
        <StatusBar view={view} canEdit={canEdit} onChanged={setView} onStale={reload} />
      )}
      <Workspace key={generation} view={view} editable={editable} onSaved={refreshMeta} onReload={reload} />
      <AssessmentCover view={view} />
      <ReportLinks assessmentId={view.id} />
      {/* A final assessment or an accepted self-assessment, as services/packs.service.ts qualifiesForPack decides. */}
      <PackPanel assessmentId={view.id} final={view.status === 'final' || self?.state === 'accepted'} />
      <WorkbookPanel assessmentId={view.id} editable={editable} onImported={reload} />
      <FirmwarePanel assessmentId={view.id} editable={editable} onAccepted={reload} />
      {canEdit && !self ? <MoveEdition view={view} /> : null}
    </article>
  );
}

/** /assessments/:id: the status, the workspace (table of items, detail pane), then the cover, reports and workbook. */
export function AssessmentPage({ id }: { id: string }) {
  return <RequireUser>{(user) => <AssessmentDetail user={user} id={id} />}</RequireUser>;
}
