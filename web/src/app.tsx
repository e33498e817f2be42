import type { ReactNode } from 'react';
import { Layout } from './components/layout';
import { EditionProvider } from './edition/edition';
import { LanguageProvider } from './i18n/i18n';
import { CellPage } from './pages/cell.page';
import { HomePage } from './pages/home.page';
import { LoginPage } from './pages/login.page';
import { NotFoundPage } from './pages/not-found.page';
import { RequirementPage } from './pages/requirement.page';
import { SetupPage } from './pages/setup.page';
import { matchRoute, RouterProvider, useLocation } from './router/router';
import { SessionProvider } from './session/session';

type Route = [pattern: string, render: (params: Record<string, string>) => ReactNode];

/** Every page of the app, first match wins. */
const ROUTES: Route[] = [
  ['/', () => <HomePage />],
  ['/setup', () => <SetupPage />],
  ['/login', () => <LoginPage />],
  ['/matrix/:layer/:phase', (p) => <CellPage layer={p.layer ?? ''} phase={p.phase ?? ''} />],
  ['/requirements/:id', (p) => <RequirementPage key={p.id} id={p.id ?? ''} />],
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
