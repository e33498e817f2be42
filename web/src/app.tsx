import { AdminAttachTextPage } from './pages/admin-attach-text.page';
import type { ReactNode } from 'react';
import { Layout } from './components/layout';
import { AccountPage } from './pages/account.page';
import { AdminAuditPage, AdminSettingsPage } from './pages/admin-audit.page';
import { AdminOrganisationsPage } from './pages/admin-organisations.page';
import { AdminUsersPage } from './pages/admin-users.page';
import { InboxPage } from './pages/inbox.page';
import { OrganisationPage } from './pages/organisation.page';
import { InvitePage, ResetPage } from './pages/token-link.page';
import { EditionProvider } from './edition/edition';
import { LanguageProvider } from './i18n/i18n';
import { AssessmentPage } from './pages/assessment.page';
import { AssessmentComparePage } from './pages/assessment-compare.page';
import { AssessmentNewPage } from './pages/assessment-new.page';
import { AssessmentResultsPage } from './pages/assessment-results.page';
import { AssessmentRunsPage } from './pages/assessment-runs.page';
import { AssessmentsPage } from './pages/assessments.page';
import { CellPage } from './pages/cell.page';
import { ChecksheetsPage } from './pages/checksheets.page';
import { CoveragePage } from './pages/coverage.page';
import { CraCasePage } from './pages/cra-case.page';
import { CraDashboardPage } from './pages/cra-dashboard.page';
import { CraNewPage } from './pages/cra-new.page';
import { CraSettingsPage } from './pages/cra-settings.page';
import { CoverageStandardPage } from './pages/coverage-standard.page';
import { CoverageUnbackedPage } from './pages/coverage-unbacked.page';
import { EditorDraftPage } from './pages/editor-draft.page';
import type { DraftTab } from './components/editor/draft-frame';
import { EditorHomePage } from './pages/editor-home.page';
import { EditorRequirementPage } from './pages/editor-requirement.page';
import { EditorTermPage } from './pages/editor-term.page';
import { EditionComparePage, EditionsPage } from './pages/editions.page';
import { GlossaryPage } from './pages/glossary.page';
import { GlossaryTermPage } from './pages/glossary-term.page';
import { HomePage } from './pages/home.page';
import { KeywordsPage } from './pages/keywords.page';
import { LandscapePage } from './pages/landscape.page';
import { LoginPage } from './pages/login.page';
import { NotFoundPage } from './pages/not-found.page';
import { ProductVersionPage } from './pages/product-version.page';
import { ProposalPage } from './pages/proposal.page';
import { ProposalNewPage } from './pages/proposal-new.page';
import { ProposalsPage } from './pages/proposals.page';
import { RequirementPage } from './pages/requirement.page';
import { RequirementsPage } from './pages/requirements.page';
import { SearchPage } from './pages/search.page';
import { SetupPage } from './pages/setup.page';
import { StandardPage } from './pages/standard.page';
import { StandardsPage } from './pages/standards.page';
import { matchRoute, RouterProvider, useLocation } from './router/router';
import { SessionProvider } from './session/session';

type Route = [pattern: string, render: (params: Record<string, string>) => ReactNode];

/** A page showing the record named by the path's :id, mounted afresh when the id changes (no state carried over). */
function byId(Page: (props: { id: string }) => ReactNode): Route[1] {
  return (p) => <Page key={p.id} id={p.id ?? ''} />;
}

/** One tab of the draft editor, for the draft named by the path's :draftId. */
function draftTab(tab: DraftTab): Route[1] {
  return (p) => <EditorDraftPage key={p.draftId} draftId={p.draftId ?? ''} tab={tab} />;
}

/** Every page of the app, first match wins. */
const ROUTES: Route[] = [
  ['/', () => <HomePage />],
  ['/setup', () => <SetupPage />],
  ['/login', () => <LoginPage />],
  ['/invite', () => <InvitePage />],
  ['/reset', () => <ResetPage />],
  ['/account', () => <AccountPage />],
  ['/inbox', () => <InboxPage />],
  ['/users', () => <AdminUsersPage />],
  ['/admin/organisations', () => <AdminOrganisationsPage />],
  ['/admin/audit', () => <AdminAuditPage />],
  ['/admin/settings', () => <AdminSettingsPage />],
  ['/admin/standards/attach', () => <AdminAttachTextPage />],
  ['/organisations/:id', byId(OrganisationPage)],
  [
    '/products/:productId/versions/:version',
    (p) => <ProductVersionPage key={`${p.productId}|${p.version}`} productId={p.productId ?? ''} version={p.version ?? ''} />,
  ],
  ['/matrix/:layer/:phase', (p) => <CellPage layer={p.layer ?? ''} phase={p.phase ?? ''} />],
  ['/requirements/:id', byId(RequirementPage)],
  ['/requirements', () => <RequirementsPage />],
  ['/standards', () => <StandardsPage />],
  ['/standards/:id', byId(StandardPage)],
  ['/landscape', () => <LandscapePage />],
  ['/coverage', () => <CoveragePage />],
  ['/editions', () => <EditionsPage />],
  ['/editions/compare', () => <EditionComparePage />],
  ['/coverage/unbacked', () => <CoverageUnbackedPage />],
  ['/coverage/:standardId', (p) => <CoverageStandardPage key={p.standardId} standardId={p.standardId ?? ''} />],
  ['/glossary', () => <GlossaryPage />],
  ['/glossary/:id', byId(GlossaryTermPage)],
  ['/search', () => <SearchPage />],
  ['/proposals', () => <ProposalsPage />],
  ['/proposals/new', () => <ProposalNewPage />],
  ['/proposals/:id', byId(ProposalPage)],
  ['/checksheets', () => <ChecksheetsPage />],
  ['/assessments', () => <AssessmentsPage />],
  // Before /assessments/:id, which would otherwise take "new" or "compare" for an id.
  ['/assessments/new', () => <AssessmentNewPage />],
  ['/assessments/compare', () => <AssessmentComparePage />],
  ['/assessments/:id', byId(AssessmentPage)],
  ['/assessments/:id/results', byId(AssessmentResultsPage)],
  ['/assessments/:id/runs', byId(AssessmentRunsPage)],
  ['/cra', () => <CraDashboardPage />],
  ['/cra/new', () => <CraNewPage />],
  ['/cra/settings', () => <CraSettingsPage />],
  ['/cra/cases/:id', byId(CraCasePage)],
  ['/editor', () => <EditorHomePage />],
  // Before /editor/:draftId, which would otherwise take "keywords" for a draft id.
  ['/editor/keywords', () => <KeywordsPage />],
  ['/editor/:draftId', draftTab('requirements')],
  ['/editor/:draftId/reviews', draftTab('reviews')],
  ['/editor/:draftId/terms', draftTab('terms')],
  ['/editor/:draftId/diff', draftTab('diff')],
  ['/editor/:draftId/publish', draftTab('publish')],
  ['/editor/:draftId/new-requirement', (p) => <EditorRequirementPage key={`${p.draftId}|new`} draftId={p.draftId ?? ''} requirementId={null} />],
  ['/editor/:draftId/requirements/:id', (p) => <EditorRequirementPage key={`${p.draftId}|${p.id}`} draftId={p.draftId ?? ''} requirementId={p.id ?? ''} />],
  ['/editor/:draftId/new-term', (p) => <EditorTermPage key={`${p.draftId}|new`} draftId={p.draftId ?? ''} termId={null} />],
  ['/editor/:draftId/terms/:id', (p) => <EditorTermPage key={`${p.draftId}|${p.id}`} draftId={p.draftId ?? ''} termId={p.id ?? ''} />],
];

function CurrentPage() {
  const { pathname } = useLocation();
  for (const [pattern, render] of ROUTES) {
    const params = matchRoute(pattern, pathname);
    if (params) return <>{render(params)}</>;
  }
  return <NotFoundPage />;
}

export function App() {
  return (
    <LanguageProvider>
      <RouterProvider>
        <SessionProvider>
          <EditionProvider>
            <Layout>
              <CurrentPage />
            </Layout>
          </EditionProvider>
        </SessionProvider>
      </RouterProvider>
    </LanguageProvider>
  );
}
