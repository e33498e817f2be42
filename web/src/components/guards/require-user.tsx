import type { ReactNode } from 'react';
import { ApiError } from '../../api/client';
import type { User } from '../../api/types';
import { useT } from '../../i18n/i18n';
import { useSession } from '../../session/session';
import { ErrorView, Loading, Notice } from '../status';

/** Renders its children for a logged-in user; otherwise the login prompt every page uses. */
export function RequireUser({ children }: { children: (user: User) => ReactNode }) {
  const session = useSession();
  if (session.status === 'loading') return <Loading />;
  if (session.status === 'error' && session.error) return <ErrorView error={session.error} onRetry={() => void session.reload()} />;
  if (!session.user) return <ErrorView error={new ApiError(401, { status: 401, code: 'unauthenticated' })} />;
  return <>{children(session.user)}</>;
}

/** Renders its children for an administrator; anyone else logged in is told the page is not theirs. */
export function RequireAdmin({ children }: { children: ReactNode }) {
  const t = useT();
  return <RequireUser>{(user) => (user.role === 'admin' ? children : <Notice kind="info">{t.errorForbidden}</Notice>)}</RequireUser>;
}
