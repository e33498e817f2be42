import type { ApiError } from '../api/client';
import { useT } from '../i18n/i18n';
import { fieldErrorText } from '../i18n/field-error-text';
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
 * What to tell the user about a failed call, always in the UI language: our
 * own sentence for its error code (every code of the server's catalog has one),
 * never the server's English `detail`.
 */
export function problemText(t: Messages, error: ApiError): string {
  if (error.status === 0) return t.errorNetwork;
  const code = error.problem.code;
  if (code && Object.hasOwn(t.problems, code)) return t.problems[code];
  if (error.status === 401) return t.problems.unauthenticated;
  if (error.status === 403) return t.problems.forbidden;
  if (error.status === 404) return t.problems['not-found'];
  if (error.status === 413) return t.problems['payload-too-large'];
  if (error.status === 429) return t.problems['rate-limited'];
  return t.errorGeneric;
}

export { fieldErrorText };

/** A failed call in one line of the UI language: what went wrong, then each field's reason. */
export function problemSummary(t: Messages, error: ApiError): string {
  return [problemText(t, error), ...(error.problem.errors ?? []).map((e) => fieldErrorText(t, e))].join(' ');
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

/** A refused write with the one action that recovers from it (reload what someone else changed, say). */
export function ErrorWithAction({ message, action, onAction }: { message: string; action: string; onAction: () => void }) {
  return (
    <div className="notice notice-error" role="alert">
      <p>{message}</p>
      <button type="button" className="button" onClick={onAction}>
        {action}
      </button>
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

/** A failed call's problem as an error notice in the UI language, or nothing while there is none. */
export function ProblemNotice({ error }: { error: ApiError | null | undefined }) {
  const t = useT();
  return error ? <Notice kind="error">{problemText(t, error)}</Notice> : null;
}
