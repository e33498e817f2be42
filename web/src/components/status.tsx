import type { ApiError } from '../api/client';
import { labelFor, useT } from '../i18n/i18n';
import type { Messages } from '../i18n/messages';
import { Link, useLocation } from '../router/router';

/** A polite loading line; screen readers hear it once. */
export function Loading() {
  const t = useT();
  return (
    <p className="status status-loading" role="status">
      {t.loading}
    </p>
  );
}

/**
 * What to tell the user about a failed call: our own sentence for the error
 * codes we know (in the UI language), else the server's `detail`.
 */
export function problemText(t: Messages, error: ApiError): string {
  if (error.status === 0) return t.errorNetwork;
  const code = error.problem.code;
  if (code && code in t.problems) return labelFor(t.problems, code);
  return error.problem.detail ?? error.problem.title ?? t.errorGeneric;
}

/** The link to the login page that brings the user back here afterwards. */
export function useLoginHref(): string {
  const { pathname, search } = useLocation();
  const here = `${pathname}${search}`;
  if (pathname === '/login' || pathname === '/setup') return '/login';
  return here === '/' ? '/login' : `/login?next=${encodeURIComponent(here)}`;
}

/**
 * Explains a failed API call: not logged in, no permission, not found, or the
 * server's own `detail`.
 */
export function ErrorView({ error, onRetry }: { error: ApiError; onRetry?: () => void }) {
  const t = useT();
  const loginHref = useLoginHref();

  if (error.status === 401) {
    return (
      <div className="notice notice-info" role="alert">
        <p>{t.errorUnauthorized}</p>
        <Link className="button button-primary" to={loginHref}>
          {t.loginToContinue}
        </Link>
      </div>
    );
  }

  const message = error.status === 403 ? t.errorForbidden : error.status === 404 ? t.errorNotFound : problemText(t, error);

  return (
    <div className="notice notice-error" role="alert">
      <p>{message}</p>
      {error.status === 404 ? (
        <Link to="/">{t.backHome}</Link>
      ) : onRetry && error.status !== 403 ? (
        <button type="button" className="button" onClick={onRetry}>
          {t.retry}
        </button>
      ) : null}
    </div>
  );
}

/** A short message box, e.g. after a successful setup. */
export function Notice({ kind, children }: { kind: 'info' | 'success' | 'error'; children: string }) {
  return (
    <div className={`notice notice-${kind}`} role={kind === 'error' ? 'alert' : 'status'}>
      <p>{children}</p>
    </div>
  );
}
