import type { ReactNode } from 'react';
import { apiPath } from '../../api/client';
import type { EditionSummary } from '../../api/types';
import { useApi } from '../../api/use-api';
import { useEdition } from '../../edition/edition';
import { useSession } from '../../session/session';
import { useT } from '../../i18n/i18n';
import { ErrorView, Loading, Notice } from '../status';

/** Renders its children only once the current edition is known. */
export function EditionGate({ children }: { children: (edition: EditionSummary) => ReactNode }) {
  const t = useT();
  const { editions, current, retry } = useEdition();
  if (editions.status === 'error') return <ErrorView error={editions.error} onRetry={retry} />;
  if (editions.status === 'loading') return <Loading />;
  if (!current) return <Notice kind="info">{t.noEdition}</Notice>;
  return <>{children(current)}</>;
}

/**
 * One resource of the current edition (the path segments `under`
 * /api/editions/:id), fetched for the signed-in user: the spinner while it
 * loads, the error with a retry, else `children` draws it.
 */
export function EditionResource<T>({ under, children }: { under: string[]; children: (data: T) => ReactNode }) {
  return <EditionGate>{(edition) => <Resource path={apiPath('editions', edition.id, ...under)}>{children}</Resource>}</EditionGate>;
}

function Resource<T>({ path, children }: { path: string; children: (data: T) => ReactNode }) {
  const who = useSession().user?.id ?? 'anonymous';
  const result = useApi<T>(path, who);
  if (result.status === 'loading') return <Loading />;
  if (result.status === 'error') return <ErrorView error={result.error} onRetry={result.retry} />;
  return <>{children(result.data)}</>;
}
