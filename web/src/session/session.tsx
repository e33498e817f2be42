import { createContext, type ReactNode, use, useCallback, useEffect, useMemo, useState } from 'react';
import { api, type ApiError, asApiError, setCsrfToken } from '../api/client';
import type { LoginResult, SessionInfo, User } from '../api/types';

/**
 * Who is logged in, and the CSRF token that goes with the session. Loaded
 * once from /api/session and refreshed on login and logout.
 */

export type SessionStatus = 'loading' | 'ready' | 'error';

interface SessionState {
  status: SessionStatus;
  user: User | null;
  setupRequired: boolean;
  /** The role requires a second factor this user has not set up yet. */
  totpSetupRequired: boolean;
  /** Single sign-on is configured: the login page offers it. */
  singleSignOn: boolean;
  error: ApiError | null;
  /** The user, or a pending second factor to finish with `secondFactor`. */
  login: (email: string, password: string) => Promise<User | { secondFactor: string }>;
  secondFactor: (body: { token: string; code?: string; recoveryCode?: string }) => Promise<User>;
  logout: () => Promise<void>;
  reload: () => Promise<void>;
}

const SessionContext = createContext<SessionState | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [status, setStatus] = useState<SessionStatus>('loading');
  const [user, setUser] = useState<User | null>(null);
  const [setupRequired, setSetupRequired] = useState(false);
  const [totpSetupRequired, setTotpSetupRequired] = useState(false);
  const [singleSignOn, setSingleSignOn] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  const reload = useCallback(async () => {
    try {
      const session = await api.get<SessionInfo>('/api/session');
      setCsrfToken(session.csrfToken);
      setUser(session.user);
      setSetupRequired(session.setupRequired);
      setTotpSetupRequired(session.totpSetupRequired === true);
      setSingleSignOn(session.singleSignOn === true);
      setError(null);
      setStatus('ready');
    } catch (caught) {
      setError(asApiError(caught));
      setStatus('error');
    }
  }, []);

  useEffect(() => {
    void reload();
  }, [reload]);

  const login = useCallback(
    async (email: string, password: string) => {
      const answer = await api.post<LoginResult | { secondFactor: string }>('/api/auth/login', { email, password });
      if ('secondFactor' in answer) return { secondFactor: answer.secondFactor };
      const result = answer;
      setCsrfToken(result.csrfToken);
      setUser(result.user);
      setSetupRequired(false);
      setStatus('ready');
      await reload();
      return result.user;
    },
    [reload],
  );

  const secondFactor = useCallback(
    async (body: { token: string; code?: string; recoveryCode?: string }) => {
      const result = await api.post<LoginResult>('/api/auth/second-factor', body);
      setCsrfToken(result.csrfToken);
      setUser(result.user);
      setStatus('ready');
      await reload();
      return result.user;
    },
    [reload],
  );

  const logout = useCallback(async () => {
    try {
      await api.post<void>('/api/auth/logout');
    } finally {
      // The old token belongs to the old session; fetch a fresh one either way.
      setUser(null);
      await reload();
    }
  }, [reload]);

  const value = useMemo(
    () => ({ status, user, setupRequired, totpSetupRequired, singleSignOn, error, login, secondFactor, logout, reload }),
    [status, user, setupRequired, totpSetupRequired, singleSignOn, error, login, secondFactor, logout, reload],
  );
  return <SessionContext value={value}>{children}</SessionContext>;
}

export function useSession(): SessionState {
  const session = use(SessionContext);
  if (!session) throw new Error('useSession needs a SessionProvider');
  return session;
}
